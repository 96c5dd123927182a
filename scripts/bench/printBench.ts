/**
 * Printing figures on the full-size report: the whole set (cover and 公开01表 … 公开10表) as one PDF
 * through a Chromium on the machine, from the stored report to the PDF bytes — audit, fingerprint,
 * measuring, fitting and rendering included. The browser's start is timed apart (the app keeps it).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumRenderer, findChromium } from '../../electron/services/print/chromiumRenderer';
import { PrintService } from '../../electron/services/print/printService';
import { ReportSessions } from '../../electron/services/reportSessions';
import { ReportStore } from '../../electron/services/store/reportStore';
import type { FullSizeReport } from './fullSizeReport';
import { ms, printFigures, quantile, timed } from './stats';

export async function benchPrint({ pack, data }: FullSizeReport): Promise<void> {
  if (!findChromium()) {
    console.log('\n打印：本机没有 Chromium，跳过');
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'juesuan-bench-print-'));
  const store = await ReportStore.open(join(dir, 'print.db'));
  try {
    await store.addUnit({ code: '001', name: '保山市隆阳区政务服务管理局', kind: '行政单位', parent: null });
    await store.replaceReportData('001', pack.year, pack.id, { ...data, texts: { 'cover.leader': '张立新', 'cover.financeLead': '李文华', 'cover.preparer': '王晓燕' } });
    const sessions = new ReportSessions(store, [pack]);
    const ref = { unit: '001', year: pack.year };
    let launch = 0;
    const print = new PrintService(sessions, async () => {
      const start = performance.now();
      const renderer = await chromiumRenderer();
      launch = performance.now() - start;
      return renderer;
    });
    let pages = 0;
    let bytes = 0;
    const stages = { prepare: [] as number[], measure: [] as number[], render: [] as number[] };
    const first = await timed(async () => ({ pages } = await print.render(ref)));
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      times.push(
        await timed(async () => {
          const job = await print.render(ref);
          pages = job.pages;
          bytes = job.pdf.length;
          for (const key of ['prepare', 'measure', 'render'] as const) stages[key].push(job.timings[key]);
        }),
      );
    }
    const withText = await timed(() => print.render(ref, { parts: ['cover', ...pack.tables.map((t) => t.id), 'narrative', 'audit'] }));
    await print.close();
    printFigures(`打印（满规模报表，整套 ${pages} 页，PDF ${(bytes / 1024).toFixed(0)} KB）`, [
      { what: '启动 Chromium（首次打印时一次）', value: ms(launch) },
      { what: '首次打印整套（含启动）', value: ms(first) },
      { what: '整套 PDF：封面及公开01表至公开10表（中位数）', value: ms(quantile(times, 0.5)), target: '< 3 s' },
      { what: '  其中：读取、审核、指纹', value: ms(quantile(stages.prepare, 0.5)) },
      { what: '  其中：排版并测量各表', value: ms(quantile(stages.measure, 0.5)) },
      { what: '  其中：Chromium 生成 PDF', value: ms(quantile(stages.render, 0.5)) },
      { what: '整套 PDF 另附情况说明和审核报告', value: ms(withText) },
    ]);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}
