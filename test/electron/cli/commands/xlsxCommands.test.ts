import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportXlsxCommand } from '../../../../electron/cli/commands/exportXlsx';
import { importXlsxCommand } from '../../../../electron/cli/commands/importXlsx';
import { ReportStore } from '../../../../electron/services/store/reportStore';
import { makeTempDir } from '../../services/tempDir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
const unit = { code: '001', name: '隆阳区政务服务管理局', kind: '行政单位' as const, parent: null };

beforeAll(async () => {
  temp = await makeTempDir('juesuan-xlsx-cli-');
  const source = await ReportStore.open(join(temp.dir, 'source.db'));
  await source.replaceReport({
    unit,
    year: 2020,
    packId: 'yn-2020',
    data: { rows: { T03: ['2010301'] }, inputs: { 'T03:2010301:c2': 123_456, 'T09:NABRGRP:c2': 3 }, texts: {} },
  });
  await source.close();
  const target = await ReportStore.open(join(temp.dir, 'target.db'));
  await target.addUnit(unit);
  await target.close();
});
afterAll(async () => {
  await temp.remove();
});

function collect(): { lines: string[]; out(text: string): void } {
  const lines: string[] = [];
  return { lines, out: (text) => lines.push(text) };
}

describe('export-xlsx and import-xlsx', () => {
  it('exports, dry-runs (writing nothing) and imports into another database', async () => {
    const file = join(temp.dir, 'out.xlsx');
    // Only T03 is filled, so 收入总计 ≠ 支出总计 (T01-5, 强制): the version to submit is refused, a 核对稿 is not.
    await expect(
      exportXlsxCommand(['--db', join(temp.dir, 'source.db'), '--unit', '001', '--year', '2020', '--out', file], collect()),
    ).rejects.toThrow(/强制审核规则未通过（T01-5.*），不能导出报送版/);
    await expect(readFile(file)).rejects.toThrow();
    const io = collect();
    await exportXlsxCommand(['--db', join(temp.dir, 'source.db'), '--unit', '001', '--year', '2020', '--out', file, '--wan', '--draft'], io);
    expect(io.lines).toEqual([`已导出 001 2020 年度公开表到 ${file}（金额单位：万元）`]);
    expect((await readFile(file)).subarray(0, 2).toString()).toBe('PK');

    const yuan = join(temp.dir, 'yuan.xlsx');
    await exportXlsxCommand(['--db', join(temp.dir, 'source.db'), '--unit', '001', '--year', '2020', '--out', yuan, '--blank-zeros', '--draft'], collect());
    const target = ['--db', join(temp.dir, 'target.db'), '--unit', '001', '--year', '2020'];
    const dry = collect();
    await importXlsxCommand([...target, yuan, '--dry-run'], dry);
    expect(dry.lines).toContain('新增数值（2）');
    expect(dry.lines.some((l) => l.includes('支出决算表 第“2010301 行政运行”行“基本支出”：1234.56［公开03表!'))).toBe(true);
    expect(dry.lines[dry.lines.length - 1]).toBe('（试运行：未写入任何数据）');
    const store = await ReportStore.open(join(temp.dir, 'target.db'));
    expect(await store.findReport('001', 2020)).toBeUndefined();
    await store.close();

    const real = collect();
    await importXlsxCommand([...target, yuan], real);
    expect(real.lines[real.lines.length - 1]).toBe('已导入：2 处数值变动，报表现有 2 个录入数');
    const after = await ReportStore.open(join(temp.dir, 'target.db'));
    const report = await after.findReport('001', 2020);
    expect(report && (await after.loadReportData(report.id)).inputs).toEqual({ 'T03:2010301:c2': 123_456, 'T09:NABRGRP:c2': 3 });
    await after.close();
  });

  it('refuses a missing file and a missing report with Chinese messages', async () => {
    await expect(importXlsxCommand(['--db', join(temp.dir, 'target.db'), '--unit', '001', '--year', '2020', join(temp.dir, 'nope.xlsx')], collect())).rejects.toThrow('不存在');
    await expect(
      exportXlsxCommand(['--db', join(temp.dir, 'target.db'), '--unit', '001', '--year', '2021', '--out', join(temp.dir, 'x.xlsx')], collect()),
    ).rejects.toThrow('没有 2021 年度的报表');
  });
});
