/**
 * The project register (项目库): one line per project with its 资金 totals (typed by source in its 自评表),
 * 到位数, 结余上缴, 结转, and the 自评表's score and grade as they stand. Clicking a line opens its 自评表.
 */
import type { PerfProject } from '../../../shared/perf/model';
import { sumSources } from '../../../shared/perf/model';
import { moneyText } from './money';
import { PerfInput } from './PerfInput';
import type { PerfScreen } from './usePerf';

interface Props {
  screen: PerfScreen;
  selected: number | null;
  onSelect(id: number): void;
}

export function RegisterTable({ screen, selected, onSelect }: Props) {
  const data = screen.data;
  if (!data) return null;
  const storedName = (id: number) => screen.state?.data.projects.find((x) => x.id === id)?.name ?? '';
  const cell = (p: PerfProject, key: keyof PerfProject & string, label: string, money = false) => (
    <PerfInput
      value={money ? moneyText(p[key] as number, screen.unit) : String(p[key])}
      label={`${storedName(p.id)} ${label}`}
      place={`project:${p.id}:${key}`}
      align={money ? 'right' : 'left'}
      onDraft={(t) => screen.draft('project', p.id, key, t)}
      onCommit={(t) => screen.set('project', p.id, key, t)}
    />
  );
  return (
    <section className="perf-register" aria-label="项目库">
      <table className="perf-table">
        <thead>
          <tr>
            <th>序号</th>
            <th>项目名称</th>
            <th>功能科目</th>
            <th>资金来源</th>
            <th>年初预算数</th>
            <th>全年预算数</th>
            <th>全年执行数</th>
            <th>到位数</th>
            <th>结余上缴财政</th>
            <th>结转下年</th>
            <th>自评得分</th>
            <th>等级</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data.projects.map((p, i) => {
            const sheet = screen.scores?.projects.get(p.id);
            return (
              <tr key={p.id} className={p.id === selected ? 'perf-selected' : undefined} onClick={() => onSelect(p.id)}>
                <td className="num">{i + 1}</td>
                <td className="perf-wide">{cell(p, 'name', '项目名称')}</td>
                <td>{cell(p, 'funcCode', '功能科目')}</td>
                <td>{cell(p, 'fundSource', '资金来源')}</td>
                <td className="num">{moneyText(sumSources(p.initial), screen.unit)}</td>
                <td className="num">{moneyText(sumSources(p.annual), screen.unit)}</td>
                <td className="num">{moneyText(sumSources(p.executed), screen.unit)}</td>
                <td>{cell(p, 'arrived', '到位数', true)}</td>
                <td>{cell(p, 'returned', '结余上缴财政', true)}</td>
                <td>{cell(p, 'carried', '结转下年', true)}</td>
                <td className="num" data-testid={`register-score-${i + 1}`}>{sheet?.total ?? '—'}</td>
                <td>{sheet?.grade ?? '—'}</td>
                <td>
                  <button
                    type="button"
                    className="perf-remove"
                    onClick={(e) => {
                      e.stopPropagation();
                      if (window.confirm(`删除项目“${p.name}”及其绩效自评表？`)) void screen.run({ op: 'remove', target: 'project', id: p.id });
                    }}
                  >
                    删除
                  </button>
                </td>
              </tr>
            );
          })}
          {data.projects.length > 0 && (
            <tr className="perf-sum">
              <td />
              <td>合计</td>
              <td />
              <td />
              <td className="num">{moneyText(data.projects.reduce((s, p) => s + sumSources(p.initial), 0), screen.unit)}</td>
              <td className="num">{moneyText(data.projects.reduce((s, p) => s + sumSources(p.annual), 0), screen.unit)}</td>
              <td className="num">{moneyText(data.projects.reduce((s, p) => s + sumSources(p.executed), 0), screen.unit)}</td>
              <td className="num">{moneyText(data.projects.reduce((s, p) => s + p.arrived, 0), screen.unit)}</td>
              <td className="num">{moneyText(data.projects.reduce((s, p) => s + p.returned, 0), screen.unit)}</td>
              <td className="num">{moneyText(data.projects.reduce((s, p) => s + p.carried, 0), screen.unit)}</td>
              <td colSpan={3} />
            </tr>
          )}
        </tbody>
      </table>
      {data.projects.length === 0 && <p className="perf-muted perf-empty">项目库中还没有项目。点击“新增项目”，项目的资金和绩效指标在其自评表中填写。</p>}
    </section>
  );
}
