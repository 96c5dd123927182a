/**
 * The 绩效自评 in the printed set, on real parts: the S002 unit's tables and 绩效自评 typed through the
 * Api into a real SQLite file, two more projects with 30 indicators each (long enough to run onto a
 * second page), Chromium writing the PDF, poppler reading it back. Checked: the page count of the PDF
 * and of every part, the figures on the pages, the repeated grid header, rows kept whole, the running
 * head, page footers, landscape pages, and that a changed 绩效 value changes the data fingerprint,
 * 已打印/已过时 and `verify`.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../../electron/cli/main';
import { createServices, type Services } from '../../../../electron/services/createServices';
import { type ReportRef } from '../../../../shared/api/contract';
import type { PrintPreview } from '../../../../shared/api/printSchemas';
import type { PerfData } from '../../../../shared/perf/model';
import { makePerfRegister } from '../../../../scripts/bench/perfRegister';
import { seedPerf } from '../../../support/perfSeed';
import { S002_DATA, S002_TEXTS, S002_UNIT, seedS002Tables } from '../../../shared/perf/s002Fixture';
import { makeTempDir } from '../tempDir';
import { pageSizes, pagesText, squeeze } from './pdfText';

const ref: ReportRef = { unit: S002_UNIT.code, year: 2020 };
const SIGNATURE_LABELS = ['单位负责人（签章）', '财务负责人（签章）', '填表人'];
const PERF_PARTS = ['perfReport', 'perfDept', 'perfProjects'];

/** Two generated projects of 30 indicators each, after the six of S002 (ids and 序号 7 and 8). */
function bigProjects(): PerfData {
  const big = makePerfRegister(2, 30, 7);
  const projects = big.projects.map((p, i) => ({ ...p, id: 7 + i, seq: 7 + i, name: `长表项目${i + 1}`, funcCode: '' }));
  const indicators = big.indicators.filter((i) => i.owner !== 0).map((i) => ({ ...i, owner: i.owner + 6 }));
  return { ...big, projects, indicators };
}

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let db: string;
let services: Services;
let big: PerfData;
/** Where the pictures of the pages go to be looked at. */
const PICTURES = join(__dirname, '../../../../test-results/perf-print');

beforeAll(async () => {
  temp = await makeTempDir('juesuan-perf-print-');
  db = join(temp.dir, 'perf.db');
  services = await createServices({ dbPath: db, settingsFile: join(temp.dir, 'settings.json'), backupOnOpen: 'never' });
  const { api } = services;
  await api.addUnit({ code: S002_UNIT.code, name: S002_UNIT.name, kind: '行政单位', parent: null });
  await seedS002Tables(api, ref);
  await api.setTexts({ ...ref, texts: { 'cover.leader': '周建国', 'cover.financeLead': '刘芳', 'cover.preparer': '陈静' } });
  big = bigProjects();
  const s002 = { ...S002_DATA, projects: S002_DATA.projects.map((p) => ({ ...p, goalExpected: '全年签收热线工单不少于6万件。', goalActual: '全年签收热线工单63475件。' })) };
  await seedPerf(api, ref, { ...s002, projects: [...s002.projects, ...big.projects], indicators: [...s002.indicators, ...big.indicators] }, S002_TEXTS);
  // The report's «…» of the 部门整体 form are filled by the scores above; the rest are texts.
}, 120_000);
afterAll(async () => {
  await services.close();
  await temp.remove();
});

async function pdfOf(preview: PrintPreview, name: string): Promise<{ file: string; pages: string[] }> {
  const file = join(temp.dir, `${name}.pdf`);
  await writeFile(file, Buffer.from(preview.base64, 'base64'));
  return { file, pages: pagesText(file) };
}

/** Each page's text in drawing order (a table cell's lines stay together). */
function rawPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = text.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages.map(squeeze);
}

describe('绩效自评 in the printed set', () => {
  it('prints the 自评报告, the 部门整体支出绩效自评表 and one 项目支出绩效自评表 per project, page by page', async () => {
    const state = await services.api.perfState(ref);
    expect(state.data.projects).toHaveLength(8);
    const preview = await services.api.printPreview({ ...ref, parts: PERF_PARTS });
    const { file, pages } = await pdfOf(preview, 'perf');
    await mkdir(PICTURES, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(PICTURES, 'page')]);

    // The PDF's own page count is the preview's, and the parts add up to it without gaps.
    expect(pages).toHaveLength(preview.pages);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(preview.pages);
    expect(preview.parts.map((p) => p.id)).toEqual(['perfReport', 'perfDept', ...state.data.projects.map((p) => `perfProject_${p.seq}`)]);
    let next = 1;
    for (const part of preview.parts) {
      expect(part.firstPage).toBe(next);
      next += part.pages;
    }
    expect(next - 1).toBe(preview.pages);

    const squeezed = pages.map(squeeze);
    pages.forEach((page, i) => {
      const text = squeezed[i] ?? '';
      expect(text).toContain(squeeze(`第 ${i + 1} 页 共 ${preview.pages} 页`));
      expect(text).toContain(`数据指纹${preview.fingerprint}`);
      for (const label of SIGNATURE_LABELS) expect(text).toContain(label);
      expect(page).toContain('周建国');
    });

    // Every project sheet: its pages (and only its pages) carry its name in the running head; the sheet's figures.
    for (const project of state.data.projects) {
      const part = preview.parts.find((p) => p.id === `perfProject_${project.seq}`);
      if (!part) throw new Error(project.name);
      const own = squeezed.slice(part.firstPage - 1, part.firstPage - 1 + part.pages);
      for (const text of own) expect(text).toContain(squeeze(`项目支出绩效自评表　${project.name}`));
      expect(squeezed[part.firstPage]?.includes(squeeze(`项目支出绩效自评表　${project.name}`)) ?? false).toBe(part.pages > 1);
      const first = own[0] ?? '';
      expect(first).toContain(squeeze(`项目名称${project.name}`));
      expect(first).toContain('全年预算数');
      expect(first).toContain('（B/A）');
      expect(first).toContain('年初预算数');
    }
    // S002 project 1: 18.21 of 23.5 万元 executed, 77.49 %; its total and grade as scored.
    const p1 = state.data.projects[0];
    const p1Part = preview.parts.find((p) => p.id === 'perfProject_1');
    const p1Text = squeezed.slice((p1Part?.firstPage ?? 1) - 1, (p1Part?.firstPage ?? 1) - 1 + (p1Part?.pages ?? 1)).join('');
    expect(p1?.name).toBe('“12345”市民服务热线工作经费');
    expect(p1Text).toContain('77.49%');
    expect(p1Text).toContain('182,100.00');
    expect(p1Text).toContain('235,000.00');
    expect(p1Text).toContain('热线工单签收数');
    expect(p1Text).toContain('全年签收热线工单63475件。');

    // The two long sheets run onto a second page: the grid header is repeated there, no row is cut.
    const raw = rawPages(file);
    for (const project of state.data.projects.slice(6)) {
      const part = preview.parts.find((p) => p.id === `perfProject_${project.seq}`);
      if (!part) throw new Error(project.name);
      expect(part.pages).toBeGreaterThan(1);
      for (let page = part.firstPage; page < part.firstPage + part.pages; page++) {
        expect(squeezed[page - 1]).toContain('偏差原因分析及改进措施');
        expect(squeezed[page - 1]).toContain('三级指标');
      }
      const own = raw.slice(part.firstPage - 1, part.firstPage - 1 + part.pages);
      const indicators = state.data.indicators.filter((i) => i.owner === project.id);
      expect(indicators).toHaveLength(30);
      for (const ind of indicators) {
        // A row kept whole: its 三级指标 and its whole 偏差原因 are on one and the same page.
        const holding = own.filter((text) => text.includes(squeeze(ind.level3)));
        expect(holding, ind.level3).toHaveLength(1);
        if (ind.reason.length > 30 && ind.applicable) expect(holding[0]).toContain(squeeze(ind.reason));
      }
      // 总分 and 自评等级 close the sheet, on its last page.
      expect(own[own.length - 1]).toContain('总分');
      expect(own[own.length - 1]).toContain('自评等级');
    }

    // The 部门整体 form: its tasks, 执行率 and score.
    const dept = preview.parts.find((p) => p.id === 'perfDept');
    const deptText = squeezed.slice((dept?.firstPage ?? 1) - 1, (dept?.firstPage ?? 1) - 1 + (dept?.pages ?? 1)).join('');
    expect(deptText).toContain(squeeze('部门整体支出绩效自评表'));
    expect(deptText).toContain('政务服务');
    expect(deptText).toContain('1,160,200.00');
    expect(deptText).toContain('84.18%');
    expect(deptText).toContain('四、部门自评得分');
    expect(deptText).toContain('发布权责清单');

    // The 自评报告 (Hunan outline, 万元): the published figures, and each project's sentence.
    const report = preview.parts.find((p) => p.id === 'perfReport');
    const reportText = squeezed.slice((report?.firstPage ?? 1) - 1, (report?.firstPage ?? 1) - 1 + (report?.pages ?? 1)).join('');
    for (const figure of ['929.65', '596.04', '64.11%', '840.74', '88.91', '77.49%', '84.18%', '78.85%']) expect(reportText).toContain(figure);
    expect(reportText).toContain(squeeze('“12345”市民服务热线工作经费年初预算23.50万元，实际支出18.21万元，执行率为77.49%，剩余5.29万元上缴财政'));

    // A4 portrait throughout with the default margins.
    for (const size of pageSizes(file)) expect(size.width).toBeLessThan(size.height);
  }, 120_000);

  it('prints the sheets landscape when asked, and when the margins leave the grid too narrow', async () => {
    const { settings } = await services.api.getPrintSettings(ref);
    const landscape = await services.api.printPreview({ ...ref, parts: ['perfDept'], settings: { ...settings, orientation: 'landscape' } });
    const a = await pdfOf(landscape, 'landscape');
    expect(a.pages).toHaveLength(landscape.pages);
    for (const size of pageSizes(a.file)) expect(size.width).toBeGreaterThan(size.height);
    const narrow = await services.api.printPreview({ ...ref, parts: ['perfDept', 'perfProjects'], settings: { ...settings, orientation: 'auto', margins: { ...settings.margins, left: 40, right: 35 } } });
    const b = await pdfOf(narrow, 'narrow');
    expect(b.pages).toHaveLength(narrow.pages);
    expect(narrow.parts.reduce((n, p) => n + p.pages, 0)).toBe(narrow.pages);
    for (const size of pageSizes(b.file)) expect(size.width).toBeGreaterThan(size.height);
    expect(squeeze(b.pages[0] ?? '')).toContain('四、部门自评得分');
  }, 120_000);

  it('changes the fingerprint, 已打印/已过时 and verify when a 绩效 value changes', async () => {
    const before = await services.api.printStatus(ref);
    const preview = await services.api.printPreview({ ...ref, parts: ['cover', 'T01', ...PERF_PARTS] });
    expect(preview.fingerprint).toBe(before.current);
    await services.api.printSave({ ...ref, previewId: preview.previewId });
    expect((await services.api.printStatus(ref)).last?.fingerprint).toBe(preview.fingerprint);
    const node = async () => (await services.api.unitTree({ year: 2020 })).find((n) => n.unit.code === S002_UNIT.code);
    expect((await node())?.print?.current).toBe(true);

    const state = await services.api.perfState(ref);
    const target = state.data.indicators.find((i) => i.level3 === '热线工单签收数' && i.owner === state.data.projects[0]?.id);
    if (!target) throw new Error('indicator');
    await services.api.perfEdit({ ...ref, op: { op: 'set', target: 'indicator', id: target.id, field: 'actual', text: '59000' } });
    const after = await services.api.printStatus(ref);
    expect(after.current).not.toBe(preview.fingerprint);
    expect(after.changed.map((c) => c.title)).toEqual(['绩效自评']);
    expect((await node())?.print?.current).toBe(false);
    const verified = await services.api.verifyFingerprint({ ...ref, fingerprint: preview.fingerprint });
    expect(verified.matches).toBe(false);
    expect(verified.changed?.map((c) => c.title)).toEqual(['绩效自评']);
    expect(verified.lines.join('\n')).toContain('此后有变化的部分：绩效自评');

    // A 自评报告 text counts as well; put both back and the paper copy matches again.
    await services.api.setTexts({ ...ref, texts: { 'perf.text.measures': '加强预算精细化管理，完善绩效目标。' } });
    expect((await services.api.printStatus(ref)).changed.map((c) => c.title)).toEqual(['绩效自评']);
    await services.api.setTexts({ ...ref, texts: { 'perf.text.measures': S002_TEXTS['perf.text.measures'] ?? '' } });
    await services.api.perfEdit({ ...ref, op: { op: 'set', target: 'indicator', id: target.id, field: 'actual', text: target.actual } });
    expect(await services.api.printStatus(ref)).toMatchObject({ current: preview.fingerprint, changed: [] });
    expect((await services.api.verifyFingerprint({ ...ref, fingerprint: preview.fingerprint })).matches).toBe(true);
    expect((await node())?.print?.current).toBe(true);
  }, 120_000);

  it('prints the 绩效 parts from the command line (--perf) and records the print for verify', async () => {
    await services.close();
    const out = join(temp.dir, 'cli.pdf');
    const lines: string[] = [];
    const code = await main(['print', '--db', db, '--unit', S002_UNIT.code, '--year', '2020', '--out', out, '--tables', 'T01', '--perf', '--outline', 'yunnan', '--draft'], { out: (t) => lines.push(t) });
    expect(code, lines.join('\n')).toBe(0);
    const pages = pagesText(out);
    const total = Number(/共 (\d+) 页/.exec(lines[0] ?? '')?.[1]);
    expect(pages).toHaveLength(total);
    expect(lines[0]).toContain('项目支出绩效自评表（长表项目2）');
    expect(squeeze(pages.join(''))).toContain('部门绩效自评情况');
    const fingerprint = /数据指纹 ([0-9A-F]{8})/.exec(lines[1] ?? '')?.[1] ?? '';
    const verified: string[] = [];
    expect(await main(['verify', '--db', db, '--unit', S002_UNIT.code, '--year', '2020', '--fingerprint', fingerprint], { out: (t) => verified.push(t) })).toBe(0);
    expect(verified.join('')).toContain('一致');
    services = await createServices({ dbPath: db, settingsFile: join(temp.dir, 'settings.json'), backupOnOpen: 'never' });
    const { settings } = await services.api.getPrintSettings(ref);
    await expect(services.api.printPreview({ ...ref, parts: ['perfReport'], settings: { ...settings, perfOutline: 'shanghai' } })).rejects.toThrow('没有“shanghai”格式的自评报告，可选：hunan、yunnan');
  }, 120_000);
});
