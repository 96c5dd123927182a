/**
 * Backups of the open database, kept like Actual Budget keeps them. A backup is `VACUUM INTO` a new
 * file (a consistent copy taken by SQLite itself, never a file copy of a live database), written under
 * a temporary name and renamed when complete. Before each one the full `PRAGMA integrity_check` runs:
 * a damaged database is never backed up, so it can never rotate the last good backup away.
 *
 * Taken: when the database is opened, before every import, roll-over, restore or report deletion
 * (`backupNow(reason)`), and after an edit when the last backup is 10 minutes old or more.
 */
import { mkdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { BackupReason } from '../reportSessions';
import { migrate } from '../store/openDatabase';
import type { ReportStore } from '../store/reportStore';
import { StorageError } from '../store/sqliteErrors';
import { backupFolderFor, backupName, listBackupFiles, type BackupFile } from './backupFiles';
import { checkFile, checkIntegrity, problemWords } from './integrity';
import { backupsToRemove, DEFAULT_RETENTION, type RetentionPolicy } from './retention';

/** The database failed the full integrity check: no backup was taken (and none rotated away). */
export class IntegrityError extends AppError {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(
      `数据库“${file}”完整性检查未通过（${problemWords(problems)}），未做备份，已有的备份都保留着。请关闭程序后重新打开（损坏的数据库会被改名保留），再恢复最新的完好备份`,
    );
  }
}

export const BACKUP_INTERVAL_MS = 10 * 60 * 1000;

export interface BackupOptions {
  now?: () => Date;
  policy?: RetentionPolicy;
  intervalMs?: number;
  /** False: no periodic backups after edits (a one-off service taking a single backup). */
  periodic?: boolean;
}

export class BackupService {
  readonly folder: string;
  private readonly now: () => Date;
  private readonly policy: RetentionPolicy;
  private readonly intervalMs: number;
  private chain: Promise<unknown> = Promise.resolve();
  private lastAt: number | undefined;
  private unsubscribe: () => void;
  /** The last periodic backup that failed (shown on the 备份与恢复 screen); cleared by a good one. */
  lastFailure: string | null = null;

  constructor(
    private readonly store: ReportStore,
    options: BackupOptions = {},
  ) {
    this.folder = backupFolderFor(store.file);
    this.now = options.now ?? (() => new Date());
    this.policy = options.policy ?? DEFAULT_RETENTION;
    this.intervalMs = options.intervalMs ?? BACKUP_INTERVAL_MS;
    this.unsubscribe = options.periodic === false ? () => undefined : store.onWrite(() => this.noteWrite());
  }

  private queue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Resolves when every backup asked for so far has finished (tests, and closing the database). */
  settled(): Promise<void> {
    return this.chain.then(() => undefined);
  }

  stop(): void {
    this.unsubscribe();
  }

  list(): Promise<BackupFile[]> {
    return listBackupFiles(this.folder);
  }

  private async isEmpty(): Promise<boolean> {
    const row = await this.store.db.get<{ n: number }>('SELECT (SELECT COUNT(*) FROM units) + (SELECT COUNT(*) FROM reports) AS n');
    return (row?.n ?? 0) === 0;
  }

  /** Takes a backup now and rotates old ones; refused (nothing rotated) when the database fails its integrity check. */
  backupNow(reason: BackupReason): Promise<BackupFile> {
    return this.queue(() => this.take(reason));
  }

  private async take(reason: BackupReason): Promise<BackupFile> {
    let problems: string[];
    try {
      problems = await checkIntegrity(this.store.db, true);
    } catch (err) {
      // A page so damaged that the check itself cannot read it: the same verdict as a failed check.
      if (err instanceof StorageError && (err.code === 'SQLITE_CORRUPT' || err.code === 'SQLITE_NOTADB')) throw new IntegrityError(this.store.file, [err.code]);
      throw err;
    }
    if (problems.length > 0) throw new IntegrityError(this.store.file, problems);
    await mkdir(this.folder, { recursive: true });
    let at = this.now();
    const existing = new Set((await this.list()).map((b) => b.name));
    while (existing.has(backupName(at, reason))) at = new Date(at.getTime() + 1);
    const name = backupName(at, reason);
    const path = join(this.folder, name);
    const partial = `${path}.partial`;
    try {
      await this.store.db.vacuumInto(partial);
      await rename(partial, path);
    } catch (err) {
      await unlink(partial).catch(() => undefined);
      throw new AppError(`无法写入备份“${path}”：${err instanceof Error ? err.message : String(err)}`);
    }
    this.lastAt = at.getTime();
    this.lastFailure = null;
    await this.rotate();
    const made = (await this.list()).find((b) => b.name === name);
    if (!made) throw new AppError(`备份“${path}”写入后找不到了`);
    return made;
  }

  private async rotate(): Promise<void> {
    const all = await this.list();
    for (const name of backupsToRemove(all, this.now(), this.policy)) {
      await unlink(join(this.folder, name)).catch(() => undefined);
    }
  }

  /**
   * The backup when the database is opened. `always` (the app, the web host) takes it unless the
   * database is empty; `ifOld` (the CLI, which opens the database once per command) only when the newest
   * backup is older than the interval, so a script of a thousand commands does not rotate every
   * earlier backup away.
   */
  /** Counts the interval from the newest backup already in the folder (call once after opening). */
  async init(): Promise<void> {
    const newest = (await this.list())[0];
    if (newest) this.lastAt = newest.at.getTime();
  }

  async backupOnOpen(mode: 'always' | 'ifOld'): Promise<BackupFile | null> {
    const newest = (await this.list())[0];
    if (await this.isEmpty()) return null;
    if (mode === 'ifOld' && newest && this.now().getTime() - newest.at.getTime() < this.intervalMs) return null;
    return this.backupNow('open');
  }

  /** After a committed edit: a periodic backup when the last one is at least the interval old. */
  private noteWrite(): void {
    const now = this.now().getTime();
    if (this.lastAt !== undefined && now - this.lastAt < this.intervalMs) return;
    this.lastAt = now; // one periodic backup per interval, even while this one is being written
    this.backupNow('periodic').catch((err: unknown) => {
      this.lastFailure = err instanceof Error ? err.message : String(err);
    });
  }

  /**
   * Replaces the database's content with a backup: the backup is checked first, then the current state
   * is backed up (reason `restore`), then the backup's pages are copied in through SQLite's backup
   * API (other connections see one commit), and migrations bring an older backup up to date.
   */
  restore(name: string): Promise<{ restored: BackupFile; safety: BackupFile | null }> {
    return this.queue(async () => {
      const restored = (await this.list()).find((b) => b.name === name);
      if (!restored) throw new AppError(`没有名为“${name}”的备份（备份文件夹：${this.folder}）`);
      const problems = await checkFile(restored.path);
      const record = problems.find((p) => p.startsWith('数据库'));
      if (record) throw new AppError(`备份“${restored.path}”不能恢复：${record.slice(3)}。未恢复，数据库未改动`);
      if (problems.length > 0) throw new AppError(`备份“${restored.path}”未通过完整性检查（${problemWords(problems)}），未恢复，数据库未改动`);
      const safety = (await this.isEmpty()) ? null : await this.take('restore');
      await this.store.db.restoreFrom(restored.path);
      await migrate(this.store.db, this.store.file);
      const after = await checkIntegrity(this.store.db, false);
      if (after.length > 0) throw new AppError(`恢复备份后数据库检查未通过（${problemWords(after)}）`);
      return { restored, safety };
    });
  }
}
