import { beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../../shared/pack/model';
import type { NarrativeTemplate } from '../../../shared/narrative/template';
import { narrativeText } from '../../../shared/narrative/edits';
import { prevCellsNeeded } from '../../../shared/narrative/lastYear';
import { ReportEngine } from '../../../shared/engine/reportEngine';
import { build, FULL_INPUTS, FULL_ROWS, FULL_TEXTS, loadFixturePack, paragraph } from './narrativeFixture';

let pack: Pack;
let template: NarrativeTemplate;
const U = '某某县政务服务管理局';

beforeAll(async () => {
  ({ pack, template } = await loadFixturePack());
});

function withoutPrev(texts: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(texts).filter(([k]) => !k.startsWith('prev.')));
}

describe('golden text of a complete report (元, every 类 listed)', () => {
  it('收入 with shares, increase, 增长 and the clerk’s reason', () => {
    expect(paragraph(build(pack, template), 'income')).toBe(
      `${U}2020年度收入合计6442713.85元。其中：财政拨款收入6442713.85元，占总收入的100.00%；上级补助收入0.00元，占总收入的0.00%；事业收入0.00元，占总收入的0.00%；经营收入0.00元，占总收入的0.00%；附属单位缴款收入0.00元，占总收入的0.00%；其他收入0.00元，占总收入的0.00%。与上年对比增加442713.85元，增长7.38%，主要原因分析：人员经费增加。`,
    );
  });

  it('支出, 基本支出 (持平, no reason asked) with 人员/公用 shares, 项目支出', () => {
    const doc = build(pack, template);
    expect(paragraph(doc, 'expense')).toBe(
      `${U}2020年度支出合计6442713.85元。其中：基本支出4942713.85元，占总支出的76.72%；项目支出1500000.00元，占总支出的23.28%；上缴上级支出、经营支出、对附属单位补助支出共0.00元，占总支出的0.00%。与上年对比增加442713.85元，增长7.38%，主要原因分析：人员经费增加。`,
    );
    expect(paragraph(doc, 'basic')).toBe(
      `2020年度用于保障${U}正常运转的日常支出4942713.85元。与上年持平。包括基本工资、津贴补贴等人员经费支出4442713.85元，占基本支出的89.88%。办公费、印刷费、水电费、办公设备购置等日常公用经费500000.00元，占基本支出的10.12%。`,
    );
    expect(paragraph(doc, 'project')).toBe(
      `2020年度用于保障${U}为完成特定的行政工作任务或事业发展目标，用于专项业务工作的经费支出1500000.00元。与上年持平。`,
    );
  });

  it('一般公共预算: total, all 26 类 lines in T01 order with zero lines, shares adding to 100.00%', () => {
    const doc = build(pack, template);
    expect(paragraph(doc, 'gpb')).toBe(
      `${U}2020年度一般公共预算财政拨款支出6442713.85元，占本年支出合计的100.00%。与上年持平。其中：基本支出4942713.85元，占一般公共预算财政拨款支出的76.72%；项目支出1500000.00元，占一般公共预算财政拨款支出的23.28%。`,
    );
    expect(paragraph(doc, 'gpbItem.234')).toBe('26.抗疫特别国债安排的支出(类)0.00元，占一般公共预算财政拨款总支出的0.00%。');
    const items = doc.blocks.filter((b) => b.type === 'paragraph' && b.id.startsWith('gpbItem.'));
    expect(items).toHaveLength(26);
    expect(paragraph(doc, 'gpbItem.201')).toBe(
      '1.一般公共服务(类)支出5500000.00元，占一般公共预算财政拨款总支出的85.37%。主要用于基本支出4000000.00元，项目支出1500000.00元。',
    );
    expect(paragraph(doc, 'gpbItem.203')).toBe('3.国防(类)支出0.00元，占一般公共预算财政拨款总支出的0.00%。');
    expect(paragraph(doc, 'gpbItem.208')).toBe(
      '8.社会保障和就业(类)支出942713.85元，占一般公共预算财政拨款总支出的14.63%。主要用于基本支出942713.85元，项目支出0.00元。',
    );
    const group = doc.shareGroups.find((g) => g.id === 'gpbItem');
    expect(group?.shares.reduce((s, p) => s + Math.round(Number(p) * 100), 0)).toBe(10_000);
  });

  it('三公: budget completion, 小于 with its reason, year-on-year per item (下降, 持平), shares, counts', () => {
    const doc = build(pack, template);
    expect(paragraph(doc, 'sgTotal')).toBe(
      `${U}2020年度一般公共预算财政拨款“三公”经费支出预算为70000.00元，支出决算为59000.50元，完成预算的84.29%。其中：因公出国（境）费支出预算为20000.00元，支出决算为15000.00元，完成预算的75.00%；公务用车购置及运行维护费支出预算为40000.00元，支出决算为36000.50元，完成预算的90.00%；公务接待费支出预算为10000.00元，支出决算为8000.00元，完成预算的80.00%。2020年度一般公共预算财政拨款“三公”经费支出决算数小于预算数的主要原因：厉行节约。`,
    );
    expect(paragraph(doc, 'sgYoy')).toBe(
      '2020年度一般公共预算财政拨款“三公”经费支出决算比2019年减少10999.50元，下降15.71%。其中：因公出国（境）费支出决算与2019年持平；公务用车购置及运行维护费支出决算比2019年减少3999.50元，下降10.00%；公务接待费支出决算比2019年减少7000.00元，下降46.67%。主要原因：严控公务出行。',
    );
    expect(paragraph(doc, 'sgShares')).toBe(
      '2020年度一般公共预算财政拨款“三公”经费支出决算中，因公出国（境）费支出决算15000.00元，占25.42%；公务用车购置及运行维护费支出决算36000.50元，占61.02%；公务接待费支出决算8000.00元，占13.56%。',
    );
    expect(paragraph(doc, 'sgAbroad')).toBe('1.因公出国（境）费支出15000.00元，共安排因公出国（境）团组1个，累计3人次。');
    expect(paragraph(doc, 'sgReception')).toContain('共安排国内公务接待12批次（其中：外事接待1批次），接待人次85人（其中：外事接待人次4人）');
  });

  it('机关运行经费 with its change by 经济科目, 国有资产 with 增加 and 持平, 政府采购 with the 中小企业 share', () => {
    const doc = build(pack, template);
    expect(paragraph(doc, 'opex')).toBe(
      `${U}2020年机关运行经费支出500000.00元，与上年对比减少20000.00元，下降3.85%，主要原因分析：（一）办公费减少20000.00元。`,
    );
    expect(paragraph(doc, 'opexUse')).toBe('部门机关运行经费主要用于：（一）办公费300000.00元；（二）差旅费150000.00元；（三）办公设备购置50000.00元。');
    expect(paragraph(doc, 'assets')).toContain('资产总额1550000.25元，其中，流动资产800000.00元，固定资产750000.25元');
    expect(paragraph(doc, 'assets')).toContain('与上年相比，本年资产总额增加50000.25元，其中固定资产与上年持平。');
    expect(paragraph(doc, 'purchase')).toBe(
      `2020年度，${U}政府采购支出总额200000.00元，其中：政府采购货物支出120000.00元；政府采购工程支出0.00元；政府采购服务支出80000.00元。授予中小企业合同金额150000.00元，占政府采购支出总额的75.00%。`,
    );
    expect(paragraph(doc, 'units')).toBe(
      `纳入${U}部门2020年度部门决算编报的单位共2个。其中：行政单位1个，参照公务员法管理的事业单位0个，其他事业单位1个。分别是：1.某某县政务服务管理局（本级）；2.某某县政务服务中心。`,
    );
  });

  it('the fixed parts: 第一 to 第五部分, empty-table note, 相关口径说明 and 名词解释', () => {
    const text = narrativeText(build(pack, template));
    for (const heading of ['第一部分', '第二部分', '第三部分', '第四部分', '第五部分 名词解释', '六、相关口径说明']) expect(text).toContain(heading);
    // The skeleton of spec §5.1 / §5.3, numbered as published.
    const headings = build(pack, template)
      .blocks.filter((b) => b.type === 'heading')
      .map((b) => b.runs.map((r) => r.text).join(''));
    expect(headings.filter((h) => /^第.部分/.test(h))).toEqual([
      '第一部分 某某县政务服务管理局概况',
      '第二部分 2020年度部门决算表',
      '第三部分 2020年度部门决算情况说明',
      '第四部分 其他重要事项及相关口径情况说明',
      '第五部分 名词解释',
    ]);
    const part4 = headings.slice(headings.indexOf('第四部分 其他重要事项及相关口径情况说明') + 1, headings.indexOf('第五部分 名词解释'));
    expect(part4.filter((h) => /^[一二三四五六]、/.test(h))).toEqual([
      '一、机关运行经费',
      '二、国有资产占用情况',
      '三、政府采购支出情况',
      '四、部门绩效自评情况',
      '五、其他重要事项情况说明',
      '六、相关口径说明',
    ]);
    expect(headings).toContain('（二）部门人员和车辆的编制及实有情况');
    expect(text).toContain('故《政府性基金预算财政拨款收入支出决算表》、《国有资本经营预算财政拨款收入支出决算表》无数据。');
    expect(text).toContain('九、机关运行经费：指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。');
    expect(text).toContain('本单位无其他重要事项情况说明。');
    expect(text).not.toMatch(/增加减少|减少增加|增长下降/);
  });
});

describe('options and edge cases', () => {
  it('non-zero items only: zero income sources and 类 lines drop out and the rest are renumbered', () => {
    const doc = build(pack, template, { options: { zeroItems: 'nonZero' } });
    expect(paragraph(doc, 'income')).toBe(
      `${U}2020年度收入合计6442713.85元。其中：财政拨款收入6442713.85元，占总收入的100.00%。与上年对比增加442713.85元，增长7.38%，主要原因分析：人员经费增加。`,
    );
    expect(doc.blocks.filter((b) => b.id.startsWith('gpbItem.')).map((b) => b.id)).toEqual(['gpbItem.201', 'gpbItem.208']);
    expect(paragraph(doc, 'gpbItem.208')).toMatch(/^2\.社会保障和就业\(类\)支出/);
  });

  it('a first year without 上年数: no comparison is invented and no reason is asked for', () => {
    const doc = build(pack, template, { texts: withoutPrev(FULL_TEXTS) });
    expect(paragraph(doc, 'income')).toMatch(/占总收入的0\.00%。无上年可比数据。$/);
    expect(paragraph(doc, 'opex')).toBe(`${U}2020年机关运行经费支出500000.00元，无上年可比数据。`);
    expect(paragraph(doc, 'sgYoy')).toBe('2020年度一般公共预算财政拨款“三公”经费支出决算无上年可比数据。');
    expect(paragraph(doc, 'assets')).not.toContain('与上年相比');
  });

  it('上年数 of 0: the change is stated and no growth rate is computed against zero', () => {
    const doc = build(pack, template, { texts: { ...FULL_TEXTS, 'prev.T03.TOTAL.c3': '0' } });
    expect(paragraph(doc, 'project')).toContain('与上年对比增加1500000.00元，上年数为0，无可比增长率');
  });

  it('万元: amounts with 2 decimals and 万元, shares from 分 still adding to 100.00%', () => {
    // In 万元 the lines print 1.00 + 1.00 + 2.01 = 4.01 against a total of 4.02; shares from 分 stay exact.
    const inputs = {
      'T03:2010301:c2': 1_004_900,
      'T03:2080505:c2': 1_004_900,
      'T03:2101101:c2': 2_009_800,
      'T05:2010301:c4': 1_004_900,
      'T05:2080505:c4': 1_004_900,
      'T05:2101101:c4': 2_009_800,
    };
    const rows = { T03: ['2010301', '2080505', '2101101'], T05: ['2010301', '2080505', '2101101'] };
    const doc = build(pack, template, { rows, inputs, texts: {}, options: { unit: '万元', zeroItems: 'nonZero' } });
    expect(paragraph(doc, 'gpb')).toBe(
      `${U}2020年度一般公共预算财政拨款支出4.02万元，占本年支出合计的100.00%。无上年可比数据。其中：基本支出4.02万元，占一般公共预算财政拨款支出的100.00%；项目支出0.00万元，占一般公共预算财政拨款支出的0.00%。`,
    );
    expect(paragraph(doc, 'gpbItem.201')).toBe('1.一般公共服务(类)支出1.00万元，占一般公共预算财政拨款总支出的25.00%。主要用于基本支出1.00万元，项目支出0.00万元。');
    expect(paragraph(doc, 'gpbItem.210')).toContain('卫生健康(类)支出2.01万元，占一般公共预算财政拨款总支出的50.00%');
    const shares = doc.shareGroups.find((g) => g.id === 'gpbItem')?.shares ?? [];
    expect(shares).toEqual(['25.00', '25.00', '50.00']);
    expect(paragraph(doc, 'sgTotal')).toMatch(/^.*“三公”经费支出预算为0\.00万元，支出决算为0\.00万元，未发生支出。/);
  });

  it('an empty report: nothing divided by zero, the zero sentences of S001', () => {
    const doc = build(pack, template, { rows: {}, inputs: {}, texts: {} });
    expect(paragraph(doc, 'income')).toBe(`${U}2020年度收入合计0.00元。无上年可比数据。`);
    expect(paragraph(doc, 'gpbNone')).toBe(`${U}2020年度无一般公共预算财政拨款支出。`);
    expect(paragraph(doc, 'sgAbroad')).toBe('1.因公出国（境）费支出0.00元，共安排因公出国（境）团组0个，累计0人次。');
    expect(paragraph(doc, 'purchase')).toContain('政府采购支出总额«政府采购支出总额»，其中：政府采购货物支出«政府采购货物支出»');
    expect(narrativeText(doc)).not.toContain('—');
  });

  it('the 上年数 form lists every last-year cell the template reads, with Chinese labels', () => {
    const engine = new ReportEngine(pack, { rows: FULL_ROWS, inputs: FULL_INPUTS });
    const cells = prevCellsNeeded(template, engine);
    const keys = cells.map((c) => c.textKey);
    for (const k of ['prev.T01.ISUM.c1', 'prev.T03.TOTAL.c2', 'prev.T05.TOTAL.c3', 'prev.T09.SG.c2', 'prev.T09.OPEX.c2', 'prev.T06.30201.c1', 'prev.T10.TOTAL.c1']) {
      expect(keys).toContain(k);
    }
    expect(cells.find((c) => c.textKey === 'prev.T01.ISUM.c1')?.label).toBe('收入支出决算总表 · 本年收入合计 · 金额');
    expect(new Set(keys).size).toBe(keys.length);
  });
});
