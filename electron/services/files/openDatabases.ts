/**
 * The database files this process has open. A file the program writes must never land on one of
 * them (or on their -wal / -shm / -journal companions): `export-json --out` naming the database would
 * otherwise replace a year of every unit's work with one report.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/** SQLite's companion files of a database (WAL mode and rollback mode). */
export const SQLITE_COMPANIONS = ['-wal', '-shm', '-journal'] as const;

const open = new Map<number, string>();
let next = 1;

/** Device and inode, so a hard link or a differently spelled path to the same file is recognised; null when missing. */
export function fileIdentity(path: string): string | null {
  try {
    const info = statSync(path, { bigint: true });
    return `${info.dev}:${info.ino}`;
  } catch {
    return null;
  }
}

/** Records an open database; the returned function forgets it (call it when the connection closes). */
export function registerOpenDatabase(file: string): () => void {
  const key = next++;
  open.set(key, resolve(file));
  return () => {
    open.delete(key);
  };
}

export function openDatabaseFiles(): { path: string; id: string | null }[] {
  return [...new Set(open.values())].map((path) => ({ path, id: fileIdentity(path) }));
}
