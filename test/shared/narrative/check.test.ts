import { beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../../shared/pack/model';
import type { NarrativeTemplate } from '../../../shared/narrative/template';
import { checkNarrative } from '../../../shared/narrative/check';
import { build, FULL_TEXTS, loadFixturePack, paragraph } from './narrativeFixture';

let pack: Pack;
let template: NarrativeTemplate;

beforeAll(async () => {
  ({ pack, template } = await loadFixturePack());
});

describe('N-checks on hand-edited paragraphs', () => {
  it('an edit that keeps every figure and word passes, even when reworded around them', () => {
    const doc = build(pack, template);
    const text = paragraph(doc, 'income').replace('主要原因分析：人员经费增加', '主要是新增编制人员工资');
    expect(checkNarrative(doc, { income: text }).filter((r) => r.paragraphId === 'income')).toEqual([]);
  });

  it('catches a changed amount and names both figures and the cells behind it (N-1)', () => {
    const doc = build(pack, template);
    const text = paragraph(doc, 'income').replace('收入合计6442713.85元', '收入合计6442700.00元');
    const results = checkNarrative(doc, { income: text });
    expect(results).toContainEqual({
      id: 'N-1',
      level: '提示',
      message: '情况说明“收入决算情况说明”：“6442700.00元”与报表不符，应为“6442713.85元”',
      paragraphId: 'income',
      cells: ['T01:ISUM:c1'],
    });
  });

  it('catches a changed percentage in a 类 line (N-3), thousands separators are not a change', () => {
    const doc = build(pack, template);
    const text = paragraph(doc, 'gpbItem.201').replace('85.37%', '85.73%').replace('5500000.00元', '5,500,000.00元');
    const results = checkNarrative(doc, { 'gpbItem.201': text }).filter((r) => r.paragraphId === 'gpbItem.201');
    expect(results.map((r) => r.message)).toEqual(['情况说明“一般公共预算财政拨款支出决算具体情况”：“85.73%”与报表不符，应为“85.37%”']);
    expect(results[0]?.id).toBe('N-3');
  });

  it('catches a wrong 增/减 word and a doubled one (S001 printed 增加减少)', () => {
    const doc = build(pack, template);
    const wrong = paragraph(doc, 'opex').replace('与上年对比减少', '与上年对比增加');
    expect(checkNarrative(doc, { opex: wrong }).map((r) => r.message)).toContain('情况说明“机关运行经费”：写为“增加”，按报表应为“减少”');
    const doubled = paragraph(doc, 'income').replace('与上年对比增加', '与上年对比增加减少');
    expect(checkNarrative(doc, { income: doubled }).map((r) => r.message)).toContain('情况说明“收入决算情况说明”：“增加减少”用词重复，按报表应为“增加”');
  });

  it('when the tables change after the edit, the old figures in the edit are reported', () => {
    const before = build(pack, template);
    const edited = paragraph(before, 'sgYoy');
    const after = build(pack, template, { texts: { ...FULL_TEXTS, 'prev.T09.SG.c2': '50000' } });
    const messages = checkNarrative(after, { sgYoy: edited }).map((r) => r.message);
    expect(messages).toContain('情况说明““三公”经费财政拨款支出决算总体情况说明”：写为“减少”，按报表应为“增加”');
    expect(messages.some((m) => m.includes('应为“9000.50元”'))).toBe(true);
  });

  it('N-9: an amount in 万元 inside a document in 元', () => {
    const doc = build(pack, template);
    const text = `${paragraph(doc, 'project')}另有专项资金0万元未使用。`;
    const results = checkNarrative(doc, { project: text }).filter((r) => r.paragraphId === 'project');
    expect(results.map((r) => [r.id, r.message])).toEqual([['N-9', '情况说明“项目支出情况”：“0万元”的单位与本文件金额单位（元）不一致']]);
  });
});

describe('N-checks on the generated document', () => {
  it('N-8: a change without its reason; N-0: an empty form value', () => {
    const texts = { ...FULL_TEXTS };
    delete texts['narrative.incomeReason'];
    const results = checkNarrative(build(pack, template, { texts }), {});
    expect(results).toContainEqual(expect.objectContaining({ id: 'N-8', message: '情况说明“收入决算情况说明”：数字有增减或与预算不同，需填写“收入增减主要原因”' }));
    expect(results).toContainEqual(expect.objectContaining({ id: 'N-0', message: '情况说明“部门人员和车辆的编制及实有情况”：尚未填写“年末实有人员编制”' }));
    expect(results.some((r) => r.message.includes('因公出国（境）费主要用途'))).toBe(false);
  });

  it('N-7: shares that do not add up to 100.00% within 0.01% per item', () => {
    const doc = build(pack, template);
    expect(checkNarrative(doc, {}).some((r) => r.id === 'N-7')).toBe(false);
    const skewed = { ...doc, shareGroups: [{ id: 'gpbItem', label: '一般公共预算财政拨款支出各类占比', shares: ['85.37', '14.60'] }] };
    expect(checkNarrative(skewed, {}).filter((r) => r.id === 'N-7').map((r) => r.message)).toEqual([
      '情况说明：一般公共预算财政拨款支出各类占比合计为99.97%，与100.00%相差超过0.02%',
    ]);
  });
});
