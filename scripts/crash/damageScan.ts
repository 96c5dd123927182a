/**
 * Damaged copies of a small workstation database, opened as the workstation opens them: 1–16 random
 * bytes changed per copy (seeded), then counts by outcome. A copy SQLite's checks find damaged must be
 * set aside (renamed, never deleted) or refused with a Chinese message — never opened; nothing may
 * crash. A changed byte inside a stored number that leaves every page well-formed is invisible to any
 * check of SQLite's: such copies open with a different figure and are counted on their own.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFile } from '../../electron/services/backup/integrity';
import { createServices } from '../../electron/services/createServices';
import { AppError } from '../../shared/api/errors';
import { scrambleFile } from './damage';

export interface DamageCounts {
  copies: number;
  /** Copies whose full integrity check fails. */
  checkFailed: number;
  setAside: number;
  refused: number;
  openedSame: number;
  openedDifferent: number;
  /** A copy whose check fails, opened anyway: must be 0. */
  damagedOpened: number;
  /** Anything but a clerk's message: must be 0. */
  crashed: number;
  crashes: string[];
}

const ref = { unit: '001', year: 2020 };

export async function scanDamage(copies: number, seed: number): Promise<DamageCounts> {
  const dir = await mkdtemp(join(tmpdir(), 'juesuan-damage-'));
  const counts: DamageCounts = { copies, checkFailed: 0, setAside: 0, refused: 0, openedSame: 0, openedDifferent: 0, damagedOpened: 0, crashed: 0, crashes: [] };
  const inputsOf = async (dbPath: string) => {
    const services = await createServices({ dbPath, settingsFile: join(dir, 'settings.json'), onDamaged: 'recover', backupOnOpen: 'always' });
    try {
      if (services.setAside) return 'setAside' as const;
      return JSON.stringify(Object.entries((await services.api.openReport(ref)).inputs).sort());
    } finally {
      await services.close();
    }
  };
  try {
    const original = join(dir, 'original.sqlite');
    const services = await createServices({ dbPath: original, settingsFile: join(dir, 'settings.json'), backupOnOpen: 'never' });
    await services.api.addUnit({ code: '001', name: '某某县政务服务管理局', kind: '行政单位' });
    const rows = ['2010301', '2010302', '2010303', '2010306', '2010308', '2010309', '2010350', '2010399'];
    await services.api.addRows({ ...ref, table: 'T03', rows });
    await services.api.setCells({ ...ref, edits: rows.flatMap((row, i) => [{ table: 'T03', row, col: 'c2', value: 633_095 + i }, { table: 'T03', row, col: 'c3', value: 100 * i + 1 }]) });
    await services.close();
    const expected = await inputsOf(original);
    for (let n = 0; n < copies; n += 1) {
      const copy = join(dir, `copy-${n}.sqlite`);
      await copyFile(original, copy);
      await scrambleFile(copy, seed + n);
      const damaged = (await checkFile(copy)).length > 0;
      if (damaged) counts.checkFailed += 1;
      try {
        const seen = await inputsOf(copy);
        if (seen === 'setAside') counts.setAside += 1;
        else {
          if (damaged) counts.damagedOpened += 1;
          if (seen === expected) counts.openedSame += 1;
          else counts.openedDifferent += 1;
        }
      } catch (err) {
        if (err instanceof AppError) counts.refused += 1;
        else {
          counts.crashed += 1;
          counts.crashes.push(`seed ${seed + n}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        }
      }
      await rm(`${copy}.backups`, { recursive: true, force: true });
    }
    return counts;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
