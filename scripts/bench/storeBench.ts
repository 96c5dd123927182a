/** Durable-edit figures: one cell written through the Api into a real SQLite file (WAL, synchronous=FULL). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '../../electron/services/api';
import { ReportSessions } from '../../electron/services/reportSessions';
import { jsonFileSettings } from '../../electron/services/settings/jsonFileSettings';
import { ReportStore } from '../../electron/services/store/reportStore';
import { splitCellKey } from '../../shared/api/contract';
import { ReportEngine } from '../../shared/engine/reportEngine';
import { inputCells } from './engineBench';
import type { FullSizeReport } from './fullSizeReport';
import { seededRandom } from './fullSizeReport';
import { ms, printFigures, quantile, timed } from './stats';

export async function benchStore({ pack, data }: FullSizeReport): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-bench-'));
  const store = await ReportStore.open(join(dir, 'bench.sqlite'));
  try {
    const sessions = new ReportSessions(store, [pack]);
    const api = createApi({ store, packs: [pack], settings: jsonFileSettings(join(dir, 'settings.json')), sessions });
    const ref = { unit: 'B001', year: pack.year };
    await api.addUnit({ code: ref.unit, name: '基准测试单位', kind: '行政单位', parent: null });
    await api.openReport(ref);
    for (const [table, rows] of Object.entries(data.rows)) await api.addRows({ ...ref, table, rows });
    const edits = Object.entries(data.inputs).map(([key, value]) => ({ ...splitCellKey(key), value }));
    const bulk = await timed(() => api.setCells({ ...ref, edits }));

    const cells = inputCells(new ReportEngine(pack, data));
    const random = seededRandom(11);
    const perEdit: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const cell = cells[Math.floor(random() * cells.length)]!;
      const value = Math.floor(random() * 100_000_000);
      perEdit.push(await timed(() => api.setCells({ ...ref, edits: [{ ...cell, value }] })));
    }
    printFigures('SQLite 持久化（真实文件，WAL + synchronous=FULL，每次修改一个事务）', [
      { what: `一次写入整张报表（${edits.length} 个单元格，一个事务）`, value: ms(bulk) },
      { what: '单个单元格修改落盘（中位数，1000 次）', value: ms(quantile(perEdit, 0.5)), target: '< 10 ms' },
      { what: '单个单元格修改落盘（p99）', value: ms(quantile(perEdit, 0.99)) },
    ]);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
