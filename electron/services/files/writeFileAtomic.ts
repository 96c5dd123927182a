/**
 * Every file the program writes goes through here: the bytes go to a hidden temporary file in the
 * same folder, are flushed to disk, and only then renamed over the target — so a crash, a full disk
 * or a failed export leaves either the old file or the complete new one, never half a file and no
 * stray temporary. The target is checked first (outputGuard): never a database.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { writeFailure } from './fsErrors';
import { assertSafeOutput } from './outputGuard';

export interface AtomicWriteOptions {
  /** Create the folder if it is missing (settings); a clerk's output folder must exist. */
  createFolder?: boolean;
}

/** The temporary name beside `target`: hidden, unique, and recognisable as ours. */
export function temporaryName(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

async function syncFolder(folder: string): Promise<void> {
  // Makes the rename itself durable on POSIX; Windows cannot open a folder this way and needs no help.
  if (process.platform === 'win32') return;
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // best effort: the file's own contents are already on disk
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Writes `data` to `target` atomically; returns the absolute path written. Failures are AppErrors in Chinese. */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<string> {
  const full = assertSafeOutput(target);
  const temp = temporaryName(full);
  try {
    if (options.createFolder) await mkdir(dirname(full), { recursive: true });
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // Checked again just before the rename: a database may have been opened at that path meanwhile.
    assertSafeOutput(full);
    await rename(temp, full);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    if (err instanceof AppError) throw err;
    throw writeFailure(err, full);
  }
  await syncFolder(dirname(full));
  return full;
}
