/**
 * A unit whose tables and project register reproduce the published 2020 部门整体支出绩效自评报告 of
 * 长沙市雨花区行政审批服务局 (figures in 万元): 收入 929.65 all 财政拨款, 基本支出 596.04 (人员经费 549.67,
 * 日常公用经费 46.37), 项目支出 244.71 over six projects (年初预算 300, one project added during the year
 * for 88.91 and carried over), 年末结余 88.91, 基本支出年初预算 601.68.
 * The published figures are each rounded from 元 (596.04 + 244.71 is published as 840.74), so the 元
 * figures here are chosen to round to every one of them. The published 明细 table adds up to 596.06
 * (its own rounding); 其他工资福利支出 is 167.04 here instead of
 * 167.06 (1,670,351 元) so that the detail adds up to the published 人员经费 549.67 and to 基本支出.
 */
import { cellEdit, type Api, type ReportRef } from '../../../shared/api/contract';
import { parseAmount } from '../../../shared/money/fen';
import { EMPTY_DEPT_FORM, type PerfData, type PerfIndicator, type PerfProject } from '../../../shared/perf/model';

/** 元 → 分, exactly. */
export function yuan(text: string): number {
  const r = parseAmount(text);
  if (!r.ok || r.fen === null) throw new Error(text);
  return r.fen;
}

/** 万元 text → 分, exactly. */
export function wan(text: string): number {
  const r = parseAmount(text, '万元');
  if (!r.ok || r.fen === null) throw new Error(text);
  return r.fen;
}

export const S002_UNIT = { code: '430111001', name: '长沙市雨花区行政审批服务局' };

export const S002_ROWS = { T03: ['2010301', '2010302', '2010399'] };

export const S002_INPUTS: Record<string, number> = {
  'T04:I01:c1': wan('929.65'),
  // 596.0351 + 244.7098 = 840.7449: the published 596.04 + 244.71 = 840.74, each rounded from the 元 figures.
  'T03:2010301:c2': yuan('5960351'),
  'T03:2010302:c3': wan('120.63'), // projects 1, 2, 5 (18.21 + 97.66 + 4.76)
  'T03:2010399:c3': yuan('1240798'), // projects 3, 4 (7 + 117.0798)
  'T01:EEND:c2': wan('88.91'),
  'T06:30101:c1': wan('69.84'),
  'T06:30102:c1': wan('33.61'),
  'T06:30103:c1': wan('187.10'),
  'T06:30110:c1': wan('7.44'),
  'T06:30111:c1': wan('7.04'),
  'T06:30112:c1': wan('1.24'),
  'T06:30106:c1': wan('10.56'),
  'T06:30108:c1': wan('16.09'),
  'T06:30199:c1': yuan('1670351'),
  'T06:30113:c1': wan('26.39'),
  'T06:30305:c1': wan('23.05'),
  'T06:30399:c1': wan('0.27'),
  'T06:30201:c1': wan('10.48'),
  'T06:30207:c1': wan('1.05'),
  'T06:30228:c1': wan('14.85'),
  'T06:30239:c1': wan('11.18'),
  'T06:30299:c1': wan('8.81'),
  'T09:SGRECDOM:c1': wan('0.5'),
};



function project(id: number, name: string, code: string, initial: string, annual: string, executed: string | number, returned: string, carried = '0'): PerfProject {
  return {
    id,
    seq: id,
    name,
    dept: S002_UNIT.name,
    implUnit: S002_UNIT.name,
    funcCode: code,
    fundSource: '区级财政资金',
    initial: [wan(initial), 0, 0],
    annual: [wan(annual), 0, 0],
    executed: [typeof executed === 'number' ? executed : wan(executed), 0, 0],
    arrived: wan(annual),
    returned: wan(returned),
    carried: wan(carried),
    goalExpected: '',
    goalActual: '',
    fundPoints: '10',
  };
}

export const S002_PROJECTS: PerfProject[] = [
  project(1, '“12345”市民服务热线工作经费', '2010302', '23.5', '23.5', '18.21', '5.29'),
  project(2, '政务服务及政务大厅运转经费', '2010302', '116.02', '116.02', '97.66', '18.36'),
  project(3, '全区政府信息公开工作经费', '2010399', '7', '7', '7', '0'),
  project(4, '区级政务服务工作人员绩效考核奖金', '2010399', '148.48', '148.48', yuan('1170798'), '31.4'),
  project(5, '全区行政效能及“放管服”工作经费', '2010302', '5', '5', '4.76', '0.24'),
  project(6, '24小时政务服务自助大厅建设经费', '2010302', '0', '88.91', '0', '0', '88.91'),
];

let nextIndicator = 100;
export function indicator(owner: number, over: Partial<PerfIndicator>): PerfIndicator {
  const id = nextIndicator++;
  return {
    id,
    owner,
    seq: id,
    level1: '产出指标',
    level2: '数量指标',
    level3: '指标',
    nature: '定量',
    direction: '正向',
    unit: '',
    target: '',
    actual: '',
    points: '10',
    band: '',
    given: '',
    applicable: true,
    reason: '',
    ...over,
  };
}

/** Project 1's 自评表 and the 部门整体 one, fully scored. */
export const S002_INDICATORS: PerfIndicator[] = [
  indicator(1, { level3: '热线工单签收数', unit: '件', target: '60000', actual: '63475', points: '30' }),
  indicator(1, { level2: '质量指标', level3: '按时办结率', unit: '%', target: '100', actual: '100', points: '20' }),
  indicator(1, { level1: '效益指标', level2: '社会效益指标', level3: '群众诉求解决情况', nature: '定性', band: '达成年度指标', given: '28', points: '30' }),
  indicator(1, { level1: '满意度指标', level2: '服务对象满意度指标', level3: '回访满意度', unit: '%', target: '≥95', actual: '97.5', points: '10' }),
  indicator(0, { level3: '发布权责清单', unit: '类', target: '4', actual: '4', points: '50' }),
  indicator(0, { level1: '效益指标', level2: '社会效益指标', level3: '企业开办时间', direction: '反向', unit: '天', target: '1', actual: '1', points: '30' }),
  indicator(0, { level1: '满意度指标', level2: '服务对象满意度指标', level3: '热线回访满意度', unit: '%', target: '95', actual: '97.5', points: '10' }),
];

export const S002_DATA: PerfData = {
  projects: S002_PROJECTS,
  indicators: S002_INDICATORS,
  tasks: [
    { id: 1, seq: 1, name: '政务服务', project: '政务服务及政务大厅运转经费', content: '政务大厅运转', approved: wan('116.02'), spent: wan('97.66'), reason: '' },
    { id: 2, seq: 2, name: '12345热线', project: '“12345”市民服务热线工作经费', content: '热线工单办理', approved: wan('23.5'), spent: wan('18.21'), reason: '' },
  ],
  dept: { ...EMPTY_DEPT_FORM, duty: '行政审批服务', overallGoal: '深化“放管服”改革' },
};

export const S002_TEXTS: Record<string, string> = {
  'perf.basicInitial': '6016800',
  'perf.text.basicInfo': '雨花区行政审批服务局是区政府工作部门，为正科级。',
  'perf.text.performance': '围绕“放管服”改革，推进“一件事一次办”。',
  'perf.text.problems': '编制年初预算时没有充分考虑工作中的实际情况。',
  'perf.text.measures': '加强预算精细化管理。',
  'perf.text.publicity': '绩效自评结果应用到下一年度的预算编制中，并按区财政的要求公开。',
};



/** Puts seed 002's 科目 rows and table figures into a report through the Api (the tables the 自评报告 reads). */
export async function seedS002Tables(api: Pick<Api, 'addRows' | 'setCells'>, ref: ReportRef): Promise<void> {
  await api.addRows({ ...ref, table: 'T03', rows: S002_ROWS.T03 });
  const edits = Object.entries(S002_INPUTS).map(([key, value]) => {
    const [table = '', row = '', col = ''] = key.split(':');
    return cellEdit.parse({ table, row, col, value });
  });
  await api.setCells({ ...ref, edits });
}
