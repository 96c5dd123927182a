import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/api/errors';
import { ReportEngine } from '../../../../shared/engine/reportEngine';
import type { Pack } from '../../../../shared/pack/model';
import { exportWorkbook } from '../../../../electron/services/excel/exportWorkbook';
import { previousYearSession } from '../../../../electron/services/storedSession';
import { commitXlsxImport, exportReportXlsx, planXlsxImport } from '../../../../electron/services/excel/xlsxService';
import { DRAFT_NOTE } from '../../../../electron/services/excel/exportWorkbook';
import { balancedData } from '../../../shared/audit/auditFixtures';
import { ReportSessions } from '../../../../electron/services/reportSessions';
import type { ReportStore } from '../../../../electron/services/store/reportStore';
import { ref, storedData, unit, useImportDatabase } from './importDatabase';
import { workbookBytes, type SheetSpec } from './sheetBuilder';

let pack: Pack;
let store: ReportStore;
let sessions: ReportSessions;
useImportDatabase('shapes', (db) => ({ pack, store, sessions } = db));

const stored = (year = 2020) => storedData(store, year);

async function importFile(sheets: SheetSpec[], label = 'bureau.xlsx') {
  const plan = await planXlsxImport(sessions, ref, await workbookBytes(sheets), label);
  return plan;
}

/** T03 as a bureau sends it: 类|款|项 under a merged 科目编码, text amounts, formulas with cached results. */
function t03ThreeColumnSheet(name: string, nameOf2010301 = '行政运行'): SheetSpec {
  return {
    name,
    rows: [
      ['2020年度支出决算表'],
      ['部门：保山市隆阳区政务服务管理局', null, null, null, null, null, null, null, '单位：元'],
      ['科目编码', null, null, '科目名称', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'],
      ['类', '款', '项'],
      ['栏次', null, null, null, '1', '2', '3', '4', '5', '6'],
      [null, null, null, '合计', { formula: 'E7', result: 1_236_567.89 }, '1,234,567.89', '2,000.00', null, null, null],
      [201, null, null, '一般公共服务支出', 1_236_567.89, 1_234_567.89, 2000],
      [201, 3, null, '政府办公厅（室）及相关机构事务', 1_236_567.89, 1_234_567.89, 2000],
      [201, 3, 1, nameOf2010301, { formula: 'F9+G9', result: 1_234_567.89 }, '1,234,567.89', '-'],
      [201, 3, 2, ' 一般行政管理事务', { formula: 'F10+G10', result: 2000 }, null, { formula: '1000*2', result: 2000 }],
    ],
    merges: ['A3:C3', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:G4', 'H3:H4', 'I3:I4', 'J3:J4', 'A1:J1'],
  };
}

function t09Sheet(): SheetSpec {
  return {
    name: '三公',
    rows: [
      ['公开09表  “三公”经费、行政参公单位机关运行经费情况表'],
      ['金额单位：元'],
      ['项目', '预算数', '决算数'],
      ['一、“三公”经费支出', 3000, 2500],
      ['(一)因公出国(境)费', 1000, 500],
      ['（二）公务用车购置及运行维护费', 2000, 2000],
      ['1、公务用车购置费', 0, 0],
      ['2、公务用车运行维护费', 2000, 2000],
      ['四、其他费用', 77, 88],
      ['二、行政参公单位机关运行经费', null, 123456.78],
      ['1.因公出国（境）团组数（个）', null, 2],
    ],
  };
}

describe('import of workbooks in other shapes', () => {
  it('finds tables by title whatever the sheet name and order, reads 3-column codes, text amounts and formulas', async () => {
    const plan = await importFile([
      { name: '说明', rows: [['填报说明'], ['本文件由财政局下发']] },
      t03ThreeColumnSheet('Sheet3'),
      {
        name: '公开02表',
        rows: [
          ['收入决算表'],
          ['单位：元'],
          ['科目编码', '科目名称', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
          ['2010301', '行政运行', 500.5, 500.5],
        ],
      },
    ]);
    expect(plan.tables.map((t) => [t.table, t.sheet])).toEqual([
      ['T03', 'Sheet3'],
      ['T02', '公开02表'],
    ]);
    expect(plan.ignoredSheets).toEqual([{ sheet: '说明', reason: '不是可识别的决算表' }]);
    expect(plan.notPlaced).toEqual([]);
    expect(plan.computedDifferences).toEqual([]);
    expect(plan.data.inputs).toEqual({
      'T03:2010301:c2': 123_456_789,
      'T03:2010302:c3': 200_000,
      'T02:2010301:c2': 50_050,
    });
    expect(plan.newRows.map((r) => r.row).sort()).toEqual(['2010301', '2010301', '2010302']);
    expect(plan.newValues.find((v) => v.row === '2010301' && v.table === 'T03')).toMatchObject({ sheet: 'Sheet3', cell: 'F9', before: null, after: 123_456_789 });
    expect(await stored()).toBeUndefined();
    await commitXlsxImport(sessions, plan);
    expect((await stored())?.inputs).toEqual(plan.data.inputs);
  });

  it('takes the figures of a 科目 whose name differs from the catalogue by its code, and says so (提示, not a refusal)', async () => {
    const plan = await importFile([t03ThreeColumnSheet('支出', '行政运行费')]);
    expect(plan.notPlaced).toEqual([]);
    expect(plan.notes).toContain('工作表“支出”A9：科目“2010301”在文件中的名称“行政运行费”与科目目录中的“行政运行”不一致，已按编码导入，请核对');
    expect(plan.data.inputs['T03:2010301:c2']).toBeDefined();
    expect(plan.computedDifferences).toEqual([]);
  });

  it('matches fixed rows by label whatever the numbering and brackets, and reports an unknown row', async () => {
    const plan = await importFile([t09Sheet()]);
    expect(plan.data.inputs).toMatchObject({
      'T09:SGABR:c1': 100_000,
      'T09:SGABR:c2': 50_000,
      'T09:SGCAROPS:c1': 200_000,
      'T09:OPEX:c2': 12_345_678,
      'T09:NABRGRP:c2': 2,
    });
    expect(plan.notPlaced).toEqual([{ sheet: '三公', cell: 'A9', reason: '无法识别的行“四、其他费用”，本行未导入' }]);
    expect(plan.computedDifferences).toEqual([]);
  });

  it('reports every computed cell of the file that differs from what the engine computes', async () => {
    const spec = t09Sheet();
    spec.rows[3] = ['一、“三公”经费支出', 3000, 2600];
    spec.rows.splice(8, 1);
    const plan = await importFile([spec]);
    expect(plan.computedDifferences).toEqual([
      expect.objectContaining({ table: 'T09', row: 'SG', col: 'c2', sheet: '三公', cell: 'C4', inFile: 260_000, computed: 250_000 }),
    ]);
  });

  it('reads 万元 from the unit line, converts to 分 and marks the report as sourced in 万元', async () => {
    const plan = await importFile([
      {
        name: '资产',
        rows: [
          ['国有资产占有使用情况表'],
          ['部门：隆阳区政务服务管理局', null, null, '金额单位：万元'],
          ['项目', '行次', '资产总额', '流动资产', '固定资产', null, null, null, null, '对外投资/有价证券', '在建工程', '无形资产', '其他资产'],
          [null, null, null, null, '小计', '房屋构筑物', '车辆', '单价200万以上大型设备', '其他固定资产'],
          ['合计', '1', 123.46, 100.12, 23.34, 20, 3.34, 0, 0, 0, 0, 0, 0],
        ],
        merges: ['E3:I3', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'J3:J4', 'K3:K4', 'L3:L4', 'M3:M4'],
      },
    ]);
    expect(plan.sourceUnit).toBe('万元');
    expect(plan.notPlaced).toEqual([]);
    expect(plan.data.inputs).toEqual({ 'T10:TOTAL:c2': 100_120_000, 'T10:TOTAL:c4': 20_000_000, 'T10:TOTAL:c5': 3_340_000 });
    expect(plan.computedDifferences).toEqual([]);
    await commitXlsxImport(sessions, plan);
    expect((await stored())?.texts['meta.sourceUnit']).toBe('万元');
  });

  it('recognises a table by another title the pack lists for it (Yunnan 2022: 国有资产使用情况表)', async () => {
    const plan = await importFile([
      {
        name: 'Sheet9',
        rows: [
          ['国有资产使用情况表'],
          ['部门：隆阳区政务服务管理局', null, null, '金额单位：元'],
          ['项目', '行次', '资产总额', '流动资产', '固定资产', null, null, null, null, '对外投资/有价证券', '在建工程', '无形资产', '其他资产'],
          [null, null, null, null, '小计', '房屋构筑物', '车辆', '单价200万以上大型设备', '其他固定资产'],
          ['合计', '1', 150, 100, 50, 50, 0, 0, 0, 0, 0, 0, 0],
        ],
        merges: ['E3:I3', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'J3:J4', 'K3:K4', 'L3:L4', 'M3:M4'],
      },
    ]);
    expect(plan.tables.map((t) => [t.table, t.sheet])).toEqual([['T10', 'Sheet9']]);
    expect(plan.data.inputs).toEqual({ 'T10:TOTAL:c2': 10_000, 'T10:TOTAL:c4': 5_000 });
  });

  it('reports a formula without a cached result instead of reading it as zero', async () => {
    const plan = await importFile([
      {
        name: 'T02',
        rows: [
          ['收入决算表'],
          ['科目编码', '科目名称', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
          ['2010301', '行政运行', null, { formula: '1+1' }],
        ],
      },
    ]);
    expect(plan.notPlaced).toEqual([
      { sheet: 'T02', cell: 'D3', reason: '“2010301 行政运行”：公式没有保存计算结果（请在 Excel 中打开、重新计算并保存后再导入），未导入' },
    ]);
  });

  it('replaces the tables the file contains and keeps the others; the plan lists changed and cleared values', async () => {
    await store.replaceReport({
      unit,
      year: 2020,
      packId: pack.id,
      data: { rows: { T03: ['2010301', '2080505'] }, inputs: { 'T03:2010301:c2': 1, 'T03:2080505:c2': 7, 'T10:TOTAL:c2': 9 }, texts: { note: 'x' } },
    });
    const plan = await importFile([t03ThreeColumnSheet('支出')]);
    expect(plan.changedValues.map((v) => [v.row, v.before, v.after])).toEqual([['2010301', 1, 123_456_789]]);
    expect(plan.clearedValues.map((v) => [v.row, v.before, v.after])).toEqual([['2080505', 7, null]]);
    expect(plan.removedRows.map((r) => r.row)).toEqual(['2080505']);
    await commitXlsxImport(sessions, plan);
    const data = await stored();
    expect(data?.inputs['T10:TOTAL:c2']).toBe(9);
    expect(data?.inputs['T03:2080505:c2']).toBeUndefined();
    expect(data?.texts.note).toBe('x');
  });

  it('refuses to commit a plan when the report changed after the plan was made', async () => {
    const plan = await importFile([t09Sheet()]);
    await store.replaceReport({ unit, year: 2020, packId: pack.id, data: { rows: {}, inputs: { 'T10:TOTAL:c2': 5 }, texts: {} } });
    await expect(commitXlsxImport(sessions, plan)).rejects.toThrow('已被修改');
    expect((await stored())?.inputs).toEqual({ 'T10:TOTAL:c2': 5 });
  });
});

describe('refused files', () => {
  const cases: [string, () => Promise<Uint8Array>, string][] = [
    ['text', async () => new TextEncoder().encode('科目编码,金额\n2010301,5\n'), '不是 Excel 工作簿（.xlsx）'],
    ['corrupt zip', async () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]), '已损坏'],
    ['xls', async () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), '旧版 Excel 97-2003'],
    [
      'encrypted',
      async () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(Buffer.from('EncryptionInfo', 'utf16le'))]),
      '已加密',
    ],
    ['empty', async () => new Uint8Array(0), '空文件'],
    ['no table', () => workbookBytes([{ name: '工资表', rows: [['姓名', '工资'], ['张三', 5000]] }]), '没有找到可识别的决算表'],
  ];
  for (const [what, bytes, message] of cases) {
    it(`refuses a ${what} file with a clear message and writes nothing`, async () => {
      await store.replaceReport({ unit, year: 2020, packId: pack.id, data: { rows: {}, inputs: { 'T10:TOTAL:c2': 5 }, texts: {} } });
      const before = await stored();
      const err = await planXlsxImport(sessions, ref, await bytes(), `${what}.xlsx`).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).message).toContain(message);
      expect((err as AppError).message).toContain(`${what}.xlsx`);
      expect(await stored()).toEqual(before);
      expect(await store.findReport(unit.code, 2019)).toBeUndefined();
    });
  }
});

describe('cover, last year', () => {
  it('exports the cover fields and reads them back as report texts', async () => {
    const texts = { 'cover.leader': '张三', 'cover.financeLead': '李四', 'cover.preparer': '王五', 'cover.phone': '0875-1234567', 'cover.date': '2021-03-01' };
    const engine = new ReportEngine(pack, { rows: {}, inputs: { 'T10:TOTAL:c2': 100 } });
    const bytes = await exportWorkbook({ pack, engine, unit, year: 2020, texts, options: { unit: '元', blankZeros: false } });
    const plan = await planXlsxImport(sessions, ref, bytes, 'cover.xlsx');
    expect(plan.textChanges.map((t) => [t.key, t.after])).toEqual(Object.entries(texts));
    await commitXlsxImport(sessions, plan);
    expect((await stored())?.texts).toEqual(texts);
  });

  it("imports last year's workbook into year − 1 and serves it as 上年数", async () => {
    await store.replaceReport({ unit, year: 2020, packId: pack.id, data: { rows: { T03: ['2010301'] }, inputs: { 'T03:2010301:c2': 900 }, texts: {} } });
    const lastYear = await exportReportXlsx(sessions, ref, { unit: '元', blankZeros: true, draft: true });
    expect(await previousYearSession(sessions, { unit: '001', year: 2021 })).not.toBeNull();
    const plan = await planXlsxImport(sessions, { unit: '001', year: 2019 }, lastYear, '2019.xlsx');
    expect(plan.notes.join('')).toContain('作为 2020 年度的上年数');
    await commitXlsxImport(sessions, plan);
    const previous = await previousYearSession(sessions, ref);
    expect(previous?.year).toBe(2019);
    expect(previous?.engine.value('T03', '2010301', 'c1')).toBe(900);
    expect(previous?.engine.value('T01', '201', 'c2')).toBe(900);
    expect(await previousYearSession(sessions, { unit: '001', year: 2019 })).toBeNull();
  });
});

describe('writing an import', () => {
  it('writes nothing when the transaction fails (unknown unit)', async () => {
    await expect(store.replaceReportData('404', 2020, pack.id, { rows: {}, inputs: { 'T10:TOTAL:c2': 1 }, texts: {} })).rejects.toThrow('单位 404 不存在');
    expect(await store.findReport('404', 2020)).toBeUndefined();
  });
});

async function coverTexts(bytes: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const texts: string[] = [];
  workbook.worksheets[0]?.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
  return texts;
}

describe('the 报送版 and the 核对稿', () => {
  it('exports the 报送版 of a report that passes every 强制 rule, with no draft note on the cover', async () => {
    await store.replaceReport({ unit, year: 2020, packId: pack.id, data: { ...balancedData(), texts: {} } });
    const bytes = await exportReportXlsx(sessions, ref, { unit: '元', blankZeros: false });
    const cover = await coverTexts(bytes);
    expect(cover.join(' ')).toContain(unit.name);
    expect(cover.join(' ')).not.toContain(DRAFT_NOTE);
  });

  it('refuses the 报送版 while a 强制 rule fails, naming the rules; the 核对稿 says 不得报送 on its cover', async () => {
    const data = balancedData();
    data.inputs['T01:IBEG:c1'] = 60_001_00; // 收入总计 now exceeds 支出总计 by 1.00 元
    await store.replaceReport({ unit, year: 2020, packId: pack.id, data: { ...data, texts: {} } });
    await expect(exportReportXlsx(sessions, ref, { unit: '元', blankZeros: false })).rejects.toThrow(/强制审核规则未通过（.*T01-5.*），不能导出报送版/);
    const bytes = await exportReportXlsx(sessions, ref, { unit: '元', blankZeros: false, draft: true });
    const cover = await coverTexts(bytes);
    expect(cover).toContain(DRAFT_NOTE);
  });
});
