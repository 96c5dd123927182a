/**
 * A large 绩效自评 for `npm run bench` and the print tests: N projects with M indicators each (产出,
 * 效益, 满意度 in the scheme's weights; 定量 正向 and 反向, 定性 scored inside their band, a few 不适用,
 * some long 偏差原因), 重点工作任务 and a scored 部门整体 form. Seeded, so every run sees the same data.
 * `writePerfData` stores it in one transaction (the bench's set-up, not what it measures).
 */
import { EMPTY_DEPT_FORM, type PerfData, type PerfIndicator, type PerfProject, type PerfTask } from '../../shared/perf/model';
import type { Database } from '../../electron/services/store/database';
import { seededRandom } from './fullSizeReport';

const REASONS = [
  '',
  '',
  '年中追加任务，按实际需求完成。',
  '受项目招标进度影响，部分工作延至下一年度实施；下一步将提前做好采购计划，加快执行进度。',
  '因上级政策调整，部分指标值偏高，实际完成略低于预期；今后编制绩效目标时将充分调研，合理设定指标值，并加强执行过程中的监控和纠偏。',
];

/** 一级 → (二级, count) so that 分值 add up to the scheme's 50 / 30 / 10 with 20 indicators. */
function plan(count: number): { level1: string; level2: string; points: string }[] {
  const out: { level1: string; level2: string; points: string }[] = [];
  const share = (level1: string, level2s: string[], n: number, total: number) => {
    // n indicators whose 分值 (2 decimals at most) add up to total exactly: the last takes the remainder.
    const each = Math.floor((total * 100) / n) / 100;
    for (let i = 0; i < n; i++) {
      const points = i === n - 1 ? Math.round((total - each * (n - 1)) * 100) / 100 : each;
      out.push({ level1, level2: level2s[i % level2s.length] ?? '', points: String(points) });
    }
  };
  const output = Math.max(1, Math.round(count * 0.6));
  const effect = Math.max(1, Math.round(count * 0.3));
  const satisfaction = Math.max(1, count - output - effect);
  share('产出指标', ['数量指标', '质量指标', '时效指标', '成本指标'], output, 50);
  share('效益指标', ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'], effect, 30);
  share('满意度指标', ['服务对象满意度指标'], satisfaction, 10);
  return out;
}

export function makePerfRegister(projects = 50, indicatorsEach = 20, seed = 12): PerfData {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const fen = (min: number, max: number) => Math.round((min + random() * (max - min)) * 100);
  const list: PerfProject[] = [];
  const indicators: PerfIndicator[] = [];
  let nextIndicator = 1;
  const makeIndicators = (owner: number, count: number) => {
    plan(count).forEach((p, i) => {
      const kind = random();
      const qualitative = kind < 0.2;
      const reverse = !qualitative && kind > 0.85;
      const target = Math.round(100 + random() * 9900);
      const actual = Math.round(target * (0.7 + random() * 0.5));
      const band = qualitative ? pick(['达成年度指标', '部分达成年度指标']) : '';
      const points = Number(p.points);
      const given = qualitative ? (band === '达成年度指标' ? points * 0.9 : points * 0.6).toFixed(2) : '';
      indicators.push({
        id: nextIndicator++,
        owner,
        seq: i + 1,
        level1: p.level1,
        level2: p.level2,
        level3: `${p.level2.replace(/指标$/, '')}第${i + 1}项${qualitative ? '（定性）' : ''}`,
        nature: qualitative ? '定性' : '定量',
        direction: reverse ? '反向' : '正向',
        unit: qualitative ? '' : pick(['件', '人次', '%', '天', '个']),
        target: qualitative ? '达到预期' : String(target),
        actual: qualitative ? pick(['基本达到', '较好完成']) : String(actual),
        points: p.points,
        band,
        given,
        applicable: random() > 0.04,
        reason: pick(REASONS),
      });
    });
  };
  for (let n = 1; n <= projects; n++) {
    const annual = fen(5_000, 2_000_000);
    const executed = Math.round(annual * (0.6 + random() * 0.45));
    list.push({
      id: n,
      seq: n,
      name: `${pick(['政务服务', '信息化建设', '专项业务', '人才培训', '设备购置', '宣传推广'])}项目${n}`,
      dept: '保山市隆阳区政务服务管理局',
      implUnit: '保山市隆阳区政务服务管理局',
      funcCode: pick(['2010301', '2010302', '2010399']),
      fundSource: '区级财政资金',
      initial: [annual, 0, 0],
      annual: [annual, 0, 0],
      executed: [Math.min(executed, annual), 0, 0],
      arrived: annual,
      returned: Math.max(0, annual - executed),
      carried: 0,
      goalExpected: '按期完成年度工作任务，保障业务正常运转，服务对象满意度不低于95%。',
      goalActual: '年度工作任务基本完成，业务运转正常，服务对象满意度达到97%。',
      fundPoints: '10',
    });
    makeIndicators(n, indicatorsEach);
  }
  makeIndicators(0, indicatorsEach);
  const tasks: PerfTask[] = Array.from({ length: Math.max(1, Math.round(projects / 5)) }, (_, i) => {
    const approved = fen(10_000, 1_000_000);
    return {
      id: i + 1,
      seq: i + 1,
      name: `重点工作任务${i + 1}`,
      project: list[i]?.name ?? '',
      content: '按年度计划推进，保障政务服务和各项业务正常开展。',
      approved,
      spent: Math.round(approved * (0.7 + random() * 0.3)),
      reason: pick(REASONS),
    };
  });
  return {
    projects: list,
    indicators,
    tasks,
    dept: { ...EMPTY_DEPT_FORM, duty: '负责全区政务服务管理、行政审批制度改革和政务公开工作。', overallGoal: '深化“放管服”改革，提升政务服务效能。', yearGoal: '完成年度重点工作任务。', yearActual: '年度重点工作任务全部完成。' },
  };
}

/** Stores a 绩效自评 under a report in one transaction (fast set-up for the bench). */
export async function writePerfData(db: Database, reportId: number, data: PerfData): Promise<void> {
  await db.transaction(async (tx) => {
    for (const p of data.projects) {
      await tx.run(
        `INSERT INTO perf_projects (report_id, id, seq, name, dept, impl_unit, func_code, fund_source, initial_0, initial_1, initial_2, annual_0, annual_1, annual_2,
           executed_0, executed_1, executed_2, arrived, returned, carried, goal_expected, goal_actual, fund_points) VALUES (${Array(23).fill('?').join(', ')})`,
        [reportId, p.id, p.seq, p.name, p.dept, p.implUnit, p.funcCode, p.fundSource, ...p.initial, ...p.annual, ...p.executed, p.arrived, p.returned, p.carried, p.goalExpected, p.goalActual, p.fundPoints],
      );
    }
    for (const i of data.indicators) {
      await tx.run(
        `INSERT INTO perf_indicators (report_id, id, owner, seq, level1, level2, level3, nature, direction, unit, target, actual, points, band, given, applicable, reason)
         VALUES (${Array(17).fill('?').join(', ')})`,
        [reportId, i.id, i.owner, i.seq, i.level1, i.level2, i.level3, i.nature, i.direction, i.unit, i.target, i.actual, i.points, i.band, i.given, i.applicable ? 1 : 0, i.reason],
      );
    }
    for (const t of data.tasks) {
      await tx.run('INSERT INTO perf_tasks (report_id, id, seq, name, project, content, approved, spent, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        reportId,
        t.id,
        t.seq,
        t.name,
        t.project,
        t.content,
        t.approved,
        t.spent,
        t.reason,
      ]);
    }
    const d = data.dept;
    await tx.run('INSERT INTO perf_dept (report_id, duty, overall_goal, year_goal, year_actual, fund_points) VALUES (?, ?, ?, ?, ?, ?)', [reportId, d.duty, d.overallGoal, d.yearGoal, d.yearActual, d.fundPoints]);
  });
}
