import { describe, expect, it } from 'vitest';
import { ReportEngine } from '../../../shared/engine/reportEngine';
import { cellKindIn, displayCellValue, parseCellText, plainCellValue, resolveCellKind } from '../../../shared/pack/cellKind';
import { countColumnPack } from './countColumnPack';

describe('resolveCellKind: the column’s kind wins over the row’s', () => {
  it.each([
    [undefined, undefined, 'money'],
    [undefined, 'count', 'count'],
    ['count', undefined, 'count'],
    ['count', 'money', 'count'],
    ['money', 'count', 'money'],
  ] as const)('column %s, row %s → %s', (column, row, expected) => {
    expect(resolveCellKind(column ? { kind: column } : {}, row ? { kind: row } : {})).toBe(expected);
  });

  it('finds the column in the table by id', () => {
    const table = { columns: [{ id: 'c1', label: '金额' }, { id: 'c2', label: '团组数', kind: 'count' as const }] };
    expect(cellKindIn(table, { kind: 'money' }, 'c2')).toBe('count');
    expect(cellKindIn(table, { kind: 'money' }, 'c1')).toBe('money');
    expect(cellKindIn(table, { kind: 'count' }, 'c1')).toBe('count');
  });
});

describe('per-kind text', () => {
  it('a count is read and written as a whole number in any money unit', () => {
    expect(parseCellText('3', 'count', '万元')).toEqual({ ok: true, value: 3, fen: 3 });
    expect(parseCellText('1,200', 'count')).toEqual({ ok: true, value: 1200, fen: 1200 });
    expect(parseCellText('3.5', 'count')).toMatchObject({ ok: false });
    expect(displayCellValue(1200, 'count', { unit: '万元' })).toBe('1,200');
    expect(plainCellValue(3, 'count')).toBe('3');
  });

  it('money is 分, shown in the chosen unit', () => {
    expect(parseCellText('3', 'money')).toEqual({ ok: true, value: 300, fen: 300 });
    expect(parseCellText('3', 'money', '万元')).toEqual({ ok: true, value: 3_000_000, fen: 3_000_000 });
    expect(displayCellValue(300, 'money')).toBe('3.00');
    expect(plainCellValue(123456, 'money')).toBe('1234.56');
  });
});

describe('the engine asks the same rule', () => {
  const engine = new ReportEngine(countColumnPack(), { rows: {}, inputs: {} });

  it('a 团组数 column is counts on a money row; an amount column stays money', () => {
    expect(engine.kindOf('T09', 'ABR', 'c2')).toBe('count');
    expect(engine.kindOf('T09', 'ABR', 'c1')).toBe('money');
    expect(engine.kindOf('T09', 'NOPE', 'c1')).toBeUndefined();
  });

  it('its range message names a count, not an amount', () => {
    expect(engine.checkEdit({ table: 'T09', row: 'ABR', col: 'c2', value: 1e15 })).toMatch(/数量超出允许范围/);
  });
});
