/**
 * Golden text of the sentence types issue 14 added or completed, on the real yn-2020 template: the
 * 人员经费 / 日常公用经费 and 基本 / 项目 breakdowns with 与上年对比 and their reasons, the 三公 paragraphs at
 * zero and non-zero, 类 names, the figure style options, optional fields, labels of «…», the list of
 * unfilled «…», and the N-checks over every figure of every checked paragraph.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../../shared/pack/model';
import type { NarrativeTemplate } from '../../../shared/narrative/template';
import { checkNarrative } from '../../../shared/narrative/check';
import type { Block, NarrativeDoc } from '../../../shared/narrative/document';
import { narrativeText } from '../../../shared/narrative/edits';
import { className } from '../../../shared/narrative/format';
import { unfilledPlaceholders } from '../../../shared/narrative/unfilled';
import { unlabelledFigures, validateTemplate } from '../../../shared/narrative/validateTemplate';
import { build, FULL_INPUTS, FULL_TEXTS, loadFixturePack, paragraph, templateFile } from './narrativeFixture';

let pack: Pack;
let template: NarrativeTemplate;
let json: unknown;
const U = '某某县政务服务管理局';

beforeAll(async () => {
  ({ pack, template, json } = await loadFixturePack());
});

function withoutPrev(texts: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(texts).filter(([k]) => !k.startsWith('prev.')));
}

const BASIC_HEAD = `2020年度用于保障${U}正常运转的日常支出4942713.85元。`;
const PERSONNEL = '包括基本工资、津贴补贴等人员经费支出4442713.85元，占基本支出的89.88%';
const PUBLIC = '办公费、印刷费、水电费、办公设备购置等日常公用经费500000.00元，占基本支出的10.12%';

describe('基本支出: 人员经费 and 日常公用经费 against last year, each with its reason', () => {
  it('an increase and a decrease: 增加/增长 and 减少/下降, a reason asked for each', () => {
    const texts = { ...FULL_TEXTS, 'prev.T06.PSUM.c1': '4000000', 'prev.T06.GSUM.c1': '600000', 'narrative.personnelReason': '新增编制人员' };
    expect(paragraph(build(pack, template, { texts }), 'basic')).toBe(
      `${BASIC_HEAD}与上年持平。${PERSONNEL}，与上年对比增加442713.85元，增长11.07%，主要原因分析：新增编制人员。${PUBLIC}，与上年对比减少100000.00元，下降16.67%，主要原因分析：«日常公用经费增减主要原因»。`,
    );
  });

  it('equal to last year: 与上年持平 and no reason asked', () => {
    const texts = { ...FULL_TEXTS, 'prev.T06.PSUM.c1': '4442713.85', 'prev.T06.GSUM.c1': '500000' };
    const doc = build(pack, template, { texts });
    expect(paragraph(doc, 'basic')).toBe(`${BASIC_HEAD}与上年持平。${PERSONNEL}，与上年持平。${PUBLIC}，与上年持平。`);
    expect(checkNarrative(doc, {}).filter((r) => r.paragraphId === 'basic')).toEqual([]);
  });

  it('a first year without 上年数: the shares only, no comparison invented', () => {
    const doc = build(pack, template, { texts: withoutPrev(FULL_TEXTS) });
    expect(paragraph(doc, 'basic')).toBe(`${BASIC_HEAD}无上年可比数据。${PERSONNEL}。${PUBLIC}。`);
  });

  it('compares with last year’s 基本支出, not last year’s total', () => {
    const texts = { ...FULL_TEXTS, 'prev.T03.TOTAL.c1': '6000000', 'prev.T03.TOTAL.c2': '4000000' };
    expect(paragraph(build(pack, template, { texts }), 'basic')).toMatch(
      new RegExp(`^${BASIC_HEAD}与上年对比增加942713\\.85元，增长23\\.57%，主要原因分析：新增人员。`),
    );
  });

  it('zero 基本支出: no breakdown, and a fall to zero is 减少 100.00%', () => {
    const doc = build(pack, template, { rows: {}, inputs: {}, texts: { 'prev.T03.TOTAL.c2': '100' } });
    expect(paragraph(doc, 'basic')).toBe(`2020年度用于保障${U}正常运转的日常支出0.00元。与上年对比减少100.00元，下降100.00%，主要原因分析：«基本支出增减主要原因»。`);
  });
});

const GPB_HEAD = `${U}2020年度一般公共预算财政拨款支出6442713.85元，占本年支出合计的100.00%。`;

describe('一般公共预算财政拨款: 基本支出 and 项目支出 against last year, each with its reason', () => {
  it('an increase and a decrease', () => {
    const texts = {
      ...FULL_TEXTS,
      'prev.T05.TOTAL.c3': '6057286.15',
      'prev.T05.TOTAL.c4': '4500000',
      'prev.T05.TOTAL.c5': '1557286.15',
      'narrative.gpbBasicReason': '人员增加',
    };
    expect(paragraph(build(pack, template, { texts }), 'gpb')).toBe(
      `${GPB_HEAD}与上年对比增加385427.70元，增长6.36%，主要原因分析：人员经费增加。其中：基本支出4942713.85元，占一般公共预算财政拨款支出的76.72%，与上年对比增加442713.85元，增长9.84%，主要原因分析：人员增加；项目支出1500000.00元，占一般公共预算财政拨款支出的23.28%，与上年对比减少57286.15元，下降3.68%，主要原因分析：«一般公共预算财政拨款项目支出增减主要原因»。`,
    );
  });

  it('equal: 与上年持平 without reasons', () => {
    const texts = { ...FULL_TEXTS, 'prev.T05.TOTAL.c4': '4942713.85', 'prev.T05.TOTAL.c5': '1500000' };
    expect(paragraph(build(pack, template, { texts }), 'gpb')).toBe(
      `${GPB_HEAD}与上年持平。其中：基本支出4942713.85元，占一般公共预算财政拨款支出的76.72%，与上年持平；项目支出1500000.00元，占一般公共预算财政拨款支出的23.28%，与上年持平。`,
    );
  });

  it('a first year: amounts and shares, no comparison', () => {
    expect(paragraph(build(pack, template, { texts: withoutPrev(FULL_TEXTS) }), 'gpb')).toBe(
      `${GPB_HEAD}无上年可比数据。其中：基本支出4942713.85元，占一般公共预算财政拨款支出的76.72%；项目支出1500000.00元，占一般公共预算财政拨款支出的23.28%。`,
    );
  });

  it('zero: no breakdown of nothing', () => {
    expect(paragraph(build(pack, template, { rows: {}, inputs: {}, texts: {} }), 'gpb')).toBe(`${U}2020年度一般公共预算财政拨款支出0.00元。无上年可比数据。`);
  });
});

describe('三公 paragraphs complete at zero and non-zero', () => {
  const zeroSg = Object.fromEntries(Object.entries(FULL_INPUTS).filter(([k]) => !k.startsWith('T09:')));

  it('zero amounts: 预算数 and 决算数 of the total and each item, “未发生支出” instead of a rate against 0', () => {
    const doc = build(pack, template, { inputs: zeroSg, texts: withoutPrev(FULL_TEXTS) });
    expect(paragraph(doc, 'sgTotal')).toBe(
      `${U}2020年度一般公共预算财政拨款“三公”经费支出预算为0.00元，支出决算为0.00元，未发生支出。其中：因公出国（境）费支出预算为0.00元，支出决算为0.00元，未发生支出；公务用车购置及运行维护费支出预算为0.00元，支出决算为0.00元，未发生支出；公务接待费支出预算为0.00元，支出决算为0.00元，未发生支出。`,
    );
    expect(paragraph(doc, 'sgYoy')).toBe('2020年度一般公共预算财政拨款“三公”经费支出决算无上年可比数据。');
    expect(paragraph(doc, 'sgShares')).toBe('2020年度一般公共预算财政拨款“三公”经费支出决算中，因公出国（境）费支出决算0.00元；公务用车购置及运行维护费支出决算0.00元；公务接待费支出决算0.00元。');
    expect(paragraph(doc, 'sgAbroad')).toBe('1.因公出国（境）费支出0.00元，共安排因公出国（境）团组0个，累计0人次。');
    expect(paragraph(doc, 'sgCar')).toBe('2.公务用车购置及运行维护费支出0.00元。其中：公务用车购置支出0.00元，购置车辆0辆。公务用车运行维护支出0.00元，开支一般公共预算财政拨款的公务用车保有量为0辆。');
    expect(paragraph(doc, 'sgReception')).toBe(
      '3.公务接待费支出0.00元。其中：国内接待费支出0.00元（其中：外事接待费支出0.00元），共安排国内公务接待0批次（其中：外事接待0批次），接待人次0人（其中：外事接待人次0人）。国（境）外接待费支出0.00元，共安排国（境）外公务接待0批次，接待人次0人。',
    );
    expect(narrativeText(doc)).not.toContain('无“三公”经费');
  });

  it('non-zero with every count, 国(境)外 reception included, and a 决算 without 预算', () => {
    const inputs = {
      ...FULL_INPUTS,
      'T09:SGCARBUY:c2': 18_000_000,
      'T09:NCARBUY:c2': 1,
      'T09:SGRECABR:c1': 0,
      'T09:SGRECABR:c2': 300_000,
      'T09:NABRBAT:c2': 1,
      'T09:NABRRPER:c2': 5,
    };
    const doc = build(pack, template, { inputs });
    expect(paragraph(doc, 'sgCar')).toBe(
      '2.公务用车购置及运行维护费支出216000.50元。其中：公务用车购置支出180000.00元，购置车辆1辆。公务用车运行维护支出36000.50元，开支一般公共预算财政拨款的公务用车保有量为2辆。',
    );
    expect(paragraph(doc, 'sgReception')).toBe(
      '3.公务接待费支出11000.00元。其中：国内接待费支出8000.00元（其中：外事接待费支出1000.00元），共安排国内公务接待12批次（其中：外事接待1批次），接待人次85人（其中：外事接待人次4人）。国（境）外接待费支出3000.00元，共安排国（境）外公务接待1批次，接待人次5人。',
    );
    expect(paragraph(doc, 'sgTotal')).toContain('公务接待费支出预算为10000.00元，支出决算为11000.00元，完成预算的110.00%。');
    expect(paragraph(doc, 'sgTotal')).toContain('决算数大于预算数的主要原因：厉行节约。');
    const noBudget = build(pack, template, { inputs: { ...inputs, 'T09:SGABR:c1': 0 } });
    expect(paragraph(noBudget, 'sgTotal')).toContain('因公出国（境）费支出预算为0.00元，支出决算为15000.00元，年初未安排预算；');
  });

  it('item by item against last year: 增加, 减少 and 持平 in one paragraph, the reason asked once', () => {
    const texts = { ...FULL_TEXTS, 'prev.T09.SG.c2': '50000', 'prev.T09.SGABR.c2': '10000', 'prev.T09.SGCAR.c2': '36000.50', 'prev.T09.SGREC.c2': '3999.50' };
    expect(paragraph(build(pack, template, { texts }), 'sgYoy')).toBe(
      '2020年度一般公共预算财政拨款“三公”经费支出决算比2019年增加9000.50元，增长18.00%。其中：因公出国（境）费支出决算比2019年增加5000.00元，增长50.00%；公务用车购置及运行维护费支出决算与2019年持平；公务接待费支出决算比2019年增加4000.50元，增长100.03%。主要原因：严控公务出行。',
    );
  });

  it('all equal to last year: 持平 throughout and no reason asked', () => {
    const texts: Record<string, string> = { ...FULL_TEXTS, 'prev.T09.SG.c2': '59000.50', 'prev.T09.SGABR.c2': '15000', 'prev.T09.SGCAR.c2': '36000.50', 'prev.T09.SGREC.c2': '8000' };
    delete texts['narrative.sgYoyReason'];
    const doc = build(pack, template, { texts });
    expect(paragraph(doc, 'sgYoy')).toBe(
      '2020年度一般公共预算财政拨款“三公”经费支出决算与2019年持平。其中：因公出国（境）费支出决算与2019年持平；公务用车购置及运行维护费支出决算与2019年持平；公务接待费支出决算与2019年持平。',
    );
    expect(checkNarrative(doc, {}).filter((r) => r.paragraphId === 'sgYoy')).toEqual([]);
  });

  it('the total unchanged while items moved: the reason is still asked', () => {
    const texts: Record<string, string> = { ...FULL_TEXTS, 'prev.T09.SG.c2': '59000.50', 'prev.T09.SGABR.c2': '20000', 'prev.T09.SGCAR.c2': '31000.50', 'prev.T09.SGREC.c2': '8000' };
    delete texts['narrative.sgYoyReason'];
    expect(paragraph(build(pack, template, { texts }), 'sgYoy')).toMatch(/与2019年持平。其中：因公出国（境）费支出决算比2019年减少5000\.00元，下降25\.00%；.*主要原因：«“三公”经费增减主要原因»。$/);
  });
});

describe('类 names, figure style, optional fields, labels', () => {
  it('each 类 is named as the catalogue names it, with (类)', () => {
    expect(className('一般公共服务支出')).toBe('一般公共服务(类)支出');
    expect(className('抗疫特别国债安排的支出')).toBe('抗疫特别国债安排的支出(类)');
    expect(className('预备费')).toBe('预备费(类)');
    const doc = build(pack, template);
    const lines = doc.blocks.filter((b) => b.id.startsWith('gpbItem.')).map((b) => b.runs.map((r) => r.text).join(''));
    expect(lines.find((l) => l.startsWith('26.'))).toBe('26.抗疫特别国债安排的支出(类)0.00元，占一般公共预算财政拨款总支出的0.00%。');
    expect(lines.join('')).not.toMatch(/的\(类\)/);
  });

  it('100% or 100.00%, 0元 or 0.00元, thousands separators or not — in 元 and 万元', () => {
    const style = { percent: 'trim', zero: 'bare', grouping: true } as const;
    const doc = build(pack, template, { options: { style } });
    expect(paragraph(doc, 'income')).toBe(
      `${U}2020年度收入合计6,442,713.85元。其中：财政拨款收入6,442,713.85元，占总收入的100%；上级补助收入0元，占总收入的0%；事业收入0元，占总收入的0%；经营收入0元，占总收入的0%；附属单位缴款收入0元，占总收入的0%；其他收入0元，占总收入的0%。与上年对比增加442,713.85元，增长7.38%，主要原因分析：人员经费增加。`,
    );
    expect(paragraph(doc, 'sgTotal')).toContain('完成预算的84.29%');
    expect(paragraph(build(pack, template, { options: { unit: '万元', style } }), 'expense')).toContain('上缴上级支出、经营支出、对附属单位补助支出共0万元，占总支出的0%');
    // A rewrite in the other style is not a mismatch: 100.00% is 100%, 6442713.85 is 6,442,713.85.
    const rewritten = paragraph(doc, 'income').replace('占总收入的100%', '占总收入的100.00%').replace('收入合计6,442,713.85元', '收入合计6442713.85元');
    expect(checkNarrative(doc, { income: rewritten }).filter((r) => r.paragraphId === 'income')).toEqual([]);
  });

  it('an optional field left empty drops its clause; filled, it is printed', () => {
    expect(paragraph(build(pack, template), 'sgAbroad')).not.toContain('«');
    const texts = { ...FULL_TEXTS, 'narrative.sgAbroadUse': '主要用于赴老挝考察营商环境。' };
    expect(paragraph(build(pack, template, { texts }), 'sgAbroad')).toBe('1.因公出国（境）费支出15000.00元，共安排因公出国（境）团组1个，累计3人次。主要用于赴老挝考察营商环境。');
  });

  it('every «…» carries its own label: the 政府采购 总额 and the 中小企业 share are named for what they are', () => {
    const doc = build(pack, template, { texts: { 'purchase.goods': '100' } });
    expect(paragraph(doc, 'purchase')).toBe(
      `2020年度，${U}政府采购支出总额«政府采购支出总额»，其中：政府采购货物支出100.00元；政府采购工程支出«政府采购工程支出»；政府采购服务支出«政府采购服务支出»。授予中小企业合同金额«授予中小企业合同金额»，占政府采购支出总额的«授予中小企业合同金额占比»。`,
    );
  });

  it('every figure of the pack built from several form values has a name of its own; one without is named by all its terms', () => {
    expect(unlabelledFigures(template)).toEqual([]);
    const unnamed = JSON.parse(JSON.stringify(json)) as { blocks: { id?: string; parts?: unknown[] }[] };
    unnamed.blocks.find((b) => b.id === 'purchase')?.parts?.push('另计{amt in(purchase.goods) + in(purchase.works)}。');
    const loaded = validateTemplate(unnamed, templateFile, pack);
    expect(unlabelledFigures(loaded)).toEqual(['in(purchase.goods) + in(purchase.works)']);
    const doc = build(pack, loaded, { texts: { 'purchase.goods': '100' } });
    expect(paragraph(doc, 'purchase')).toMatch(/另计«政府采购货物支出＋政府采购工程支出»。$/);
  });
});

describe('unfilled «…» and the N-checks of the new sentences', () => {
  it('lists every «…» with its place and key; none once filled; «…» left in a rewrite counts', () => {
    const empty = build(pack, template, { rows: {}, inputs: {}, texts: {} });
    const list = unfilledPlaceholders(empty);
    expect(list).toContainEqual({ paragraphId: 'duties', place: '（一）主要职能', label: '主要职能', key: 'narrative.mainDuties' });
    expect(list).toContainEqual({ paragraphId: 'purchase', place: '三、政府采购支出情况', label: '政府采购支出总额', key: 'purchase.goods' });
    expect(list.filter((u) => u.label === '政府采购货物支出')).toHaveLength(1);
    expect(list.some((u) => /主要用途|补充说明|按单位说明/.test(u.label))).toBe(false);
    expect(list.length).toBe(narrativeText(empty).match(/«[^»]*»/g)?.length);

    const doc = build(pack, template);
    const filledKeys = Object.fromEntries(unfilledPlaceholders(doc).flatMap((u) => (u.key ? [[u.key, u.key.startsWith('narrative.') ? '说明' : '1']] : [])));
    const complete = build(pack, template, { texts: { ...FULL_TEXTS, ...filledKeys } });
    expect(unfilledPlaceholders(complete)).toEqual([]);
    expect(unfilledPlaceholders(complete, { other: '本单位«待补充»。' })).toEqual([{ paragraphId: 'other', place: '五、其他重要事项情况说明', label: '待补充' }]);
  });

  it('every figure and 增减 word of every checked paragraph, changed in a rewrite, is reported under its check', () => {
    const texts = {
      ...FULL_TEXTS,
      'prev.T06.PSUM.c1': '4000000',
      'prev.T06.GSUM.c1': '600000',
      'prev.T05.TOTAL.c4': '4500000',
      'prev.T05.TOTAL.c5': '1557286.15',
    };
    const doc: NarrativeDoc = build(pack, template, { texts });
    const checked = doc.blocks.filter((b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph' && b.check !== undefined);
    let figures = 0;
    const missed: string[] = [];
    for (const block of checked) {
      block.runs.forEach((run, i) => {
        if (run.kind !== 'number' && run.kind !== 'word') return;
        const changed = run.kind === 'number' ? run.text.replace(/\d/, (d) => String((Number(d) + 1) % 10)) : (run.alternatives ?? []).find((w) => w !== run.text) ?? '';
        const edited = block.runs.map((r, j) => (j === i ? changed : r.text)).join('');
        figures += 1;
        const found = checkNarrative(doc, { [block.id]: edited }).filter((r) => r.paragraphId === block.id && r.id === block.check);
        if (found.length === 0) missed.push(`${block.id}: ${run.text} → ${changed}`);
      });
    }
    expect(missed).toEqual([]);
    expect(figures).toBeGreaterThan(150);
  });

  it('N-9: a reason with 元 amounts in a 万元 document, and 万元 in a 元 document, is a 提示', () => {
    const texts = { ...FULL_TEXTS, 'narrative.incomeReason': '追加办公设备采购经费12000元' };
    const wan = checkNarrative(build(pack, template, { texts, options: { unit: '万元' } }), {});
    expect(wan).toContainEqual({
      id: 'N-9',
      level: '提示',
      message: '情况说明“收入决算情况说明”：“12000元”的单位与本文件金额单位（万元）不一致',
      paragraphId: 'income',
      cells: [],
    });
    expect(checkNarrative(build(pack, template, { texts }), {}).some((r) => r.id === 'N-9')).toBe(false);
    const yuan = checkNarrative(build(pack, template, { texts: { ...FULL_TEXTS, 'narrative.personnelReason': '增加1.2万元', 'prev.T06.PSUM.c1': '1' } }), {});
    expect(yuan.filter((r) => r.id === 'N-9').map((r) => r.message)).toEqual(['情况说明“基本支出情况”：“1.2万元”的单位与本文件金额单位（元）不一致']);
  });
});
