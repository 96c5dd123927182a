/** Pasting into a named table: text lands in text cells as text, decimals at their column's places, a bad value refuses the whole paste. */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReportEngine } from '../../shared/engine/reportEngine';
import type { Pack } from '../../shared/pack/model';
import { loadPack } from '../../electron/services/packs/loadPack';
import { planPaste, type PasteArea } from '../../renderer/src/edit/pastePlan';

let pack: Pack;
let area: PasteArea;

beforeAll(async () => {
  pack = await loadPack(resolve(__dirname, '..', 'fixtures', 'packs', 'kinds-2030'));
  const engine = new ReportEngine(pack, { rows: { TX: ['N1', 'N2'] }, inputs: {}, rowNames: { TX: { N1: '甲', N2: '乙' } } });
  const table = pack.tables.find((t) => t.id === 'TX');
  if (!table) throw new Error('no TX');
  const rows = engine.layout('TX').sides[0]?.rows ?? [];
  area = { table, rows, columns: table.columns, startRow: 0, startCol: 0, unit: '元' };
});

describe('paste into text, amount and decimal columns', () => {
  it('lands each value in its kind', () => {
    const plan = planPaste(area, [
      ['张三', '按期完成', '1,000', '855', '', '92.5'],
      ['李四', '验收合格', '200', '200', '', '88'],
    ]);
    expect(plan).toMatchObject({ ok: true });
    if (!plan.ok) return;
    expect(plan.edits.filter((e) => e.value !== null)).toEqual([
      { table: 'TX', row: 'N1', col: 'c1', value: '张三' },
      { table: 'TX', row: 'N1', col: 'c2', value: '按期完成' },
      { table: 'TX', row: 'N1', col: 'c3', value: 100000 },
      { table: 'TX', row: 'N1', col: 'c4', value: 85500 },
      { table: 'TX', row: 'N1', col: 'c6', value: '92.5' },
      { table: 'TX', row: 'N2', col: 'c1', value: '李四' },
      { table: 'TX', row: 'N2', col: 'c2', value: '验收合格' },
      { table: 'TX', row: 'N2', col: 'c3', value: 20000 },
      { table: 'TX', row: 'N2', col: 'c4', value: 20000 },
      { table: 'TX', row: 'N2', col: 'c6', value: '88.0' },
    ]);
    expect(plan.skippedComputed).toBe(2);
  });

  it('refuses the whole paste at the cell whose value has too many places', () => {
    const plan = planPaste({ ...area, startCol: 5 }, [['92.55']]);
    expect(plan).toEqual({ ok: false, message: '粘贴未执行：样例01表 项目支出完成情况表，行“甲”，列“自评得分”：“92.55”的小数位过多，该栏最多 1 位小数（粘贴内容第 1 行第 1 列），未写入任何数据' });
  });
});
