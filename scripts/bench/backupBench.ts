/**
 * Safety figures on a full-size report in a real file: the checks at open and before a backup, a backup
 * (VACUUM INTO), a restore (backup API), and rebuilding the report's state from the edit history.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '../../electron/services/api';
import { BackupService } from '../../electron/services/backup/backupService';
import { checkIntegrity } from '../../electron/services/backup/integrity';
import { ReportSessions } from '../../electron/services/reportSessions';
import { jsonFileSettings } from '../../electron/services/settings/jsonFileSettings';
import { stateAfterBatch } from '../../electron/services/store/history';
import { ReportStore } from '../../electron/services/store/reportStore';
import { splitCellKey } from '../../shared/api/contract';
import { ReportEngine } from '../../shared/engine/reportEngine';
import { inputCells } from './engineBench';
import { seededRandom, type FullSizeReport } from './fullSizeReport';
import { ms, printFigures, timed } from './stats';

export async function benchBackup({ pack, data }: FullSizeReport): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-bench-backup-'));
  const store = await ReportStore.open(join(dir, 'bench.sqlite'));
  const backups = new BackupService(store);
  try {
    const sessions = new ReportSessions(store, [pack]);
    const api = createApi({ store, packs: [pack], settings: jsonFileSettings(join(dir, 'settings.json')), sessions });
    const ref = { unit: 'B001', year: pack.year };
    await api.addUnit({ code: ref.unit, name: '基准测试单位', kind: '行政单位', parent: null });
    await api.openReport(ref);
    for (const [table, rows] of Object.entries(data.rows)) await api.addRows({ ...ref, table, rows });
    await api.setCells({ ...ref, edits: Object.entries(data.inputs).map(([key, value]) => ({ ...splitCellKey(key), value })) });
    const cells = inputCells(new ReportEngine(pack, data));
    const random = seededRandom(5);
    for (let i = 0; i < 1000; i++) {
      const cell = cells[Math.floor(random() * cells.length)]!;
      await api.setCells({ ...ref, edits: [{ ...cell, value: Math.floor(random() * 100_000_000) }] });
    }
    await backups.settled();
    const quick = await timed(() => checkIntegrity(store.db, false));
    const full = await timed(() => checkIntegrity(store.db, true));
    const backup = await timed(() => backups.backupNow('manual'));
    const newest = (await backups.list())[0]!;
    const restore = await timed(() => backups.restore(newest.name));
    const report = await store.findReport(ref.unit, ref.year);
    const target = { reportId: report!.id, unitCode: ref.unit, year: ref.year };
    const rebuild = await timed(() => store.db.snapshot((tx) => stateAfterBatch(tx, target, 1)));
    printFigures('备份与修改记录（真实文件，整张报表 + 1000 次单格修改的记录）', [
      { what: '打开时的快速完整性检查（quick_check）', value: ms(quick) },
      { what: '备份前的完整性检查（integrity_check）', value: ms(full) },
      { what: '一次备份（integrity_check + VACUUM INTO + 轮换）', value: ms(backup) },
      { what: `一次恢复（先备份当前数据，再用备份 API 写回，${Math.round(newest.bytes / 1024)} KB）`, value: ms(restore) },
      { what: '由修改记录重建最早时刻的整份报表', value: ms(rebuild) },
    ]);
  } finally {
    backups.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
