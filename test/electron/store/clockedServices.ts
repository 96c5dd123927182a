/**
 * Services on a new real database in a temp folder whose clock the test sets (the store's journal and the
 * backups both read it), so the edit history's times are known: what the history tests start from.
 */
import { join } from 'node:path';
import { createServices, type Services } from '../../../electron/services/createServices';
import { makeTempDir } from '../services/tempDir';

export const T0 = Date.parse('2026-11-28T08:00:00Z');
export const MINUTE = 60_000;

export interface ClockedServices {
  dir: string;
  db: string;
  s: Services;
  /** Sets the clock to T0 + `minutes`. */
  at(minutes: number): void;
  /** Closes the services (if still open) and removes the folder. */
  close(): Promise<void>;
}

export async function openClockedServices(prefix: string): Promise<ClockedServices> {
  const temp = await makeTempDir(prefix);
  const db = join(temp.dir, '决算.sqlite');
  let clock = T0;
  const s = await createServices({ dbPath: db, backupOnOpen: 'never', backup: { now: () => new Date(clock) } });
  s.store.now = () => new Date(clock);
  return {
    dir: temp.dir,
    db,
    s,
    at: (minutes) => {
      clock = T0 + minutes * MINUTE;
    },
    close: async () => {
      await s.close();
      await temp.remove();
    },
  };
}
