import { beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../../shared/pack/model';
import { PackError } from '../../../shared/pack/errors';
import { parseExpr, evaluate, ExprError, type EvalScope } from '../../../shared/narrative/expr';
import { validateTemplate } from '../../../shared/narrative/validateTemplate';
import { loadFixturePack } from './narrativeFixture';

let pack: Pack;
let json: unknown;

beforeAll(async () => {
  ({ pack, json } = await loadFixturePack());
});

function withFirstParagraph(text: string): unknown {
  const copy = structuredClone(json);
  if (typeof copy === 'object' && copy !== null && 'blocks' in copy && Array.isArray(copy.blocks)) {
    copy.blocks.unshift({ type: 'paragraph', id: 'probe', parts: [text] });
  }
  return copy;
}

describe('the template is checked when loaded', () => {
  it('the yn-2020 template is valid', () => {
    expect(validateTemplate(json, 'template.json', pack).blocks.length).toBeGreaterThan(50);
  });

  it.each([
    ['{amt T01.ISUM.c9}', '表 T01 没有列 c9'],
    ['{amt T99.ISUM.c1}', '表 T99 不存在'],
    ['{field narrative.nothing}', '“narrative.nothing”未在表单中定义'],
    ['{yoy:nope T01.ISUM.c1}', '句式“nope”未在 phrases 中定义'],
    ['{pct T01.ISUM.c1}', '应写成“分子 / 分母”'],
    ['{amt T01.ISUM.c1 +}', '不完整'],
    ['收入{amt T01.ISUM.c1', '不成对的花括号'],
    ['{bogus x}', '未知的占位符 {bogus}'],
  ])('%s is refused naming the file and the block', (text, fault) => {
    const act = (): unknown => validateTemplate(withFirstParagraph(text), 'narrative/template.json', pack);
    expect(act).toThrow(PackError);
    expect(act).toThrow(/情况说明模板“narrative\/template\.json”第 1 段（probe）/);
    expect(act).toThrow(fault);
  });

  it('a wrong shape is refused with its path', () => {
    expect(() => validateTemplate({ id: 'x' }, 'template.json', pack)).toThrow(/情况说明模板“template\.json”格式有误/);
  });
});

describe('expressions', () => {
  const scope: EvalScope = {
    cell: (_t, r) => (r === 'A' ? 5 : r === 'B' ? 3 : 0),
    prevCell: (_t, r) => (r === 'A' ? 5 : null),
    input: () => null,
    filled: () => false,
    option: () => false,
    row: 'B',
  };
  it('unknown last-year figures make comparisons false and sums unknown', () => {
    expect(evaluate(parseExpr('changed(T01.A.c1)'), scope)).toBe(0);
    expect(evaluate(parseExpr('changed(T01.$.c1)'), scope)).toBe(0);
    expect(evaluate(parseExpr('hasPrev(T01.$.c1)'), scope)).toBe(0);
    expect(evaluate(parseExpr('prev(T01.A.c1 + T01.B.c1)'), scope)).toBeNull();
    expect(evaluate(parseExpr('T01.A.c1 - T01.$.c1 = 2 and not T01.B.c1 > 3'), scope)).toBe(1);
    expect(evaluate(parseExpr('in(x.y) = 0 or abs(0 - T01.A.c1) >= 5'), scope)).toBe(1);
  });
  it('a bad expression says where', () => {
    expect(() => parseExpr('T01.A.c1 ? 2')).toThrow(ExprError);
    expect(() => parseExpr('T01.A')).toThrow('须写明列');
    expect(() => parseExpr('T01[*].c1 > 0')).toThrow('不能用在情况说明中');
    expect(() => parseExpr('NOSUCH(T01.A.c1)')).toThrow('未定义');
  });
});
