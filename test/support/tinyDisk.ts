/**
 * A real small file system for the tests of a full disk and a read-only folder: a tmpfs of a few
 * hundred KiB mounted on a temporary folder. Mounting needs root (as on our build machines and CI);
 * elsewhere the test fails with a sentence saying so rather than passing without checking anything.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TinyDisk {
  dir: string;
  /** Fills the remaining space with one file (removable with `unfill`). */
  fill(): Promise<void>;
  unfill(): Promise<void>;
  /** Remounts read-only / read-write. */
  readOnly(): void;
  writable(): void;
  remove(): Promise<void>;
}

function mount(args: string[]): void {
  execFileSync('mount', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

export async function tinyDisk(sizeKiB = 1024): Promise<TinyDisk> {
  const dir = await mkdtemp(join(tmpdir(), 'juesuan-disk-'));
  try {
    mount(['-t', 'tmpfs', '-o', `size=${sizeKiB}k`, 'tmpfs', dir]);
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`this test mounts a small tmpfs and must run as root (uid ${process.getuid?.()}): ${String(err)}`);
  }
  const filler = join(dir, 'filler.bin');
  return {
    dir,
    fill: async () => {
      await writeFile(filler, Buffer.alloc(sizeKiB * 1024 * 2)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOSPC') throw err;
      });
    },
    unfill: () => rm(filler, { force: true }),
    readOnly: () => mount(['-o', 'remount,ro', dir]),
    writable: () => mount(['-o', 'remount,rw', dir]),
    remove: async () => {
      execFileSync('umount', [dir]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
