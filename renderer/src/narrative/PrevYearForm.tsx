/**
 * 上年数 for the year-on-year sentences. When year Y−1 of the unit is in the database its figures are
 * used and nothing is typed here; otherwise the clerk types the few figures the template compares
 * against, kept as texts `prev.<table>.<row>.<col>`.
 */
import { useMemo } from 'react';
import { parseCellText } from '../../../shared/pack/cellKind';
import { prevCellsNeeded } from '../../../shared/narrative/lastYear';
import { FieldRow } from './FieldRow';
import type { LiveNarrative, NarrativeView } from './liveNarrative';

interface Props {
  live: LiveNarrative;
  view: NarrativeView;
  save(patch: Record<string, string | null>): Promise<string | null>;
}

export function sourceText(view: NarrativeView, year: number): string {
  const prev = year - 1;
  switch (view.lastYear.kind) {
    case 'database':
      return `上年数取自数据库中本单位${view.lastYear.year}年度报表`;
    case 'typed':
      return `数据库中没有本单位${prev}年度报表，上年数使用手工填写的数字`;
    case 'none':
      return `数据库中没有本单位${prev}年度报表，也未填写上年数：同比句写作“无上年可比数据”`;
  }
}

export function PrevYearForm({ live, view, save }: Props) {
  // The cells depend on the rows of the list tables; a new 款 row in T06 brings its own line.
  const cells = useMemo(() => prevCellsNeeded(live.template, live.engine), [live, view.version]);
  const fromDatabase = view.lastYear.kind === 'database';
  return (
    <div className="nv-prev">
      <p className={`nv-source nv-source-${view.lastYear.kind}`} role="status">
        {sourceText(view, live.ref.year)}
      </p>
      {fromDatabase ? (
        <p className="nv-note">如需改用手工填写的上年数，请先删除数据库中的上年报表。</p>
      ) : (
        <>
          <p className="nv-note">按上年决算公开表填写，金额单位：元。只需填写下列用于同比说明的数字，未填写的不作同比说明。</p>
          {cells.map((c) => (
            <FieldRow
              key={c.textKey}
              textKey={c.textKey}
              label={`${c.label}${c.kind === 'money' ? '（元）' : ''}`}
              multiline={false}
              stored={view.texts[c.textKey] ?? ''}
              check={(raw) => {
                const r = parseCellText(raw, c.kind);
                return r.ok ? null : `${c.label}：${r.message}`;
              }}
              save={(value) => save({ [c.textKey]: value })}
            />
          ))}
        </>
      )}
    </div>
  );
}
