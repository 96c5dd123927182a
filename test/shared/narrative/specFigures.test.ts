/**
 * A report built on the figures of the domain spec's test fixtures (§7: SH-G's 收入 2940.05 + 6.20 = 2946.25,
 * 年初 49.14, 支出 2940.05 = 基本 2336.91 + 项目 603.14, 人员 2152.26 + 公用 184.65, 机关运行经费 184.65,
 * T04 年初 21.63; SH-B1's 三公 2.85 → 0.39; in 万元 as those documents are), with 上年数 and the clerk's
 * forms filled in. Each figure-bearing sentence form of spec §5 must come out as ONE sentence of the
 * document carrying all of its figures, in order. Expected figures and rates were worked out by hand
 * from those numbers (rates half-up to 2 decimals), not read from the program.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAmount } from '../../../shared/money/fen';
import type { Pack } from '../../../shared/pack/model';
import type { NarrativeTemplate } from '../../../shared/narrative/template';
import { checkNarrative } from '../../../shared/narrative/check';
import { narrativeText } from '../../../shared/narrative/edits';
import { unfilledPlaceholders } from '../../../shared/narrative/unfilled';
import { build, loadFixturePack } from './narrativeFixture';

let pack: Pack;
let template: NarrativeTemplate;

beforeAll(async () => {
  ({ pack, template } = await loadFixturePack());
});

/** 万元 as the spec prints it → 分. */
function wan(text: string): number {
  const r = parseAmount(text, '万元');
  if (!r.ok || r.fen === null) throw new Error(text);
  return r.fen;
}

const UNIT = '某某区财政局';

const ROWS = { T02: ['2010301'], T03: ['2010301', '2080505', '2210201'], T05: ['2010301', '2080505', '2210201'] };

const INPUTS: Record<string, number> = {
  'T04:I01:c1': wan('2940.05'),
  'T04:IBEG1:c1': wan('21.63'),
  'T02:2010301:c2': wan('2940.05'),
  'T02:2010301:c7': wan('6.20'),
  'T01:IBEG:c1': wan('49.14'),
  'T01:EEND:c2': wan('55.34'),
  'T03:2010301:c2': wan('2000.00'),
  'T03:2010301:c3': wan('603.14'),
  'T03:2080505:c2': wan('236.91'),
  'T03:2210201:c2': wan('100.00'),
  'T05:2010301:c4': wan('2000.00'),
  'T05:2010301:c5': wan('603.14'),
  'T05:2080505:c4': wan('236.91'),
  'T05:2210201:c4': wan('100.00'),
  'T06:30101:c1': wan('1000.00'),
  'T06:30102:c1': wan('800.00'),
  'T06:30108:c1': wan('352.26'),
  'T06:30201:c1': wan('50.00'),
  'T06:30211:c1': wan('34.65'),
  'T06:30213:c1': wan('100.00'),
  'T09:SGRECDOM:c1': wan('2.85'),
  'T09:SGRECDOM:c2': wan('0.39'),
  'T09:OPEX:c2': wan('184.65'),
  'T09:NDOMBAT:c2': 3,
  'T09:NDOMPER:c2': 25,
  'T10:TOTAL:c2': wan('500.00'),
  'T10:TOTAL:c4': wan('1200.00'),
  'T10:TOTAL:c5': wan('30.00'),
  'T10:TOTAL:c7': wan('86.50'),
};

/** Last year in 元 (the 上年数 form takes 元), the clerk's texts and forms. */
const TEXTS: Record<string, string> = {
  'prev.T01.ISUM.c1': '28000000',
  'prev.T03.TOTAL.c1': '30000000',
  'prev.T03.TOTAL.c2': '23000000',
  'prev.T03.TOTAL.c3': '7000000',
  'prev.T05.TOTAL.c3': '30000000',
  'prev.T05.TOTAL.c4': '23000000',
  'prev.T05.TOTAL.c5': '7000000',
  'prev.T06.PSUM.c1': '21000000',
  'prev.T06.GSUM.c1': '2369100',
  'prev.T06.30201.c1': '600000',
  'prev.T06.30211.c1': '346500',
  'prev.T06.30213.c1': '1422600',
  'prev.T09.SG.c2': '5000',
  'prev.T09.SGABR.c2': '0',
  'prev.T09.SGCAR.c2': '0',
  'prev.T09.SGREC.c2': '5000',
  'prev.T09.OPEX.c2': '2369100',
  'prev.T10.TOTAL.c1': '19000000',
  'prev.T10.TOTAL.c3': '14000000',
  'info.unitCount': '1',
  'info.unitAdmin': '1',
  'info.unitCivil': '0',
  'info.unitOther': '0',
  'info.unitNames': UNIT,
  'info.staffQuota': '45',
  'info.quotaAdmin': '40',
  'info.quotaAdminWork': '3',
  'info.quotaInst': '5',
  'info.quotaInstCivil': '2',
  'info.staffAdmin': '38',
  'info.staffAdminWork': '3',
  'info.staffInst': '4',
  'info.staffInstCivil': '2',
  'info.retired': '21',
  'info.retiredLi': '1',
  'info.retiredTui': '20',
  'info.carQuota': '2',
  'info.carActual': '1',
  'purchase.goods': '1200000',
  'purchase.works': '0',
  'purchase.services': '800000',
  'purchase.sme': '1500000',
  'asset.disposeHouseArea': '0',
  'asset.disposeHouseValue': '0',
  'asset.disposeCars': '1',
  'asset.disposeCarsValue': '120000',
  'asset.scrapItems': '12',
  'asset.scrapValue': '35000',
  'asset.disposeIncome': '8000',
  'asset.rentArea': '0',
  'asset.rentValue': '0',
  'asset.rentIncome': '0',
  'narrative.mainDuties': '负责全区财政收支管理。',
  'narrative.keyTasks': '深化预算管理制度改革。',
  'narrative.projectPerformance': '项目自评得分95分。',
  'narrative.deptPerformance': '部门整体自评得分96分。',
  'narrative.incomeReason': '其他收入增加',
  'narrative.expenseReason': '项目减少',
  'narrative.basicReason': '人员增加',
  'narrative.personnelReason': '人员增加',
  'narrative.publicReason': '压减公用经费',
  'narrative.projectReason': '项目减少',
  'narrative.gpbReason': '项目减少',
  'narrative.gpbBasicReason': '人员增加',
  'narrative.gpbProjectReason': '项目减少',
  'narrative.sgBudgetReason': '厉行节约',
  'narrative.sgYoyReason': '减少接待',
};

/**
 * Spec §5's figure-bearing sentence forms (§5.1 部门基本情况, §5.2 第三部分, §5.3 第四部分), each with the
 * figures it must carry for this report. A form the spec writes with a 原因 slot is matched up to it.
 */
const SENTENCES: { form: string; figures: string[] }[] = [
  { form: '5.1 单位共{n}个', figures: ['单位共1个'] },
  { form: '5.1 其中：行政单位{a}个，参公{b}个，其他事业单位{c}个', figures: ['行政单位1个', '参照公务员法管理的事业单位0个', '其他事业单位0个'] },
  { form: '5.1 年末实有人员编制{}人', figures: ['年末实有人员编制45人'] },
  {
    form: '5.1 其中：行政编制…事业人员…',
    figures: ['行政编制40人', '含行政工勤编制3人', '事业编制5人', '含参公管理事业编制2人', '在职在编实有行政人员38人', '含行政工勤人员3人', '事业人员4人', '含参公管理事业人员2人'],
  },
  { form: '5.1 离退休人员{}人', figures: ['离退休人员21人'] },
  { form: '5.1 其中：离休{}人，退休{}人', figures: ['离休1人', '退休20人'] },
  { form: '5.1 实有车辆编制{}辆，在编实有车辆{}辆', figures: ['实有车辆编制2辆', '在编实有车辆1辆'] },
  { form: '5.2一 收入合计{T01.ISUM}', figures: ['收入合计2946.25万元'] },
  {
    form: '5.2一 其中：各项收入及占比',
    figures: ['财政拨款收入2940.05万元，占总收入的99.79%', '上级补助收入0.00万元，占总收入的0.00%', '其他收入6.20万元，占总收入的0.21%'],
  },
  { form: '5.2一 与上年对比…主要原因分析', figures: ['与上年对比增加146.25万元，增长5.22%，主要原因分析：其他收入增加'] },
  { form: '5.2二 支出合计{T03.c1}', figures: ['支出合计2940.05万元'] },
  {
    form: '5.2二 其中：基本、项目、上缴等及占比',
    figures: ['基本支出2336.91万元，占总支出的79.49%', '项目支出603.14万元，占总支出的20.51%', '对附属单位补助支出共0.00万元，占总支出的0.00%'],
  },
  { form: '5.2二 与上年对比…主要原因分析', figures: ['与上年对比减少59.95万元，下降2.00%，主要原因分析：项目减少'] },
  { form: '5.2二(一) 日常支出{基本}', figures: ['正常运转的日常支出2336.91万元'] },
  { form: '5.2二(一) 与上年对比…主要原因分析', figures: ['与上年对比增加36.91万元，增长1.60%，主要原因分析：人员增加'] },
  { form: '5.2二(一) 人员经费支出{T06.PSUM}，占基本支出的{pct}', figures: ['人员经费支出2152.26万元，占基本支出的92.10%', '与上年对比增加52.26万元，增长2.49%'] },
  { form: '5.2二(一) 公用经费{T06.GSUM}，占基本支出的{pct}', figures: ['公用经费184.65万元，占基本支出的7.90%', '与上年对比减少52.26万元，下降22.06%'] },
  { form: '5.2二(二) 经费支出{项目}', figures: ['专项业务工作的经费支出603.14万元'] },
  { form: '5.2二(二) 与上年对比…主要原因分析', figures: ['与上年对比减少96.86万元，下降13.84%，主要原因分析：项目减少'] },
  { form: '5.2三(一) 一般公共预算财政拨款支出{T05}，占本年支出合计的{pct}', figures: ['一般公共预算财政拨款支出2940.05万元，占本年支出合计的100.00%'] },
  { form: '5.2三(一) 与上年对比…主要原因分析', figures: ['与上年对比减少59.95万元，下降2.00%，主要原因分析：项目减少'] },
  { form: '5.2三(二) 类 201', figures: ['1.一般公共服务(类)支出2603.14万元，占一般公共预算财政拨款总支出的88.54%'] },
  { form: '5.2三(二) 类 201 主要用于', figures: ['主要用于基本支出2000.00万元，项目支出603.14万元'] },
  { form: '5.2三(二) 类 208', figures: ['8.社会保障和就业(类)支出236.91万元，占一般公共预算财政拨款总支出的8.06%'] },
  { form: '5.2三(二) 类 208 主要用于', figures: ['主要用于基本支出236.91万元，项目支出0.00万元'] },
  { form: '5.2三(二) 类 221', figures: ['19.住房保障(类)支出100.00万元，占一般公共预算财政拨款总支出的3.40%'] },
  { form: '5.2三(二) 类 221 主要用于', figures: ['主要用于基本支出100.00万元，项目支出0.00万元'] },
  { form: '5.2四(一) 三公 预算为{}，支出决算为{}，完成预算的{}', figures: ['“三公”经费支出预算为2.85万元，支出决算为0.39万元，完成预算的13.68%'] },
  {
    form: '5.2四(一) 其中：因公出国…；公务用车…；公务接待费…',
    figures: [
      '因公出国（境）费支出预算为0.00万元，支出决算为0.00万元',
      '公务用车购置及运行维护费支出预算为0.00万元，支出决算为0.00万元',
      '公务接待费支出预算为2.85万元，支出决算为0.39万元，完成预算的13.68%',
    ],
  },
  { form: '5.2四(一) 三公 比上年[减少]{Δ}，[下降]{%}', figures: ['支出决算比2019年减少0.11万元，下降22.00%'] },
  {
    form: '5.2四(一) 三公 each item against last year',
    figures: ['因公出国（境）费支出决算与2019年持平', '公务用车购置及运行维护费支出决算与2019年持平', '公务接待费支出决算比2019年减少0.11万元，下降22.00%'],
  },
  {
    form: '5.2四(二) 三公 各项支出及占比',
    figures: ['因公出国（境）费支出决算0.00万元，占0.00%', '公务用车购置及运行维护费支出决算0.00万元，占0.00%', '公务接待费支出决算0.39万元，占100.00%'],
  },
  { form: '5.2四(二) 1.因公出国（境）费 团组、人次', figures: ['1.因公出国（境）费支出0.00万元', '团组0个', '累计0人次'] },
  { form: '5.2四(二) 2.公务用车购置及运行维护费支出{}', figures: ['2.公务用车购置及运行维护费支出0.00万元'] },
  { form: '5.2四(二) 其中：公务用车购置支出{}，购置车辆{}辆', figures: ['公务用车购置支出0.00万元，购置车辆0辆'] },
  { form: '5.2四(二) 公务用车运行维护支出{}，保有量为{}辆', figures: ['公务用车运行维护支出0.00万元', '公务用车保有量为0辆'] },
  { form: '5.2四(二) 3.公务接待费{}', figures: ['3.公务接待费支出0.39万元'] },
  {
    form: '5.2四(二) 国内接待费 (其中外事) 批次、人次',
    figures: ['国内接待费支出0.39万元', '外事接待费支出0.00万元', '国内公务接待3批次', '外事接待0批次', '接待人次25人', '外事接待人次0人'],
  },
  { form: '5.2四(二) 国（境）外接待费 批次、人次', figures: ['国（境）外接待费支出0.00万元', '国（境）外公务接待0批次', '接待人次0人'] },
  {
    form: '5.3一 机关运行经费{X}，与上年对比…，主要原因分析：(一){科目}[减少]{Δ}…',
    figures: ['机关运行经费支出184.65万元', '与上年对比减少52.26万元，下降22.06%', '（一）办公费减少10.00万元', '（二）维修（护）费减少42.26万元'],
  },
  { form: '5.3一 主要用于：(一){科目}{amt}…', figures: ['（一）办公费50.00万元', '（二）差旅费34.65万元', '（三）维修（护）费100.00万元'] },
  {
    form: '5.3二 资产总额{c1}，其中，流动资产…其他资产{c11}',
    figures: ['资产总额1816.50万元', '流动资产500.00万元', '固定资产1316.50万元', '对外投资及有价证券0.00万元', '在建工程0.00万元', '无形资产0.00万元', '其他资产0.00万元'],
  },
  { form: '5.3二 与上年相比，本年资产总额[减少]{Δ}，其中固定资产[减少]{Δ}', figures: ['本年资产总额减少83.50万元', '其中固定资产减少83.50万元'] },
  {
    form: '5.3二 处置…出租…',
    figures: ['处置房屋建筑物0.00平方米', '处置车辆1辆，账面原值12.00万元', '报废报损资产12项，账面原值3.50万元', '实现资产处置收入0.80万元', '出租房屋0.00平方米', '实现资产使用收入0.00万元'],
  },
  { form: '5.3三 政府采购支出总额{}，其中：货物{}；工程{}；服务{}', figures: ['政府采购支出总额200.00万元', '政府采购货物支出120.00万元', '政府采购工程支出0.00万元', '政府采购服务支出80.00万元'] },
  { form: '5.3三 授予中小企业合同金额{}，占…{pct}', figures: ['授予中小企业合同金额150.00万元，占政府采购支出总额的75.00%'] },
];

/** Sentences of the document: split at 。 (a list item's number stays with its sentence). */
function sentencesOf(text: string): string[] {
  return text
    .split(/[。\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function carriesInOrder(sentence: string, figures: readonly string[]): boolean {
  let at = 0;
  for (const f of figures) {
    const i = sentence.indexOf(f, at);
    if (i < 0) return false;
    at = i + f.length;
  }
  return true;
}

describe('spec §7 figures through spec §5 sentences (万元, S001 wording)', () => {
  it('yields every figure-bearing sentence form of §5 with all its figures in one sentence', () => {
    const doc = build(pack, template, { rows: ROWS, inputs: INPUTS, texts: TEXTS, unitName: UNIT, options: { unit: '万元', zeroItems: 'all' } });
    const sentences = sentencesOf(narrativeText(doc));
    const missing = SENTENCES.filter((s) => !sentences.some((x) => carriesInOrder(x, s.figures))).map((s) => s.form);
    expect(missing).toEqual([]);
    const figures = SENTENCES.reduce((n, s) => n + s.figures.length, 0);
    // The count the issue asks to report.
    expect([SENTENCES.length, figures]).toEqual([46, 99]);
  });

  it('reconciles: nothing left unfilled, and no N-check (shares add up, every reason written)', () => {
    const doc = build(pack, template, { rows: ROWS, inputs: INPUTS, texts: TEXTS, unitName: UNIT, options: { unit: '万元', zeroItems: 'all' } });
    expect(unfilledPlaceholders(doc)).toEqual([]);
    expect(checkNarrative(doc, {})).toEqual([]);
    const text = narrativeText(doc);
    expect(text).toContain('26.抗疫特别国债安排的支出(类)0.00万元');
    expect(text).not.toMatch(/增加减少|减少增加|«/);
  });
});
