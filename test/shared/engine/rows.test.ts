import { describe, expect, it } from 'vitest';
import { ReportEngine } from '../../../shared/engine/reportEngine';
import { realPack } from '../pack/packFixtures';

const ids = (engine: ReportEngine, table: string) => engine.layout(table).sides.flatMap((s) => s.rows.map((r) => r.id));

describe('adding and removing 科目 rows', () => {
  it('adds a 项 with its 款 and 类, keeps code order and the 合计 row in its place', async () => {
    const engine = new ReportEngine(await realPack(), { rows: {}, inputs: {} });
    const first = engine.addRows('T03', ['2080505']);
    expect(first).toEqual({ added: ['208', '20805', '2080505'], removed: [], droppedInputs: [] });
    const second = engine.addRows('T03', ['2010302', '2010301', '2080505']);
    expect(second.added).toEqual(['201', '20103', '2010301', '2010302']);
    expect(ids(engine, 'T03')).toEqual(['TOTAL', '201', '20103', '2010301', '2010302', '208', '20805', '2080505']);
    engine.addRows('T05', ['2010301']);
    expect(ids(engine, 'T05')).toEqual(['201', '20103', '2010301', 'TOTAL']);
    const row = engine.layout('T03').sides[0]?.rows.find((r) => r.id === '20103');
    expect(row).toMatchObject({ code: '20103', level: '款', indent: 1, inputs: [], removable: true, cells: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'] });
    expect(engine.layout('T03').sides[0]?.rows.find((r) => r.id === '2010301')?.inputs).toEqual(['c2', 'c3', 'c4', 'c5', 'c6']);
    expect(engine.addedRows()).toEqual({ T03: ['2010301', '2010302', '2080505'], T05: ['2010301'] });
    expect(engine.addRows('T03', ['2010301'])).toEqual({ added: [], removed: [], droppedInputs: [] });
  });

  it('refuses codes the catalogue lacks, non-项 codes and fixed tables, changing nothing', async () => {
    const engine = new ReportEngine(await realPack(), { rows: {}, inputs: {} });
    expect(() => engine.addRows('T03', ['2010301', '9999999'])).toThrow('支出决算表：科目编码“9999999”不在支出功能分类科目中');
    expect(() => engine.addRows('T03', ['20103'])).toThrow('“20103 政府办公厅（室）及相关机构事务”是款级科目，只能添加项级科目');
    expect(() => engine.addRows('T06', ['30101'])).toThrow('一般公共预算财政拨款基本支出决算表 的行是固定的，不能添加科目行');
    expect(ids(engine, 'T03')).toEqual(['TOTAL']);
  });

  it('keeps computed values current when rows come and go, and drops the inputs of removed rows', async () => {
    const engine = new ReportEngine(await realPack(), { rows: { T03: ['2010301', '2010302', '2080505'] }, inputs: {} });
    engine.setInputs([
      { table: 'T03', row: '2010301', col: 'c2', value: 100 },
      { table: 'T03', row: '2010302', col: 'c3', value: 20 },
      { table: 'T03', row: '2080505', col: 'c2', value: 3 },
    ]);
    expect(engine.value('T01', 'ESUM', 'c2')).toBe(123);

    const one = engine.removeRow('T03', '2010302');
    expect(one).toEqual({ added: [], removed: ['2010302'], droppedInputs: ['T03:2010302:c3'] });
    expect(engine.value('T03', 'TOTAL', 'c1')).toBe(103);
    expect(engine.value('T01', '201', 'c2')).toBe(100);

    const cls = engine.removeRow('T03', '201');
    expect(new Set(cls.removed)).toEqual(new Set(['201', '20103', '2010301']));
    expect(cls.droppedInputs).toEqual(['T03:2010301:c2']);
    expect(engine.value('T01', '201', 'c2')).toBe(0);
    expect(engine.value('T01', 'ETOT', 'c2')).toBe(3);

    // The last 项 of a 款 takes its parents with it: a 类/款 row without children is not kept.
    const last = engine.removeRow('T03', '2080505');
    expect(new Set(last.removed)).toEqual(new Set(['208', '20805', '2080505']));
    expect(ids(engine, 'T03')).toEqual(['TOTAL']);
    expect(engine.inputs()).toEqual({});
    expect(engine.value('T01', 'ETOT', 'c2')).toBe(0);

    // A cell re-added later starts empty, and edits recompute incrementally again.
    engine.addRows('T03', ['2080505']);
    expect(engine.value('T03', '2080505', 'c2')).toBe(0);
    engine.setInputs([{ table: 'T03', row: '2080505', col: 'c2', value: 8 }]);
    expect(engine.value('T01', 'ETOT', 'c2')).toBe(8);
  });

  it('refuses to remove the 合计 row, fixed rows and rows that do not exist', async () => {
    const engine = new ReportEngine(await realPack(), { rows: { T03: ['2010301'] }, inputs: {} });
    expect(() => engine.removeRow('T03', 'TOTAL')).toThrow('支出决算表 的“合计”行不能删除');
    expect(() => engine.removeRow('T01', 'ISUM')).toThrow('收入支出决算总表 的“本年收入合计”行不能删除');
    expect(() => engine.removeRow('T03', '2080505')).toThrow('支出决算表 没有“2080505”行');
  });
});
