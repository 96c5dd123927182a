/** Excel figures on the full-size report: export the 公开表 workbook; plan and commit its import into a fresh database. */
import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { ReportEngine } from '../../shared/engine/reportEngine';
import { exportWorkbook } from '../../electron/services/excel/exportWorkbook';
import { commitXlsxImport, planXlsxImport } from '../../electron/services/excel/xlsxService';
import { ReportSessions } from '../../electron/services/reportSessions';
import { ReportStore } from '../../electron/services/store/reportStore';
import type { FullSizeReport } from './fullSizeReport';
import { ms, printFigures, quantile, timed } from './stats';

export async function benchExcel({ pack, data }: FullSizeReport): Promise<void> {
  const engine = new ReportEngine(pack, data);
  const unit = { code: '001', name: '保山市隆阳区政务服务管理局', kind: '行政单位' as const, parent: null };
  const input = { pack, engine, unit, year: pack.year, texts: {}, options: { unit: '元' as const, blankZeros: false } };
  let bytes = await exportWorkbook(input);
  const exportTimes: number[] = [];
  for (let i = 0; i < 10; i++) exportTimes.push(await timed(async () => (bytes = await exportWorkbook(input))));

  const dir = await mkdtemp(join(tmpdir(), 'juesuan-bench-xlsx-'));
  const importTimes: number[] = [];
  const planTimes: number[] = [];
  try {
    for (let i = 0; i < 10; i++) {
      const store = await ReportStore.open(join(dir, `bench-${i}.db`));
      await store.addUnit(unit);
      const sessions = new ReportSessions(store, [pack]);
      const ref = { unit: unit.code, year: pack.year };
      importTimes.push(
        await timed(async () => {
          const start = performance.now();
          const plan = await planXlsxImport(sessions, ref, bytes, 'bench.xlsx');
          planTimes.push(performance.now() - start);
          await commitXlsxImport(sessions, plan);
        }),
      );
      await store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  printFigures(`Excel（满规模报表，工作簿 ${(bytes.length / 1024).toFixed(0)} KB）`, [
    { what: '导出公开表工作簿（中位数）', value: ms(quantile(exportTimes, 0.5)), target: '< 1 s' },
    { what: '导入：读取并生成预览（中位数）', value: ms(quantile(planTimes, 0.5)) },
    { what: '导入：预览并写入新数据库（中位数）', value: ms(quantile(importTimes, 0.5)), target: '< 1 s' },
  ]);
}
