import { describe, expect, it } from 'vitest';
import { formatCell, parseCell } from '../../renderer/src/edit/cellText';
import { columnName, describeCell, rowName } from '../../renderer/src/edit/place';
import type { LayoutRow } from '../../shared/engine/types';

describe('formatCell / parseCell', () => {
  it('shows an unfilled input blank, zero as 0.00, amounts grouped with 2 decimals', () => {
    expect(formatCell(null, 'money', '元')).toBe('');
    expect(formatCell(0, 'money', '元')).toBe('0.00');
    expect(formatCell(166083472, 'money', '元')).toBe('1,660,834.72');
    expect(formatCell(166083472, 'money', '万元')).toBe('166.08');
    expect(formatCell(-5000, 'money', '万元')).toBe('-0.01');
  });

  it('shows counts as whole numbers', () => {
    expect(formatCell(12345, 'count', '万元')).toBe('12,345');
  });

  it('parses money in the display unit and counts as integers', () => {
    expect(parseCell('1.5', 'money', '万元')).toEqual({ ok: true, value: 1_500_000, fen: 1_500_000 });
    expect(parseCell('1.5', 'money', '元')).toEqual({ ok: true, value: 150, fen: 150 });
    expect(parseCell('abc', 'money', '元').ok).toBe(false);
    expect(parseCell('3', 'count', '万元')).toEqual({ ok: true, value: 3, fen: 3 });
    expect(parseCell('1.5', 'count', '元').ok).toBe(false);
  });
});

describe('place', () => {
  const subject: LayoutRow = { id: '2010301', code: '2010301', label: '行政运行', indent: 2, total: false, kind: 'money', cells: ['c2'], inputs: ['c2'], removable: true };
  const fixed: LayoutRow = { id: 'INFB', label: '使用非财政拨款结余', lineNo: '10', indent: 0, total: false, kind: 'money', cells: ['c1'], inputs: ['c1'], removable: false };

  it('names rows, columns and cells the way the printed table does', () => {
    expect(rowName(subject)).toBe('2010301 行政运行');
    expect(rowName(fixed)).toBe('使用非财政拨款结余（行次 10）');
    expect(columnName({ id: 'c4', label: '基本支出', groups: ['本年支出'], lanci: '4' })).toBe('本年支出·基本支出（栏次 4）');
    expect(describeCell({ code: '公开03表', title: '支出决算表' }, subject, { id: 'c2', label: '基本支出' })).toBe(
      '公开03表 支出决算表，行“2010301 行政运行”，列“基本支出”',
    );
  });
});
