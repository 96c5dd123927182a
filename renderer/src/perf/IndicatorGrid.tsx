/**
 * The indicator grid of a 自评表 (一级 | 二级 | 三级 | 性质 | 方向 | 年度指标值 | 实际完成值 | 分值 | 档次 |
 * 得分 | 偏差原因分析及改进措施), with the score and the rule that gave it beside each line.
 */
import type { PerfPackView } from '../../../shared/perf/contract';
import type { PerfIndicator } from '../../../shared/perf/model';
import type { ScoredSheet } from '../../../shared/perf/sheet';
import { PerfInput } from './PerfInput';
import type { PerfScreen } from './usePerf';

interface Props {
  screen: PerfScreen;
  pack: PerfPackView;
  owner: number;
  indicators: readonly PerfIndicator[];
  sheet: ScoredSheet | undefined;
}

export function IndicatorGrid({ screen, pack, owner, indicators, sheet }: Props) {
  const level1s = pack.scheme.weights.map((w) => w.level1).filter((l) => l !== pack.fundLevel1);
  const bands = ['', ...pack.scheme.qualitativeBands.map((b) => b.label)];
  // Labels name the indicator as stored, so a field keeps its name while its 三级指标 is being retyped.
  const storedName = (id: number) => screen.state?.data.indicators.find((i) => i.id === id)?.level3 || '指标';
  const field = (ind: PerfIndicator, key: keyof PerfIndicator & string, label: string, extra: Partial<Parameters<typeof PerfInput>[0]> = {}) => (
    <PerfInput
      value={key === 'applicable' ? (ind.applicable ? '适用' : '不适用') : String(ind[key])}
      label={`${storedName(ind.id)} ${label}`}
      place={`indicator:${ind.id}:${key}`}
      onDraft={(t) => screen.draft('indicator', ind.id, key, t)}
      onCommit={(t) => screen.set('indicator', ind.id, key, t)}
      {...extra}
    />
  );
  return (
    <div className="perf-indicators">
      <table className="perf-table">
        <thead>
          <tr>
            <th>一级指标</th>
            <th>二级指标</th>
            <th>三级指标</th>
            <th>性质</th>
            <th>方向</th>
            <th>年度指标值</th>
            <th>实际完成值</th>
            <th>分值</th>
            <th>评价档次</th>
            <th>得分</th>
            <th>适用</th>
            <th>偏差原因分析及改进措施</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {indicators.map((ind) => {
            const scored = sheet?.indicators.find((s) => s.id === ind.id);
            const qualitative = ind.nature === '定性';
            return (
              <tr key={ind.id} className={ind.applicable ? undefined : 'perf-dropped'}>
                <td>{field(ind, 'level1', '一级指标', { options: level1s })}</td>
                <td>{field(ind, 'level2', '二级指标', { options: ['', ...(pack.level2[ind.level1] ?? [])].filter((v, i, a) => a.indexOf(v) === i) })}</td>
                <td className="perf-wide">{field(ind, 'level3', '三级指标', { placeholder: '三级指标名称' })}</td>
                <td>{field(ind, 'nature', '指标性质', { options: ['定量', '定性'] })}</td>
                <td>{qualitative ? <span className="perf-muted">—</span> : field(ind, 'direction', '指标方向', { options: ['正向', '反向'] })}</td>
                <td>{field(ind, 'target', '年度指标值', { align: 'right' })}</td>
                <td>{field(ind, 'actual', '实际完成值', { align: 'right' })}</td>
                <td>{field(ind, 'points', '分值', { align: 'right', className: 'perf-narrow' })}</td>
                <td>{qualitative ? field(ind, 'band', '评价档次', { options: bands }) : <span className="perf-muted">—</span>}</td>
                <td className="perf-score">
                  {qualitative ? field(ind, 'given', '得分', { align: 'right', className: 'perf-narrow' }) : null}
                  <span className="perf-score-value" data-testid={`score-${ind.id}`} title={scored?.rule}>
                    {scored?.score ?? '—'}
                  </span>
                  <div className="perf-rule">{scored?.problem ?? scored?.rule}</div>
                </td>
                <td>{field(ind, 'applicable', '是否适用', { options: ['适用', '不适用'] })}</td>
                <td className="perf-wide">{field(ind, 'reason', '偏差原因分析及改进措施', { multiline: true })}</td>
                <td>
                  <button type="button" className="perf-remove" title="删除此指标" onClick={() => void screen.run({ op: 'remove', target: 'indicator', id: ind.id })}>
                    删除
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="perf-add">
        {level1s.map((l1) => (
          <button key={l1} type="button" onClick={() => void screen.run({ op: 'addIndicator', owner, level1: l1 })}>
            ＋ {l1}
          </button>
        ))}
      </div>
    </div>
  );
}
