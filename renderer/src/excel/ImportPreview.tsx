import type { ImportPlanView } from '../../../shared/api/xlsxPlan';
import { LINES_SHOWN, planSections, planSummary, sourceUnitText } from './planView';

interface Props {
  plan: ImportPlanView;
  /** The clerk picked the sheet to use for a table that several sheets claim. */
  onChoose?(table: string, sheet: string): void;
  /** Busy re-reading the file with a new choice. */
  busy?: boolean;
}

/** What importing the file would do, section by section, each line with its sheet and cell. */
export function ImportPreview({ plan, onChoose, busy = false }: Props) {
  const sections = planSections(plan);
  return (
    <div className="import-preview">
      <p className="import-summary">{planSummary(plan)}</p>
      <ul className="import-facts">
        <li>
          导入到：{plan.unitName}（{plan.unit}）{plan.year} 年度
        </li>
        <li>
          识别的表：
          {plan.tables.length === 0 ? '无' : plan.tables.map((t) => `${t.title}（工作表“${t.sheet}”）`).join('；')}
        </li>
        {plan.replaces && <li className="import-replaces">{plan.replaces}。</li>}
        <li className={plan.sourceUnit === '万元' ? 'import-warn-text' : undefined}>{sourceUnitText(plan)}</li>
        {plan.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      {plan.conflicts.map((c) => (
        <fieldset key={c.table} className="import-conflict" aria-label={`选择${c.title}所在的工作表`}>
          <h3>
            请选择：文件中有 {c.sheets.length} 张工作表都是{c.title.startsWith('“') ? c.title : `“${c.title}”`}
          </h3>
          <p className="import-hint">选定之前，这张表不会导入。</p>
          {c.sheets.map((sheet) => (
            <label key={sheet}>
              <input type="radio" name={`choose-${c.table}`} disabled={busy} onChange={() => onChoose?.(c.table, sheet)} />
              使用工作表“{sheet}”
            </label>
          ))}
        </fieldset>
      ))}
      {sections.map((s) => (
        <section key={s.key} className={`import-section import-${s.tone}`} aria-label={s.title}>
          <h3>
            {s.title}
            <span className="import-count">{s.lines.length}</span>
          </h3>
          {s.hint && <p className="import-hint">{s.hint}</p>}
          <ul>
            {s.lines.slice(0, LINES_SHOWN).map((line, i) => (
              <li key={i}>
                {line.place && <span className="import-place">{line.place}</span>}
                <span>{line.text}</span>
              </li>
            ))}
            {s.lines.length > LINES_SHOWN && <li className="import-more">……另有 {s.lines.length - LINES_SHOWN} 项未列出</li>}
          </ul>
        </section>
      ))}
    </div>
  );
}
