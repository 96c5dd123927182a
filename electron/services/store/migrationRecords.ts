/**
 * The check of a database's record of applied migrations against the program's own list: every
 * recorded migration must be one the program knows, under the same name, with the sha256 of the very
 * text the program would apply. A record that fails is treated as damage (the database is set aside
 * and a good backup offered), the same check decides which backups are good.
 */
import { createHash } from 'node:crypto';
import { MIGRATIONS, type Migration } from './migrations/index';

export interface AppliedMigration {
  id: number;
  name: string;
  sha256: string;
}

export function migrationHash(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

/** What is wrong with the record, in words for the clerk; null when every recorded migration matches. */
export function migrationRecordProblem(applied: readonly AppliedMigration[], migrations: readonly Migration[] = MIGRATIONS): string | null {
  const known = new Map(migrations.map((m) => [m.id, m]));
  for (const row of applied) {
    const migration = known.get(row.id);
    if (!migration) {
      return `的升级记录中有本程序不认识的升级 ${row.name}（由更新版本的决算工作站升级过，或升级记录被改动过）`;
    }
    if (migration.name !== row.name || migrationHash(migration.sql) !== row.sha256) {
      return `已应用的升级 ${row.name} 与本程序中的内容不一致（升级记录或升级脚本被改动过）`;
    }
  }
  return null;
}
