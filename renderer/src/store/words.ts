/** The words the 备份与恢复 and 修改记录 screens use for reasons, ways and times. */
import type { BackupReason, ChangeHow } from '../../../shared/api/contract';

export const REASON_WORDS: Record<BackupReason, string> = {
  open: '打开时',
  import: '导入前',
  rollover: '结转前',
  restore: '恢复前',
  delete: '删除报表前',
  periodic: '定时',
  manual: '手动',
};

export const HOW_WORDS: Record<ChangeHow, string> = { typed: '录入', paste: '粘贴', import: '导入', undo: '撤销', restore: '恢复' };

/** Local time as a clerk reads it: 2026-11-28 18:05:12. */
export function timeText(iso: string): string {
  const at = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())} ${p(at.getHours())}:${p(at.getMinutes())}:${p(at.getSeconds())}`;
}

export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
