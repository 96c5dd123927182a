/**
 * The set-up the Excel import tests share: the yn-2020 pack and a real workbook exported from a
 * balanced report, once per file; a fresh SQLite file per test holding the unit (and, if asked, the
 * balanced report), with the sessions over it, closed after the test.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { ReportData, Unit } from '../../../../shared/api/contract';
import { ReportEngine } from '../../../../shared/engine/reportEngine';
import type { Pack } from '../../../../shared/pack/model';
import { exportWorkbook } from '../../../../electron/services/excel/exportWorkbook';
import { defaultPacksDir, loadPack } from '../../../../electron/services/packs/loadPack';
import { ReportSessions } from '../../../../electron/services/reportSessions';
import { ReportStore } from '../../../../electron/services/store/reportStore';
import { balancedData } from '../../../shared/audit/auditFixtures';
import { makeTempDir } from '../tempDir';

export const unit: Unit = { code: '001', name: '保山市隆阳区政务服务管理局', kind: '行政单位', parent: null };
export const ref = { unit: '001', year: 2020 };

export interface ImportDatabase {
  pack: Pack;
  /** The 公开表 workbook of the balanced report, exported in 元. */
  exported: Uint8Array;
  store: ReportStore;
  sessions: ReportSessions;
}

export interface ImportDatabaseOptions {
  /** Each test's database starts with the balanced report stored (default: only the unit). */
  balancedReport?: boolean;
}

/**
 * Registers the hooks; `take` is handed the pack, the workbook and the new test's store and sessions
 * each time they change (once per file, then before every test), so the test file keeps its own names.
 */
export function useImportDatabase(name: string, take: (db: ImportDatabase) => void, options: ImportDatabaseOptions = {}): void {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let n = 0;
  const db = {} as ImportDatabase;
  beforeAll(async () => {
    temp = await makeTempDir(`juesuan-xlsx-${name}-`);
    db.pack = await loadPack(join(defaultPacksDir(), 'yn-2020'));
    const engine = new ReportEngine(db.pack, balancedData());
    db.exported = new Uint8Array(await exportWorkbook({ pack: db.pack, engine, unit, year: 2020, texts: {}, options: { unit: '元', blankZeros: false } }));
    take(db);
  });
  afterAll(async () => {
    await temp.remove();
  });
  beforeEach(async () => {
    n += 1;
    db.store = await ReportStore.open(join(temp.dir, `${name}-${n}.db`));
    if (options.balancedReport) await storeBalanced(db.store, db.pack);
    else await db.store.addUnit(unit);
    db.sessions = new ReportSessions(db.store, [db.pack]);
    take(db);
  });
  afterEach(async () => {
    await db.store.close();
  });
}

/** The unit's stored report data for a year, if it has one. */
export async function storedData(store: ReportStore, year = 2020): Promise<ReportData | undefined> {
  const report = await store.findReport(unit.code, year);
  return report ? store.loadReportData(report.id) : undefined;
}

/** Stores the balanced report (replacing what the unit has for 2020). */
export async function storeBalanced(store: ReportStore, pack: Pack): Promise<void> {
  await store.replaceReport({ unit, year: 2020, packId: pack.id, data: { ...balancedData(), texts: {} } });
}
