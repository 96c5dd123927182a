/**
 * Backup files: one SQLite file per backup in a folder next to the database
 * (`juesuan.db` → `juesuan.db.backups/`), named by its UTC time and the reason it was taken,
 * e.g. `2026-11-28T18-05-12-345Z-import.sqlite`, so a listing needs no database of its own.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { BackupReason } from '../reportSessions';

export const BACKUP_REASONS: readonly BackupReason[] = ['open', 'import', 'rollover', 'restore', 'delete', 'periodic', 'manual'];

export interface BackupFile {
  name: string;
  path: string;
  at: Date;
  reason: BackupReason;
  bytes: number;
}

const NAME = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z]+)\.sqlite$/;

export function backupFolderFor(dbFile: string): string {
  return join(dirname(dbFile), `${basename(dbFile)}.backups`);
}

export function backupName(at: Date, reason: BackupReason): string {
  return `${at.toISOString().replace(/:/g, '-').replace('.', '-')}-${reason}.sqlite`;
}

function isReason(text: string): text is BackupReason {
  return (BACKUP_REASONS as readonly string[]).includes(text);
}

export function parseBackupName(name: string): { at: Date; reason: BackupReason } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, day, h, mi, s, ms, reason = ''] = m;
  const at = new Date(`${day}T${h}:${mi}:${s}.${ms}Z`);
  if (Number.isNaN(at.getTime()) || !isReason(reason)) return null;
  return { at, reason };
}

/** The backups in a folder, newest first; other files are left alone and not listed. */
export async function listBackupFiles(folder: string): Promise<BackupFile[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const files: BackupFile[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const path = join(folder, name);
    try {
      files.push({ name, path, ...parsed, bytes: (await stat(path)).size });
    } catch {
      // Removed while listing: not a backup any more.
    }
  }
  return files.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.name < b.name ? 1 : -1));
}
