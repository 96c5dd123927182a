/**
 * 部门整体支出绩效自评表 (the Yunnan form; its layout is K): 部门总体目标, 年度目标, 重点工作任务 with their
 * 预算执行率, the indicator grid, 自评得分 and 等级.
 */
import type { PerfPackView } from '../../../shared/perf/contract';
import { DEPT_OWNER, type PerfDeptForm, type PerfTask } from '../../../shared/perf/model';
import { indicatorsOf } from '../../../shared/perf/view';
import { IndicatorGrid } from './IndicatorGrid';
import { moneyText } from './money';
import { percentOf } from './percent';
import { PerfInput } from './PerfInput';
import { TotalLine } from './TotalLine';
import type { PerfScreen } from './usePerf';

export function DeptSheet({ screen, pack, unitName, year }: { screen: PerfScreen; pack: PerfPackView; unitName: string; year: number }) {
  const data = screen.data;
  if (!data) return null;
  const sheet = screen.scores?.dept;
  const form = (key: keyof PerfDeptForm & string, label: string, extra: Partial<Parameters<typeof PerfInput>[0]> = { multiline: true }) => (
    <PerfInput value={String(data.dept[key])} label={label} place={`dept:0:${key}`} onDraft={(t) => screen.draft('dept', 0, key, t)} onCommit={(t) => screen.set('dept', 0, key, t)} {...extra} />
  );
  const task = (t: PerfTask, key: keyof PerfTask & string, label: string, money = false) => (
    <PerfInput
      value={money ? moneyText(t[key] as number, screen.unit) : String(t[key])}
      label={`${screen.state?.data.tasks.find((x) => x.id === t.id)?.name ?? ''} ${label}`}
      place={`task:${t.id}:${key}`}
      align={money ? 'right' : 'left'}
      multiline={key === 'content' || key === 'reason'}
      onDraft={(x) => screen.draft('task', t.id, key, x)}
      onCommit={(x) => screen.set('task', t.id, key, x)}
    />
  );
  return (
    <section className="perf-sheet" aria-label="部门整体支出绩效自评表">
      <h3>
        部门整体支出绩效自评表<span className="perf-muted">（{year}年度）</span>
      </h3>
      <div className="perf-head">
        <span>部门名称：{unitName}</span>
      </div>
      <div className="perf-goals">
        <label>部门职责 {form('duty', '部门职责')}</label>
        <label>总体绩效目标 {form('overallGoal', '总体绩效目标')}</label>
        <label>一、部门年度目标 {form('yearGoal', '部门年度目标')}</label>
        <label>实际完成情况 {form('yearActual', '年度目标实际完成情况')}</label>
      </div>
      <h4>二、部门年度重点工作任务</h4>
      <table className="perf-table">
        <thead>
          <tr>
            <th>任务名称</th>
            <th>项目</th>
            <th>主要内容</th>
            <th>批复金额（{screen.unit}）</th>
            <th>实际支出金额（{screen.unit}）</th>
            <th>预算执行率</th>
            <th>未完成原因和改进措施</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data.tasks.map((t) => (
            <tr key={t.id}>
              <td>{task(t, 'name', '任务名称')}</td>
              <td>{task(t, 'project', '项目')}</td>
              <td className="perf-wide">{task(t, 'content', '主要内容')}</td>
              <td>{task(t, 'approved', '批复金额', true)}</td>
              <td>{task(t, 'spent', '实际支出金额', true)}</td>
              <td className="num">{percentOf(t.spent, t.approved)}</td>
              <td className="perf-wide">{task(t, 'reason', '未完成原因和改进措施')}</td>
              <td>
                <button type="button" className="perf-remove" onClick={() => void screen.run({ op: 'remove', target: 'task', id: t.id })}>
                  删除
                </button>
              </td>
            </tr>
          ))}
          <tr className="perf-sum">
            <td colSpan={3}>
              合计（预算执行率分值 {form('fundPoints', '预算执行率分值', { align: 'right', className: 'perf-narrow' })}）
            </td>
            <td className="num">{moneyText(sheet?.fund.budget ?? 0, screen.unit)}</td>
            <td className="num">{moneyText(sheet?.fund.actual ?? 0, screen.unit)}</td>
            <td className="num">{sheet?.fund.rate ? `${sheet.fund.rate}%` : '—'}</td>
            <td colSpan={2}>
              得分 <strong>{sheet?.fund.score ?? '—'}</strong> <span className="perf-rule">{sheet?.fund.rule}</span>
            </td>
          </tr>
        </tbody>
      </table>
      <div className="perf-add">
        <button type="button" onClick={() => void screen.run({ op: 'addTask' })}>
          ＋ 重点工作任务
        </button>
      </div>
      <h4>三、部门整体支出绩效指标</h4>
      <IndicatorGrid screen={screen} pack={pack} owner={DEPT_OWNER} indicators={indicatorsOf(data, DEPT_OWNER)} sheet={sheet} />
      <h4>四、部门自评得分　五、自评等级</h4>
      <TotalLine sheet={sheet} testId="dept" />
    </section>
  );
}
