/**
 * 项目支出绩效自评表 of one project, in the national form: 项目名称, 主管部门 | 实施单位; the 资金 block
 * (年初预算数 | 全年预算数(A) | 全年执行数(B) | 分值 | 执行率 | 得分 by 年度资金总额 and the three sources);
 * 年度总体目标; the indicator grid; 总分 and 等级 — scored as the clerk types.
 */
import type { PerfPackView } from '../../../shared/perf/contract';
import { FUND_SOURCES, sumSources, type PerfProject } from '../../../shared/perf/model';
import { percentOf } from './percent';
import { IndicatorGrid } from './IndicatorGrid';
import { moneyText } from './money';
import { PerfInput } from './PerfInput';
import { TotalLine } from './TotalLine';
import type { PerfScreen } from './usePerf';
import { indicatorsOf } from '../../../shared/perf/view';

export function ProjectSheet({ screen, pack, project, year }: { screen: PerfScreen; pack: PerfPackView; project: PerfProject; year: number }) {
  const sheet = screen.scores?.projects.get(project.id);
  const data = screen.data;
  if (!data) return null;
  const text = (key: keyof PerfProject & string, label: string, extra: Partial<Parameters<typeof PerfInput>[0]> = {}) => (
    <PerfInput
      value={String(project[key])}
      label={label}
      place={`project:${project.id}:${key}`}
      onDraft={(t) => screen.draft('project', project.id, key, t)}
      onCommit={(t) => screen.set('project', project.id, key, t)}
      {...extra}
    />
  );
  const money = (key: 'initial' | 'annual' | 'executed', i: number, label: string) => (
    <PerfInput
      value={moneyText(project[key][i] ?? 0, screen.unit)}
      label={`${label}（${FUND_SOURCES[i]}）`}
      place={`project:${project.id}:${key}.${i}`}
      align="right"
      onDraft={(t) => screen.draft('project', project.id, `${key}.${i}`, t)}
      onCommit={(t) => screen.set('project', project.id, `${key}.${i}`, t)}
    />
  );
  return (
    <section className="perf-sheet" aria-label={`项目支出绩效自评表 ${project.name}`}>
      <h3>
        项目支出绩效自评表<span className="perf-muted">（{year}年度）</span>
      </h3>
      <div className="perf-head">
        <label>
          项目名称 {text('name', '项目名称', { className: 'perf-name' })}
        </label>
        <label>主管部门 {text('dept', '主管部门')}</label>
        <label>实施单位 {text('implUnit', '实施单位')}</label>
      </div>
      <table className="perf-table perf-fund">
        <thead>
          <tr>
            <th>项目资金（{screen.unit}）</th>
            <th>年初预算数</th>
            <th>全年预算数（A）</th>
            <th>全年执行数（B）</th>
            <th>分值</th>
            <th>执行率（B/A）</th>
            <th>得分</th>
          </tr>
        </thead>
        <tbody>
          <tr className="perf-sum">
            <td>年度资金总额</td>
            <td className="num">{moneyText(sumSources(project.initial), screen.unit)}</td>
            <td className="num">{moneyText(sumSources(project.annual), screen.unit)}</td>
            <td className="num">{moneyText(sumSources(project.executed), screen.unit)}</td>
            <td>{text('fundPoints', '资金分值', { align: 'right', className: 'perf-narrow' })}</td>
            <td className="num" data-testid="fund-rate">{sheet?.fund.rate !== null && sheet ? `${sheet.fund.rate}%` : '—'}</td>
            <td className="num perf-score">
              <span className="perf-score-value" data-testid="fund-score">{sheet?.fund.score ?? '—'}</span>
              <div className="perf-rule">{sheet?.fund.rule}</div>
            </td>
          </tr>
          {FUND_SOURCES.map((source, i) => (
            <tr key={source}>
              <td>{i === 0 ? `其中：${source}` : source}</td>
              <td>{money('initial', i, '年初预算数')}</td>
              <td>{money('annual', i, '全年预算数')}</td>
              <td>{money('executed', i, '全年执行数')}</td>
              <td />
              <td className="num">{percentOf(project.executed[i] ?? 0, project.annual[i] ?? 0)}</td>
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <div className="perf-goals">
        <label>
          年度总体目标：预期目标 {text('goalExpected', '年度总体目标（预期目标）', { multiline: true })}
        </label>
        <label>
          实际完成情况 {text('goalActual', '年度总体目标（实际完成情况）', { multiline: true })}
        </label>
      </div>
      <IndicatorGrid screen={screen} pack={pack} owner={project.id} indicators={indicatorsOf(data, project.id)} sheet={sheet} />
      <TotalLine sheet={sheet} testId="project" />
    </section>
  );
}
