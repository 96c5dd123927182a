/**
 * 绩效自评 figures on a large register (50 projects × 20 indicators, a 部门整体 form of 20 indicators and
 * 10 重点工作任务) beside the full-size report: scoring every 自评表 and the 提示 rules (what the screen
 * recomputes on each keystroke), the 自评报告 in both outlines, its .docx, the 自评表 workbook, and the
 * printed 绩效 part (自评报告, 部门整体 and 50 项目 自评表) from the stored report to the PDF bytes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { narrativeDocx } from '../../electron/services/narrative/exportDocx';
import { defaultPacksDir } from '../../electron/services/packs/loadPack';
import { loadPerfPack } from '../../electron/services/perf/loadPerfPack';
import { perfWorkbook } from '../../electron/services/perf/perfXlsx';
import { chromiumRenderer, findChromium } from '../../electron/services/print/chromiumRenderer';
import { PrintService } from '../../electron/services/print/printService';
import { ReportSessions } from '../../electron/services/reportSessions';
import { ReportStore } from '../../electron/services/store/reportStore';
import { ReportEngine } from '../../shared/engine/reportEngine';
import { generatePerfReport } from '../../shared/perf/report';
import { perfChecks, scoreAll } from '../../shared/perf/view';
import type { FullSizeReport } from './fullSizeReport';
import { makePerfRegister, writePerfData } from './perfRegister';
import { ms, printFigures, quantile, timed } from './stats';

const PROJECTS = 50;
const INDICATORS = 20;

export async function benchPerf({ pack, data }: FullSizeReport): Promise<void> {
  const perfPack = await loadPerfPack(join(defaultPacksDir(), pack.id), pack);
  if (!perfPack) {
    console.log(`\n绩效自评：报表格式 ${pack.id} 没有绩效自评，跳过`);
    return;
  }
  const register = makePerfRegister(PROJECTS, INDICATORS);
  const engine = new ReportEngine(pack, data);
  const unitName = '保山市隆阳区政务服务管理局';

  const scoring: number[] = [];
  let scores = scoreAll(perfPack, register);
  for (let i = 0; i < 30; i++) scoring.push(await timed(() => (scores = scoreAll(perfPack, register))));
  const checks: number[] = [];
  for (let i = 0; i < 30; i++) checks.push(await timed(() => perfChecks(perfPack, register, engine, scores)));
  const outlines: { title: string; generate: number[]; blocks: number; docx: number[] }[] = [];
  for (const def of perfPack.reports) {
    const input = { def, report: engine, data: register, scores, unitName, year: pack.year, texts: {} };
    let report = generatePerfReport(input);
    const generate: number[] = [];
    for (let i = 0; i < 20; i++) generate.push(await timed(() => (report = generatePerfReport(input))));
    const docx: number[] = [];
    for (let i = 0; i < 3; i++) docx.push(await timed(() => narrativeDocx(report.doc, report.edits)));
    outlines.push({ title: def.title, generate, blocks: report.doc.blocks.length, docx });
  }
  const xlsx: number[] = [];
  for (let i = 0; i < 3; i++) xlsx.push(await timed(() => perfWorkbook({ unitName, year: pack.year, data: register, scores, unit: '元' })));
  printFigures(`绩效自评（${PROJECTS} 个项目 × ${INDICATORS} 项指标，部门整体 ${INDICATORS} 项指标、${register.tasks.length} 项重点工作任务）`, [
    { what: `全部 ${PROJECTS + 1} 张自评表计分（每次输入后屏幕重算，中位数）`, value: ms(quantile(scoring, 0.5)) },
    { what: '提示规则 P-1…P-4（中位数）', value: ms(quantile(checks, 0.5)) },
    ...outlines.flatMap((o) => [
      { what: `自评报告 ${o.title}：生成全文 ${o.blocks} 段（中位数）`, value: ms(quantile(o.generate, 0.5)) },
      { what: '  写出 Word（.docx，中位数）', value: ms(quantile(o.docx, 0.5)) },
    ]),
    { what: `自评表 Excel（${PROJECTS + 1} 张工作表，中位数）`, value: ms(quantile(xlsx, 0.5)) },
  ]);

  if (!findChromium()) {
    console.log('\n绩效自评打印：本机没有 Chromium，跳过');
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'juesuan-bench-perf-'));
  const store = await ReportStore.open(join(dir, 'perf.db'));
  try {
    await store.addUnit({ code: '001', name: unitName, kind: '行政单位', parent: null });
    await store.replaceReportData('001', pack.year, pack.id, { ...data, texts: { 'cover.leader': '张立新', 'cover.financeLead': '李文华', 'cover.preparer': '王晓燕' } });
    const stored = await store.findReport('001', pack.year);
    if (!stored) throw new Error('bench report not stored');
    await writePerfData(store.db, stored.id, register);
    const sessions = new ReportSessions(store, [pack]);
    const print = new PrintService(sessions, () => chromiumRenderer(), undefined, null, new Map([[pack.id, perfPack]]));
    const ref = { unit: '001', year: pack.year };
    const parts = ['perfReport', 'perfDept', 'perfProjects'];
    let job = await print.render(ref, { parts });
    const times: number[] = [];
    const stages = { prepare: [] as number[], measure: [] as number[], render: [] as number[] };
    for (let i = 0; i < 3; i++) {
      times.push(await timed(async () => (job = await print.render(ref, { parts }))));
      for (const key of ['prepare', 'measure', 'render'] as const) stages[key].push(job.timings[key]);
    }
    const sheets = job.parts.filter((p) => p.id.startsWith('perfProject_'));
    const withSet = await timed(() => print.render(ref, { parts: ['cover', ...pack.tables.map((t) => t.id), ...parts] }));
    await print.close();
    printFigures(`绩效自评打印（自评报告 ${job.parts.find((p) => p.id === 'perfReport')?.pages ?? 0} 页，部门整体自评表 ${job.parts.find((p) => p.id === 'perfDept')?.pages ?? 0} 页，${sheets.length} 张项目自评表 ${sheets.reduce((n, p) => n + p.pages, 0)} 页；共 ${job.pages} 页，PDF ${(job.pdf.length / 1024).toFixed(0)} KB）`, [
      { what: '绩效部分 PDF（中位数）', value: ms(quantile(times, 0.5)) },
      { what: '  其中：读取、计分、生成报告、指纹', value: ms(quantile(stages.prepare, 0.5)) },
      { what: '  其中：排版并测量', value: ms(quantile(stages.measure, 0.5)) },
      { what: '  其中：Chromium 生成 PDF', value: ms(quantile(stages.render, 0.5)) },
      { what: '整套（封面、各表）另附绩效部分', value: ms(withSet) },
    ]);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}
