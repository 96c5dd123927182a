/**
 * `juesuan backup list|create|restore --db …`: the backups of a database. These work on a damaged
 * database too: it is set aside (renamed, never deleted) and a new one put in its place, so the newest
 * good backup can be restored into it.
 */
import { AppError } from '../../../shared/api/errors';
import { localTime, setAsideMessage } from '../../services/backup/damagedDatabase';
import type { BackupFile } from '../../services/backup/backupFiles';
import type { Services } from '../../services/createServices';
import { parseCommandArgs, UsageError } from '../args';
import { withServices, type Output } from '../commands';

export const REASON_WORDS: Record<BackupFile['reason'], string> = {
  open: '打开时',
  import: '导入前',
  rollover: '结转前',
  restore: '恢复前',
  delete: '删除报表前',
  periodic: '定时',
  manual: '手动',
};

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function line(b: BackupFile): string {
  return `${b.name}\t${localTime(b.at)}\t${REASON_WORDS[b.reason]}\t${sizeText(b.bytes)}`;
}

function noticeSetAside(s: Services, io: Output): void {
  if (s.setAside) io.out(setAsideMessage(s.setAside));
}

const USAGE = '用法：juesuan backup list|create|restore --db 文件 [备份名称]';

export async function backupCommand(args: string[], io: Output): Promise<void> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseCommandArgs(rest, { db: { type: 'string' }, packs: { type: 'string' } }, true);
  if (sub === 'list') {
    if (positionals.length > 0) throw new UsageError(USAGE);
    await withServices(
      values,
      false,
      async (s) => {
        noticeSetAside(s, io);
        const backups = await s.backups.list();
        io.out(`备份文件夹：${s.backups.folder}`);
        if (backups.length === 0) io.out('（还没有备份）');
        for (const b of backups) io.out(line(b));
        if (s.backups.lastFailure) io.out(`注意：${s.backups.lastFailure}`);
      },
      { onDamaged: 'recover', backupOnOpen: 'never' },
    );
    return;
  }
  if (sub === 'create') {
    if (positionals.length > 0) throw new UsageError(USAGE);
    await withServices(
      values,
      true,
      async (s) => {
        const made = await s.backups.backupNow('manual');
        io.out(`已备份到 ${made.path}`);
      },
      { backupOnOpen: 'never' },
    );
    return;
  }
  if (sub === 'restore') {
    if (positionals.length !== 1) throw new UsageError('用法：juesuan backup restore --db 文件 备份名称（名称见 juesuan backup list）');
    const name = positionals[0] ?? '';
    await withServices(
      values,
      false,
      async (s) => {
        noticeSetAside(s, io);
        const { restored, safety } = await s.backups.restore(name);
        if (safety) io.out(`恢复前的数据已备份为 ${safety.path}`);
        io.out(`已恢复备份 ${restored.name}（${localTime(restored.at)}，${REASON_WORDS[restored.reason]}）到 ${s.store.file}`);
      },
      { onDamaged: 'recover', backupOnOpen: 'never' },
    );
    return;
  }
  throw new AppError(`未知的子命令 backup ${sub ?? ''}（可用：backup list、backup create、backup restore）`.trim());
}
