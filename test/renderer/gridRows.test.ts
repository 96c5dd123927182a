import { describe, expect, it } from 'vitest';
import type { LayoutRow, TableLayout } from '../../shared/engine/types';
import type { TableDef } from '../../shared/pack/model';
import { buildGridRows, indexRows } from '../../renderer/src/table/gridRows';

const row = (id: string): LayoutRow => ({ id, label: id, indent: 0, total: false, kind: 'money', cells: ['c1'], inputs: [], removable: false });
const table: TableDef = { id: 'T01', code: '公开01表', title: '收入支出决算总表', columns: [], sides: [], formulas: [] };

describe('buildGridRows', () => {
  it('puts left row i beside right row i and pads the shorter side with blanks', () => {
    const layout: TableLayout = {
      table,
      sides: [
        { def: { columns: ['c1'], rowHeader: 'item', rows: [] }, rows: [row('I01'), row('ISUM')] },
        { def: { columns: ['c2'], rowHeader: 'item', rows: [] }, rows: [row('201'), row('208'), row('ETOT')] },
      ],
    };
    const lines = buildGridRows(layout);
    expect(lines.map((l) => l.sides.map((s) => s?.id ?? '—'))).toEqual([
      ['I01', '201'],
      ['ISUM', '208'],
      ['—', 'ETOT'],
    ]);
    expect(new Set(lines.map((l) => l.key)).size).toBe(3);
    const index = indexRows(layout);
    expect(index[1]?.get('ETOT')).toBe(2);
    expect(index[0]?.get('ETOT')).toBeUndefined();
  });
});
