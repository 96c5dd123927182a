/**
 * `import-xlsx` refuses (non-zero exit, nothing written) a file with a cell or table it cannot read
 * unless --partial, and a file where two sheets claim one table unless --use-sheet chooses. Run
 * through the CLI's main in-process, on real database files and real workbooks.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../../electron/cli/main';
import { exportWorkbook } from '../../../../electron/services/excel/exportWorkbook';
import { defaultPacksDir, loadPack } from '../../../../electron/services/packs/loadPack';
import { ReportStore } from '../../../../electron/services/store/reportStore';
import { ReportEngine } from '../../../../shared/engine/reportEngine';
import { balancedData } from '../../../shared/audit/auditFixtures';
import { makeTempDir } from '../../services/tempDir';
import { juesuan } from '../runCli';
import { insertSheet, loadWorkbook, sanGong12Rows, saveWorkbook } from '../../services/excel/workbookEdit';

const unit = { code: '001', name: '隆阳区政务服务管理局', kind: '行政单位' as const, parent: null };
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let exported: Uint8Array;
let db = '';
let n = 0;

beforeAll(async () => {
  temp = await makeTempDir('juesuan-xlsx-refusals-');
  const pack = await loadPack(join(defaultPacksDir(), 'yn-2020'));
  exported = new Uint8Array(await exportWorkbook({ pack, engine: new ReportEngine(pack, balancedData()), unit, year: 2020, texts: {}, options: { unit: '元', blankZeros: false } }));
});
afterAll(async () => {
  await temp.remove();
});
beforeEach(async () => {
  n += 1;
  db = join(temp.dir, `r-${n}.db`);
  const store = await ReportStore.open(db);
  await store.replaceReport({ unit, year: 2020, packId: 'yn-2020', data: { ...balancedData(), texts: {} } });
  await store.close();
});

async function storedInputs(): Promise<Record<string, number>> {
  const store = await ReportStore.open(db);
  try {
    const report = await store.findReport('001', 2020);
    return report ? (await store.loadReportData(report.id)).inputs : {};
  } finally {
    await store.close();
  }
}

async function run(...args: string[]): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  let err = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  try {
    const code = await main(['import-xlsx', '--db', db, '--unit', '001', '--year', '2020', ...args], { out: (t) => out.push(t) });
    return { code, out, err };
  } finally {
    spy.mockRestore();
  }
}

async function fileWith(edit: (wb: Awaited<ReturnType<typeof loadWorkbook>>) => void, name: string): Promise<string> {
  const workbook = await loadWorkbook(exported);
  edit(workbook);
  const file = join(temp.dir, name);
  await writeFile(file, await saveWorkbook(workbook));
  return file;
}

describe('import-xlsx refuses what it cannot read', () => {
  it('one cell typed -609,418.1O: exit 1, nothing written; --partial writes the rest and keeps the stored figure', async () => {
    const file = await fileWith((wb) => {
      const sheet = wb.getWorksheet('公开03表')!;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === '2010301') {
          row.getCell(4).value = '-609,418.1O';
          row.getCell(5).value = 2_200_000; // 项目支出 changes: must not be written without --partial
        }
      });
    }, 'typo.xlsx');
    const before = await storedInputs();
    const refused = await run(file);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('1 处内容未能导入');
    expect(refused.err).toContain('--partial');
    expect(refused.out).toContain('未能读取、保留原数（1）');
    expect(await storedInputs()).toEqual(before);

    const partial = await run(file, '--partial');
    expect(partial.code).toBe(0);
    const after = await storedInputs();
    expect(after['T03:2010301:c2']).toBe(before['T03:2010301:c2']);
    expect(after['T03:2010301:c3']).toBe(220_000_000);
  });

  it('a table the file has but cannot read: exit 1 unless --partial', async () => {
    const file = await fileWith((wb) => insertSheet(wb, '项目支出', 5, [['一般公共预算财政拨款项目支出决算表'], ['项目名称', '金额'], ['信息化', 5]]), 'yn2022.xlsx');
    const refused = await run(file);
    expect(refused.code).toBe(1);
    expect(refused.out.some((l) => l.startsWith('不会导入：工作表“项目支出”'))).toBe(true);
    expect(refused.err).toContain('1 张表不会导入');
    expect((await run(file, '--partial')).code).toBe(0);
  });

  it('two sheets for one table: exit 1 naming both, even with --partial; --use-sheet chooses', async () => {
    const file = await fileWith((wb) => {
      const { rows, merges } = sanGong12Rows([68000, 55000, 0, 0, 60000, 50000, 20000, 20000, 40000, 30000, 8000, 5000]);
      insertSheet(wb, '三公经费', 3, rows, merges);
    }, 'both.xlsx');
    const before = await storedInputs();
    for (const extra of [[], ['--partial']]) {
      const refused = await run(file, ...extra);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('“三公经费”、“公开09表”');
      expect(refused.err).toContain('--use-sheet');
    }
    expect(await storedInputs()).toEqual(before);
    const chosen = await run(file, '--use-sheet', 'T09=公开09表');
    expect(chosen.code).toBe(0);
    expect(await storedInputs()).toEqual(before);
  });

  it('as a real process: reads in its worker thread, exits 1 on a refusal, and ends (the idle reader keeps nothing alive)', async () => {
    const file = await fileWith((wb) => insertSheet(wb, '项目支出', 5, [['一般公共预算财政拨款项目支出决算表'], ['项目名称', '金额'], ['信息化', 5]]), 'process.xlsx');
    const run = await juesuan('import-xlsx', '--db', db, '--unit', '001', '--year', '2020', file);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('1 张表不会导入');
  });

  it('an import that replaces a report says what it replaces', async () => {
    const file = join(temp.dir, 'same.xlsx');
    await writeFile(file, exported);
    const result = await run(file, '--dry-run');
    expect(result.code).toBe(0);
    expect(result.out.find((l) => l.startsWith('替换：'))).toMatch(/^替换：导入将替换单位 001 隆阳区政务服务管理局 2020 年度的报表中收入支出决算总表（现有 \d+ 个数）、/);
  });
});
