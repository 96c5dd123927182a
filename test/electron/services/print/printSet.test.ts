/**
 * The printed set on real parts: a real SQLite file, the real yn-2020 pack, Chromium (/usr/bin/chromium)
 * writing real PDFs, and poppler reading them back — every page's text, the page count of each table,
 * rows that never break across a page, page sizes, and the data fingerprint.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportRef, Unit } from '../../../../shared/api/contract';
import { catalogueOf, type Pack } from '../../../../shared/pack/model';
import { UNAUDITED_MARK } from '../../../../shared/print/pageCss';
import { chromiumRenderer } from '../../../../electron/services/print/chromiumRenderer';
import type { PdfRenderer } from '../../../../electron/services/print/pdfRenderer';
import { PrintService, type PrintJob } from '../../../../electron/services/print/printService';
import { defaultPacksDir, loadPack } from '../../../../electron/services/packs/loadPack';
import { ReportSessions } from '../../../../electron/services/reportSessions';
import { ReportStore } from '../../../../electron/services/store/reportStore';
import { makeFullSizeReport } from '../../../../scripts/bench/fullSizeReport';
import { makeTempDir } from '../tempDir';
import { pagesText, squeeze } from './pdfText';

const unit: Unit = { code: '001', name: '保山市隆阳区政务服务管理局', kind: '行政单位', parent: null };
const ref: ReportRef = { unit: unit.code, year: 2020 };
const cover = {
  'cover.leader': '张立新',
  'cover.financeLead': '李文华',
  'cover.preparer': '王晓燕',
  'cover.phone': '0875-2123456',
  'cover.date': '2021年3月15日',
};
const SIGNATURE_LABELS = ['单位负责人（签章）', '财务负责人（签章）', '填表人'];
/** A fixed clock: the print time on paper is part of what is checked. */
const clock = () => new Date(2026, 10, 28, 9, 5);

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let pack: Pack;
let renderer: PdfRenderer;

beforeAll(async () => {
  temp = await makeTempDir('juesuan-print-');
  pack = await loadPack(join(defaultPacksDir(), 'yn-2020'));
  renderer = await chromiumRenderer();
});
afterAll(async () => {
  await renderer.close();
  await temp.remove();
});

async function openReport(name: string, reportPack: Pack, data: Parameters<ReportStore['replaceReportData']>[3]) {
  const store = await ReportStore.open(join(temp.dir, `${name}.db`));
  await store.addUnit(unit);
  await store.replaceReportData(unit.code, 2020, reportPack.id, data);
  const sessions = new ReportSessions(store, [reportPack]);
  const print = new PrintService(sessions, async () => renderer, clock);
  return { store, sessions, print };
}

async function pdfPages(job: PrintJob, name: string): Promise<string[]> {
  const file = join(temp.dir, `${name}.pdf`);
  await writeFile(file, job.pdf);
  return pagesText(file);
}

/** Every page carries the title of its part, the unit, the signature labels, 第 n 页 共 m 页 and the fingerprint. */
function checkEveryPage(job: PrintJob, pages: string[], reportPack: Pack): void {
  expect(pages.length).toBe(job.pages);
  for (const part of job.parts) {
    for (let p = part.firstPage; p < part.firstPage + part.pages; p++) {
      const text = squeeze(pages[p - 1] ?? '');
      const where = `${part.id} 第 ${p} 页`;
      expect(text, where).toContain(unit.name);
      expect(text, where).toContain(`第${p}页共${job.pages}页`);
      expect(text, where).toContain(`数据指纹${job.fingerprint.fingerprint}`);
      expect(text, where).toContain('打印时间2026-11-2809:05');
      for (const label of SIGNATURE_LABELS) expect(text, where).toContain(label);
      const table = reportPack.tables.find((t) => t.id === part.id);
      if (table) {
        expect(text, where).toContain(squeeze(table.title));
        expect(text, where).toContain(table.code);
        expect(text, where).toContain('2020年度');
        expect(text, where).toContain('金额单位：元');
      } else if (part.id === 'cover') {
        expect(text, where).toContain('2020年度部门决算');
      }
    }
  }
}

/** Pages whose text carries a table's code (公开0N表), per table: the page count poppler sees. */
function pagesPerTable(pages: string[], reportPack: Pack): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of reportPack.tables) counts[table.id] = pages.filter((p) => squeeze(p).includes(`${table.code}金额单位`)).length;
  return counts;
}

describe('printing a small report', () => {
  it('prints the cover and every table with titles, unit, signatures, page numbers and the fingerprint on every page', async () => {
    const { pack: same, data } = makeFullSizeReport(pack, 7, 12);
    const { store, print } = await openReport('small', same, { ...data, texts: cover });
    const job = await print.render(ref);
    const pages = await pdfPages(job, 'small');
    expect(job.unaudited).toBe(false);
    checkEveryPage(job, pages, same);
    expect(job.parts.map((p) => p.id)).toEqual(['cover', ...same.tables.map((t) => t.id)]);

    // The page count of each table is what the PDF shows, and the small tables take one page each
    // (公开01表 included: it is fitted onto one page rather than spilling its last rows).
    const seen = pagesPerTable(pages, same);
    for (const part of job.parts.filter((p) => p.id !== 'cover')) expect(seen[part.id], part.id).toBe(part.pages);
    for (const id of ['T01', 'T02', 'T03', 'T04', 'T05', 'T07', 'T08', 'T09', 'T10']) expect(seen[id], id).toBe(1);

    // The cover: the names from 封面信息 beside their signature labels, phone, date, room for the seal.
    const coverText = squeeze(pages[0] ?? '');
    for (const [label, key] of [
      ['单位负责人（签章）：', 'cover.leader'],
      ['财务负责人（签章）：', 'cover.financeLead'],
      ['填表人：', 'cover.preparer'],
      ['联系电话：', 'cover.phone'],
      ['报送日期：', 'cover.date'],
    ] as const) {
      expect(coverText).toContain(`${label}${squeeze(cover[key])}`);
    }
    expect(coverText).toContain('（单位公章）');
    // Each table page's foot repeats the names to sign beside.
    expect(squeeze(pages[1] ?? '')).toContain('单位负责人（签章）：张立新');

    // The empty 公开07表 prints its format and the note under it.
    const t07 = pages.find((p) => squeeze(p).includes('公开07表金额单位')) ?? '';
    expect(squeeze(t07)).toContain(squeeze('本年度没有政府性基金预算财政拨款收入和支出'));
    await store.close();
  });

  it('marks every page “未通过审核，仅供核对” when a 强制 rule fails, and says so on the cover', async () => {
    const { pack: same, data } = makeFullSizeReport(pack, 8, 12);
    const first = catalogueOf(same, 'func').entries.find((e) => e.level === '项')?.code ?? '';
    const inputs = { ...data.inputs, [`T03:${first}:c2`]: (data.inputs[`T03:${first}:c2`] ?? 0) + 100 };
    const { store, print } = await openReport('unaudited', same, { ...data, inputs, texts: cover });
    const job = await print.render(ref, { parts: ['cover', 'T01', 'T03'] });
    const pages = await pdfPages(job, 'unaudited');
    expect(job.unaudited).toBe(true);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const [i, page] of pages.entries()) expect(squeeze(page), `第 ${i + 1} 页`).toContain(UNAUDITED_MARK);
    expect(squeeze(pages[0] ?? '')).toContain('不得报送');
    await store.close();
  });
});

describe('printing the full-size report of npm run bench', () => {
  it('prints the whole set: every page complete, page counts per table as simulated, long tables over many pages', async () => {
    const { pack: big, data } = makeFullSizeReport(pack);
    const { store, print } = await openReport('full', big, { ...data, texts: cover });
    const settings = await print.settings(ref);
    const job = await print.render(ref, { settings: { ...settings, narrative: true, audit: true } });
    const pages = await pdfPages(job, 'full');
    checkEveryPage(job, pages, big);
    const seen = pagesPerTable(pages, big);
    for (const part of job.parts.filter((p) => big.tables.some((t) => t.id === p.id))) expect(seen[part.id], part.id).toBe(part.pages);
    expect(job.parts.find((p) => p.id === 'T03')?.pages).toBeGreaterThan(10);
    // 300 项 rows with their 款 and 类 all print: the last code of T03 is on the last T03 page.
    const lastItem = data.rows.T03?.at(-1) ?? '';
    const t03 = job.parts.find((p) => p.id === 'T03');
    expect(t03).toBeDefined();
    expect(pages[(t03?.firstPage ?? 0) + (t03?.pages ?? 0) - 2]).toContain(lastItem);
    // 公开01表 at 100 % spills onto a second page; fitted, it prints on one.
    expect(job.parts.find((p) => p.id === 'T01')?.pages).toBe(1);
    expect(job.parts.find((p) => p.id === 'T01')?.zoom).toBeLessThan(1);
    const fixed = await print.render(ref, { parts: ['T01'], settings: { ...settings, perTable: { T01: { scale: 100 } } } });
    expect(fixed.pages).toBe(2);
    // The 情况说明 and the 审核报告 close the set.
    expect(squeeze(pages[job.pages - 1] ?? '')).toContain('审核报告');
    await store.close();
  });

  it('never splits a row across pages, even rows three lines tall', async () => {
    const { pack: big, data } = makeFullSizeReport(pack, 11, 120);
    // Long 科目 names wrap onto three lines in the 科目名称 column; each starts and ends with a marker.
    const tall: Pack = {
      ...big,
      catalogues: {
        ...big.catalogues,
        func: {
          ...catalogueOf(big, 'func'),
          entries: catalogueOf(big, 'func').entries.map((e) => (e.level === '项' ? { ...e, name: `起${e.code}${'用于检验行不跨页的很长的科目名称'.repeat(4)}止${e.code}` } : e)),
        },
      },
    };
    const { store, print } = await openReport('tall', tall, { ...data, texts: cover });
    const job = await print.render(ref, { parts: ['T03'] });
    const file = join(temp.dir, 'tall.pdf');
    await writeFile(file, job.pdf);
    const raw = pagesText(file).map(squeeze);
    expect(raw.length).toBe(job.pages);
    expect(job.pages).toBeGreaterThan(3);
    const items = data.rows.T03 ?? [];
    expect(items.length).toBe(120);
    for (const code of items) {
      const start = raw.findIndex((p) => p.includes(`起${code}`));
      const end = raw.findIndex((p) => p.includes(`止${code}`));
      expect(start, code).toBeGreaterThanOrEqual(0);
      expect(end, `${code} 在第 ${start + 1} 页开始`).toBe(start);
    }
    await store.close();
  });
});
