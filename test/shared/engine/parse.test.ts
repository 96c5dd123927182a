import { describe, expect, it } from 'vitest';
import { collectRefs } from '../../../shared/engine/ast';
import { FormulaSyntaxError, parseExpression, parseFormula } from '../../../shared/engine/parse';

describe('parseFormula', () => {
  it('reads a cell assignment with a three-part and a two-part reference', () => {
    const f = parseFormula('T01.I04 = T02.TOTAL.c3');
    expect(f.op).toBe('=');
    expect(f.left).toEqual({ type: 'cell', table: 'T01', row: 'I04', col: null, pos: 0 });
    expect(f.right).toEqual({ type: 'cell', table: 'T02', row: 'TOTAL', col: 'c3', pos: 10 });
  });

  it('reads 科目编码 rows made of digits as rows, not numbers', () => {
    const f = parseFormula('T03.2010301.c1 = T03.2010301.c2 + 5');
    expect(f.left).toMatchObject({ type: 'cell', row: '2010301', col: 'c1' });
    expect(f.right).toMatchObject({
      type: 'binary',
      op: '+',
      left: { type: 'cell', row: '2010301', col: 'c2' },
      right: { type: 'num', value: 5 },
    });
  });

  it('reads row sets, SUM, minus, parentheses and left-associative subtraction', () => {
    const f = parseFormula('T01[类].c2 = SUM(T03[项].c1) - (T03[*].c2 - -3) - T05[款].c4');
    expect(f.left).toEqual({ type: 'set', table: 'T01', selector: '类', col: 'c2', pos: 0 });
    // ((SUM - (…)) - T05) : the outer node subtracts the last term
    expect(f.right).toMatchObject({ type: 'binary', op: '-', right: { type: 'set', selector: '款' } });
    const refs = collectRefs(f.right).map((r) => [r.ref.type, r.inAggregate]);
    expect(refs).toEqual([
      ['set', true],
      ['set', false],
      ['set', false],
    ]);
  });

  it('reads every comparison operator (audit rules use the same language)', () => {
    for (const op of ['=', '<>', '<=', '>=', '<', '>'] as const) {
      expect(parseFormula(`T01.ITOT ${op} T01.ETOT`).op).toBe(op);
    }
  });

  it('upper-cases function names and accepts several arguments', () => {
    const e = parseExpression('sum(T06.301, T06.303)');
    expect(e).toMatchObject({ type: 'call', name: 'SUM', args: [{ row: '301' }, { row: '303' }] });
  });

  it.each([
    ['T01.ISUM = ', '公式不完整'],
    ['T01.ISUM + T01.IBEG', '缺少“=”或比较运算符'],
    ['T01.ISUM = (T01.I01 + T01.I02', '缺少“)”'],
    ['T01.ISUM = T01.I01 ＋ T01.I02', '无法识别的字符“＋”'],
    ['T03[全部].c1 = T03[*].c2', '行集合“[全部]”无效'],
    ['T03[*.c1 = 1', '缺少对应的“]”'],
    ['T03[*] = 1', '“.列”'],
    ['T01. = 1', '缺少行编号'],
    ['T01.ISUM = T01.I01 T01.I02', '多余的“T01”'],
    ['T01.ISUM = 99999999999999999999', '过大'],
    ['T01.ISUM == 1', '应为数值或引用'],
  ])('refuses %s', (source, fault) => {
    let error: unknown;
    try {
      parseFormula(source);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(FormulaSyntaxError);
    expect(error instanceof Error ? error.message : '').toContain(fault);
    expect(error instanceof Error ? error.message : '').toMatch(/^第 \d+ 个字符处/);
  });

  it('points at the offending character', () => {
    try {
      parseFormula('T01.A = T01.B + )');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(FormulaSyntaxError);
      expect(err instanceof FormulaSyntaxError ? err.pos : -1).toBe(16);
    }
  });
});
