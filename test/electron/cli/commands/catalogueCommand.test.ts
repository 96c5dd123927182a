/**
 * `juesuan catalogue import`: the bureau's 《政府收支分类科目》 (here a generated workbook of 1,000+ 项
 * in 类 | 款 | 项 columns, and a CSV with one code column) previewed, kept in the database for the year
 * and used from then on; a report row the new catalogue lacks stays, marked, under G-1.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueCommand } from '../../../../electron/cli/commands/catalogue';
import { createServices } from '../../../../electron/services/createServices';
import { auditStoredReport } from '../../../../electron/services/reportAudit';
import { ReportStore } from '../../../../electron/services/store/reportStore';
import { makeTempDir } from '../../services/tempDir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let db: string;
const unit = { code: '001', name: '耿马县政务服务管理局', kind: '行政单位' as const, parent: null };

/** 28 类 × 6 款 × 7 项 = 1,176 项, as the bureau prints them: 类 | 款 | 项 | 科目名称. */
async function bureauWorkbook(file: string): Promise<number> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('2025年支出功能分类科目');
  sheet.addRow(['2025年政府收支分类科目（支出功能分类）']);
  sheet.addRow(['类', '款', '项', '科目名称']);
  let items = 0;
  for (let c = 0; c < 28; c++) {
    const cls = String(201 + c);
    sheet.addRow([cls, '', '', `类${cls}`]);
    for (let k = 1; k <= 6; k++) {
      const kuan = String(k).padStart(2, '0');
      sheet.addRow(['', kuan, '', `款${cls}${kuan}`]);
      for (const x of ['01', '02', '03', '04', '05', '50', '99']) {
        sheet.addRow(['', '', x, `项${cls}${kuan}${x}`]);
        items++;
      }
    }
  }
  sheet.addRow(['', '', '', '注：本表依据财政部《2025年政府收支分类科目》']);
  await writeFile(file, Buffer.from(await book.xlsx.writeBuffer()));
  return items;
}

beforeAll(async () => {
  temp = await makeTempDir('juesuan-catalogue-cli-');
  db = join(temp.dir, 'main.db');
  const store = await ReportStore.open(db);
  await store.replaceReport({
    unit,
    year: 2025,
    packId: 'yn-2025',
    data: { rows: { T03: ['2010301'] }, inputs: { 'T03:2010301:c2': 123_456 }, texts: {} },
  });
  await store.close();
});
afterAll(async () => {
  await temp.remove();
});

function collect(): { lines: string[]; out(text: string): void } {
  const lines: string[] = [];
  return { lines, out: (text) => lines.push(text) };
}

describe('juesuan catalogue import', () => {
  it('previews a 1,000+ 项 workbook, writes nothing on --dry-run, then keeps it for the year', async () => {
    const file = join(temp.dir, '2025科目.xlsx');
    const items = await bureauWorkbook(file);
    expect(items).toBeGreaterThan(1000);
    const dry = collect();
    await catalogueCommand(['import', '--db', db, file, '--year', '2025', '--dry-run'], dry);
    expect(dry.lines[0]).toBe('科目目录文件：2025科目.xlsx（工作表“2025年支出功能分类科目”）→ 2025 年度支出功能分类科目（报表格式 yn-2025）');
    expect(dry.lines[1]).toBe(`文件中有 类 28 个、款 168 个、项 ${items} 个；现用目录来自程序自带的数据包`);
    expect(dry.lines.find((l) => l.startsWith('改名科目：'))).toMatch(/^改名科目：\d+ 个$/);
    expect(dry.lines).toContain('  201 一般公共服务支出 → 类201');
    expect(dry.lines.some((l) => l.startsWith('已删除但报表仍在使用的科目') && l.includes('2010301'))).toBe(false);
    expect(dry.lines.at(-1)).toBe('（试运行：未写入任何数据）');

    const run = collect();
    await catalogueCommand(['import', '--db', db, file, '--year', '2025'], run);
    expect(run.lines.at(-1)).toBe(`已导入 2025 年度科目目录：${28 + 168 + items} 个科目，保存在数据库中，此后该年度的报表使用此目录`);

    const services = await createServices({ dbPath: db });
    try {
      const ref = { unit: '001', year: 2025 };
      const session = await services.sessions.open(ref);
      expect(session.pack.catalogues.func?.entries).toHaveLength(28 + 168 + items);
      // The installed pack is untouched; 2024 still uses it.
      expect(services.packs.find((p) => p.id === 'yn-2025')?.catalogues.func?.entries.some((e) => e.code === '2010301' && e.name === '行政运行')).toBe(true);
      expect(session.engine.row('T03', '2010301')?.label).toBe('项2010301');
      expect(session.engine.value('T03', '2010301', 'c2')).toBe(123_456);
      await services.api.addRows({ ...ref, table: 'T05', rows: ['2280599'] });
      expect((await services.api.openReport(ref)).catalogues?.func).toHaveLength(28 + 168 + items);
    } finally {
      await services.close();
    }
  });

  it('reads a CSV with one code column; a row the new catalogue lacks stays, marked, listed by G-1', async () => {
    const file = join(temp.dir, '科目.csv');
    await writeFile(file, '\uFEFF科目编码,科目名称\n201,一般公共服务支出\n20103,政府办公厅（室）及相关机构事务\n2010302,一般行政管理事务\n');
    const run = collect();
    await catalogueCommand(['import', '--db', db, file, '--year', '2025'], run);
    expect(run.lines.find((l) => l.startsWith('已删除但报表仍在使用的科目'))).toContain('2010301');
    const services = await createServices({ dbPath: db });
    try {
      const ref = { unit: '001', year: 2025 };
      const session = await services.sessions.open(ref);
      expect(session.engine.row('T03', '2010301')).toMatchObject({ ownSubject: true, label: '行政运行' });
      expect(session.engine.value('T03', '2010301', 'c2')).toBe(123_456);
      const audit = await auditStoredReport(services.sessions, ref);
      expect(audit.results.filter((r) => r.ruleId === 'G-1').map((r) => r.message)).toContain('支出决算表：科目“2010301 行政运行”不在本年度科目目录中，请核对');
    } finally {
      await services.close();
    }
  });

  it('refuses a file without code and name columns, naming it, and changes nothing', async () => {
    const file = join(temp.dir, 'bad.csv');
    await writeFile(file, '序号,说明\n1,无\n');
    await expect(catalogueCommand(['import', '--db', db, file, '--year', '2025'], collect())).rejects.toThrow(
      '文件“bad.csv”中没有找到科目编码和科目名称两栏',
    );
  });
});
