/**
 * The 绩效自评 data of one report: the project register (项目库), each project's 项目支出绩效自评表
 * (its 资金 block is read from the register, so a figure is typed once), and the 部门整体支出绩效自评表
 * (年度目标, 重点工作任务, indicators). Money is integer 分; 分值, 指标值 and 得分 are exact decimal
 * text parsed into rationals (./ratio), never floats.
 */
import type { Fen } from '../money/fen';

/** The three funding sources of the national form's 资金 block, in its row order. */
export const FUND_SOURCES = ['本年财政拨款', '上年结转资金', '其他资金'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

/** Three amounts, one per funding source, in FUND_SOURCES order. */
export type BySource = readonly [Fen, Fen, Fen];

export interface PerfProject {
  id: number;
  seq: number;
  /** 项目名称 */
  name: string;
  /** 主管部门 */
  dept: string;
  /** 实施单位 */
  implUnit: string;
  /** 功能科目 (支出功能分类 code, 项 level as a rule) */
  funcCode: string;
  /** 资金来源 as the clerk words it (e.g. 区级财政资金) */
  fundSource: string;
  /** 年初预算数 */
  initial: BySource;
  /** 全年预算数 (A) */
  annual: BySource;
  /** 全年执行数 (B) */
  executed: BySource;
  /** 到位数 */
  arrived: Fen;
  /** 结余上缴财政的数额 */
  returned: Fen;
  /** 结转下年的数额 */
  carried: Fen;
  /** 年度总体目标：预期目标 */
  goalExpected: string;
  /** 年度总体目标：实际完成情况 */
  goalActual: string;
  /** 资金 block's 分值 (预算执行率), decimal text. */
  fundPoints: string;
}

export type IndicatorNature = '定量' | '定性';
export type IndicatorDirection = '正向' | '反向';

/** One row of an indicator grid; owner 0 is the 部门整体 form, otherwise the project id. */
export interface PerfIndicator {
  id: number;
  owner: number;
  seq: number;
  level1: string;
  level2: string;
  level3: string;
  nature: IndicatorNature;
  direction: IndicatorDirection;
  /** 度量单位 (%, 件, 天 …), printed after the values. */
  unit: string;
  /** 年度指标值 */
  target: string;
  /** 实际完成值 */
  actual: string;
  /** 分值 */
  points: string;
  /** 定性: the band the clerk chose (达成 / 部分达成 / 未达成 from the scheme). */
  band: string;
  /** 定性: the score the clerk gave inside the band. */
  given: string;
  /** false = 不适用: drops out, the rest is rescaled to 100. */
  applicable: boolean;
  /** 偏差原因分析及改进措施 */
  reason: string;
}

/** 部门年度重点工作任务 of the 部门整体支出绩效自评表. */
export interface PerfTask {
  id: number;
  seq: number;
  name: string;
  /** 项目 the task is financed by. */
  project: string;
  content: string;
  /** 批复金额 */
  approved: Fen;
  /** 实际支出金额 */
  spent: Fen;
  /** 未完成原因和改进措施 */
  reason: string;
}

/** The texts of the 部门整体支出绩效自评表 head. */
export interface PerfDeptForm {
  /** 部门职责 */
  duty: string;
  /** 总体绩效目标 */
  overallGoal: string;
  /** 部门年度目标 */
  yearGoal: string;
  /** 年度目标的实际完成情况 */
  yearActual: string;
  /** 部门整体 预算执行率 分值, decimal text. */
  fundPoints: string;
}

export interface PerfData {
  projects: PerfProject[];
  indicators: PerfIndicator[];
  tasks: PerfTask[];
  dept: PerfDeptForm;
}

export const DEPT_OWNER = 0;

export const EMPTY_DEPT_FORM: PerfDeptForm = { duty: '', overallGoal: '', yearGoal: '', yearActual: '', fundPoints: '10' };

export const sumSources = (v: BySource): Fen => v[0] + v[1] + v[2];
