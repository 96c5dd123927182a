import { describe, expect, it } from 'vitest';
import { catalogueOf } from '../../../shared/pack/model';
import { AppError } from '../../../shared/api/errors';
import { MAX_FEN } from '../../../shared/money/fen';
import { ReportEngine } from '../../../shared/engine/reportEngine';
import { tableValues } from './tableValues';
import { miniPack, realPack } from '../pack/packFixtures';

const edit = (table: string, row: string, col: string, value: number | null) => ({ table, row, col, value });

describe('ReportEngine on the yn-2020 pack', () => {
  it('lays out every table with the spec ids and computes an empty report as zeros', async () => {
    const engine = new ReportEngine(await realPack(), { rows: {}, inputs: {} });
    expect(engine.tableIds()).toEqual(['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10']);
    const t01 = engine.layout('T01');
    expect(t01.sides.map((s) => s.rows.length)).toEqual([12, 30]);
    expect(t01.sides[1]?.rows.filter((r) => r.level === '类').map((r) => r.id)).toHaveLength(26);
    expect(engine.layout('T03').sides[0]?.rows.map((r) => r.id)).toEqual(['TOTAL']);
    expect(engine.layout('T05').sides[0]?.rows.map((r) => r.id)).toEqual(['TOTAL']);
    const t06 = engine.layout('T06');
    expect(t06.sides[0]?.rows.at(-1)?.id).toBe('PSUM');
    expect(t06.sides[1]?.rows.at(-1)?.id).toBe('GSUM');
    expect(t06.sides[0]?.rows.find((r) => r.id === '30101')?.inputs).toEqual(['c1']);
    expect(t06.sides[0]?.rows.find((r) => r.id === '301')?.inputs).toEqual([]);
    expect(engine.value('T01', 'ITOT', 'c1')).toBe(0);
    expect(engine.value('T01', 'ITOT', 'c2')).toBeUndefined();
    expect(engine.isInput('T01', 'IBEG', 'c1')).toBe(true);
    expect(engine.isInput('T01', 'ISUM', 'c1')).toBe(false);
  });

  it('carries a T03 项 edit to the 款, 类 and 合计 rows and to the T01 支出 lines, and reports exactly what changed', async () => {
    const engine = new ReportEngine(await realPack(), { rows: { T03: ['2010301', '2080505'] }, inputs: {} });
    const before = snapshot(engine);
    const changed = engine.setInputs([edit('T03', '2010301', 'c2', 166_083_472)]);
    const after = snapshot(engine);
    const diff = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(new Set(changed)).toEqual(new Set(diff));
    expect(engine.value('T03', '2010301', 'c1')).toBe(166_083_472);
    expect(engine.value('T03', '20103', 'c2')).toBe(166_083_472);
    expect(engine.value('T03', 'TOTAL', 'c1')).toBe(166_083_472);
    expect(engine.value('T01', '201', 'c2')).toBe(166_083_472);
    expect(engine.value('T01', '208', 'c2')).toBe(0);
    expect(engine.value('T01', 'ESUM', 'c2')).toBe(166_083_472);
    expect(engine.value('T01', 'ETOT', 'c2')).toBe(166_083_472);
    expect(engine.setInputs([edit('T03', '2010301', 'c2', 166_083_472)])).toEqual([]);
  });

  it('takes T01 income lines from T04 and T02, and T04 类 lines from T05/T07/T08', async () => {
    const engine = new ReportEngine(await realPack(), { rows: { T02: ['2010301'], T05: ['2010301'], T07: ['2010301'] }, inputs: {} });
    engine.setInputs([
      edit('T04', 'I01', 'c1', 1000),
      edit('T04', 'I02', 'c1', 20),
      edit('T02', '2010301', 'c3', 300),
      edit('T02', '2010301', 'c7', 7),
      edit('T01', 'INFB', 'c1', 1),
      edit('T01', 'IBEG', 'c1', 2),
      edit('T05', '2010301', 'c4', 400),
      edit('T05', '2010301', 'c5', 50),
      edit('T07', '2010301', 'c5', 9),
      edit('T04', 'EEND', 'c3', 11),
    ]);
    expect(engine.value('T01', 'I01', 'c1')).toBe(1000);
    expect(engine.value('T01', 'I02', 'c1')).toBe(20);
    expect(engine.value('T01', 'I04', 'c1')).toBe(300);
    expect(engine.value('T01', 'I08', 'c1')).toBe(7);
    expect(engine.value('T01', 'ISUM', 'c1')).toBe(1327);
    expect(engine.value('T01', 'ITOT', 'c1')).toBe(1330);
    expect(engine.value('T05', '2010301', 'c3')).toBe(450);
    expect(engine.value('T05', 'TOTAL', 'c3')).toBe(450);
    expect(engine.value('T04', '201', 'c3')).toBe(450);
    expect(engine.value('T04', '201', 'c4')).toBe(9);
    expect(engine.value('T04', '201', 'c2')).toBe(459);
    expect(engine.value('T04', 'ESUM', 'c2')).toBe(459);
    expect(engine.value('T04', 'EEND', 'c2')).toBe(11);
    expect(engine.value('T04', 'ETOT', 'c3')).toBe(461);
    expect(engine.value('T04', 'ETOT', 'c2')).toBe(470);
  });

  it('sums T06 款 into 类 and the 人员/公用 footers, and T09/T10 totals', async () => {
    const engine = new ReportEngine(await realPack(), { rows: {}, inputs: {} });
    engine.setInputs([
      edit('T06', '30101', 'c1', 100),
      edit('T06', '30302', 'c1', 20),
      edit('T06', '30201', 'c1', 3),
      edit('T06', '31002', 'c1', 4),
      edit('T09', 'SGABR', 'c2', 1),
      edit('T09', 'SGCAROPS', 'c2', 10),
      edit('T09', 'SGRECDOM', 'c2', 100),
      edit('T09', 'SGRECABR', 'c2', 1000),
      edit('T09', 'NDOMBAT', 'c2', 3),
      edit('T10', 'TOTAL', 'c2', 5),
      edit('T10', 'TOTAL', 'c5', 7),
      edit('T10', 'TOTAL', 'c10', 11),
    ]);
    expect(engine.value('T06', '301', 'c1')).toBe(100);
    expect(engine.value('T06', 'PSUM', 'c1')).toBe(120);
    expect(engine.value('T06', 'GSUM', 'c1')).toBe(7);
    expect(engine.value('T09', 'SGCAR', 'c2')).toBe(10);
    expect(engine.value('T09', 'SGREC', 'c2')).toBe(1100);
    expect(engine.value('T09', 'SG', 'c2')).toBe(1111);
    expect(engine.value('T09', 'NDOMBAT', 'c2')).toBe(3);
    expect(engine.value('T09', 'NDOMBAT', 'c1')).toBeUndefined();
    expect(engine.value('T10', 'TOTAL', 'c3')).toBe(7);
    expect(engine.value('T10', 'TOTAL', 'c1')).toBe(23);
  });

  it('clears a cell with null and keeps only typed values in inputs()', async () => {
    const engine = new ReportEngine(await realPack(), { rows: {}, inputs: { 'T01:IBEG:c1': 5 } });
    expect(engine.value('T01', 'ITOT', 'c1')).toBe(5);
    engine.setInputs([edit('T01', 'INFB', 'c1', 0)]);
    expect(engine.inputs()).toEqual({ 'T01:IBEG:c1': 5, 'T01:INFB:c1': 0 });
    const changed = engine.setInputs([edit('T01', 'IBEG', 'c1', null)]);
    expect(changed).toEqual(expect.arrayContaining(['T01:IBEG:c1', 'T01:ITOT:c1']));
    expect(engine.inputs()).toEqual({ 'T01:INFB:c1': 0 });
    expect(engine.value('T01', 'IBEG', 'c1')).toBe(0);
  });
});

describe('checkEdit', () => {
  it('names table, row and column in Chinese', async () => {
    const engine = new ReportEngine(await realPack(), { rows: { T03: ['2010301'] }, inputs: {} });
    expect(engine.checkEdit(edit('T03', '2010301', 'c1', 1))).toBe(
      '支出决算表 第“2010301 行政运行”行“本年支出合计”是自动计算的单元格，不能直接输入',
    );
    expect(engine.checkEdit(edit('T03', '2010301', 'c2', 1))).toBeNull();
    expect(engine.checkEdit(edit('T03', '2010301', 'c2', null))).toBeNull();
    expect(engine.checkEdit(edit('T03', '2010302', 'c2', 1))).toBe('支出决算表 还没有“2010302 一般行政管理事务”行，请先添加该科目');
    expect(engine.checkEdit(edit('T03', 'XYZ', 'c2', 1))).toBe('支出决算表 没有“XYZ”行');
    expect(engine.checkEdit(edit('T99', 'I01', 'c1', 1))).toBe('没有表“T99”');
    expect(engine.checkEdit(edit('T03', '2010301', 'c9', 1))).toBe('支出决算表 没有“c9”列');
    expect(engine.checkEdit(edit('T01', 'IBEG', 'c2', 1))).toBe('收入支出决算总表 第“年初结转和结余”行没有“金额”栏');
    expect(engine.checkEdit(edit('T01', '201', 'c2', 1))).toBe(
      '收入支出决算总表 第“201 一般公共服务支出”行“金额”是自动计算的单元格，不能直接输入',
    );
    expect(engine.checkEdit(edit('T05', 'TOTAL', 'c3', 1))).toBe(
      '一般公共预算财政拨款收入支出决算表 第“合计”行“本年支出·小计”是自动计算的单元格，不能直接输入',
    );
    expect(engine.checkEdit(edit('T03', '2010301', 'c2', 1.5))).toContain('必须是整数');
    expect(engine.checkEdit(edit('T03', '2010301', 'c2', MAX_FEN))).toBeNull();
    expect(engine.checkEdit(edit('T03', '2010301', 'c2', -MAX_FEN - 1))).toContain('超出允许范围');
    expect(engine.checkEdit(edit('T09', 'NABRGRP', 'c2', MAX_FEN + 1))).toContain('数量超出允许范围');
  });

  it('setInputs applies nothing when one edit of the batch is refused', async () => {
    const engine = new ReportEngine(await realPack(), { rows: { T03: ['2010301'] }, inputs: {} });
    expect(() =>
      engine.setInputs([edit('T03', '2010301', 'c2', 5), edit('T03', '2010301', 'c1', 5)]),
    ).toThrow(/自动计算的单元格/);
    expect(engine.inputs()).toEqual({});
    expect(engine.value('T03', 'TOTAL', 'c1')).toBe(0);
  });

  it('refuses an edit whose sums would leave the exact integer range, and keeps the old values', async () => {
    const pack = await realPack();
    const items = catalogueOf(pack, 'func').entries.filter((e) => e.level === '项').map((e) => e.code);
    expect(items.length).toBeGreaterThanOrEqual(46);
    const engine = new ReportEngine(pack, { rows: { T03: items }, inputs: {} });
    engine.setInputs([edit('T03', items[0] ?? '', 'c2', 1)]);
    const huge = items.slice(0, 46).flatMap((code) => [edit('T03', code, 'c2', MAX_FEN), edit('T03', code, 'c3', MAX_FEN)]);
    let error: unknown;
    try {
      engine.setInputs(huge);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error instanceof Error ? error.message : '').toContain('超出可精确计算的范围');
    expect(engine.inputs()).toEqual({ [`T03:${items[0]}:c2`]: 1 });
    expect(engine.value('T03', 'TOTAL', 'c1')).toBe(1);
    expect(engine.value('T01', 'ETOT', 'c2')).toBe(1);
  });

  it('refuses stored data that does not fit the pack', async () => {
    const pack = await realPack();
    expect(() => new ReportEngine(pack, { rows: {}, inputs: { 'T01:ISUM:c1': 3 } })).toThrow(/报表数据有误.*自动计算/);
    expect(() => new ReportEngine(pack, { rows: { T03: ['20103'] }, inputs: {} })).toThrow(/只能添加项级科目/);
    expect(() => new ReportEngine(pack, { rows: { T01: ['2010301'] }, inputs: {} })).toThrow(/不能添加科目行/);
  });
});

describe('ReportEngine on a hand-made pack', () => {
  it('binds [类] rows across tables by row id, treating a missing row as 0', () => {
    const engine = new ReportEngine(miniPack(), { rows: { A: ['2080501'] }, inputs: {} });
    engine.setInputs([edit('A', '2080501', 'c2', 4), edit('B', 'ADJ', 'c1', -1)]);
    expect(engine.value('B', '208', 'c1')).toBe(4);
    expect(engine.value('B', '201', 'c1')).toBe(0);
    expect(engine.value('B', 'ETOT', 'c1')).toBe(3);
    expect(tableValues(engine, 'B')).toEqual({
      '201': { c1: 0 },
      '208': { c1: 4 },
      ESUM: { c1: 4 },
      ADJ: { c1: -1 },
      ETOT: { c1: 3 },
    });
  });
});

function snapshot(engine: ReportEngine): Record<string, number> {
  const out: Record<string, number> = {};
  for (const table of engine.tableIds()) {
    for (const [row, cells] of Object.entries(tableValues(engine, table))) {
      for (const [col, v] of Object.entries(cells)) out[`${table}:${row}:${col}`] = v;
    }
  }
  return out;
}

describe('exact expressions on a report', () => {
  it('reads the engine’s values: a share of 合计 as a rate, rounded once, and a condition', async () => {
    const { parseCondition } = await import('../../../shared/engine/parse');
    const { evaluateExact } = await import('../../../shared/engine/evaluate');
    const { toFixed } = await import('../../../shared/money/ratio');
    const engine = new ReportEngine(await realPack(), { rows: { T03: ['2010301', '2080505'] }, inputs: {} });
    engine.setInputs([edit('T03', '2010301', 'c2', 10), edit('T03', '2080505', 'c2', 5)]);
    const scope = {
      cell: (t: string, r: string, c: string) => engine.value(t, r, c) ?? 0,
      prevCell: () => null,
      input: () => null,
      filled: () => false,
      option: () => false,
      row: '2010301',
    };
    const rate = evaluateExact(parseCondition('ROUND(T03.$.c2 * 100 / T03.TOTAL.c1, 2)'), scope);
    expect(rate && toFixed(rate, 2)).toBe('66.67');
    expect(evaluateExact(parseCondition('T03.2080505.c2 < T03.$.c2 and T03.TOTAL.c1 = 15'), scope)).toEqual({ n: 1n, d: 1n });
  });
});
