/**
 * The clerk's side of the 情况说明: the template's forms (说明文字, 基本情况, 政府采购, 资产处置和出租,
 * 预算数) and the 上年数 form, one at a time. Fields the document is waiting for are highlighted.
 */
import { checkFieldValue } from '../../../shared/narrative/fieldValues';
import type { FormDef } from '../../../shared/narrative/template';
import type { NarrativeView } from './liveNarrative';
import { FieldRow } from './FieldRow';
import { PrevYearForm } from './PrevYearForm';
import type { LiveNarrative } from './liveNarrative';

export const PREV_FORM = 'prev';

interface Props {
  live: LiveNarrative;
  view: NarrativeView;
  formId: string;
  onForm(id: string): void;
  /** Keys of fields and form values the document shows as «…» placeholders. */
  wanted: ReadonlySet<string>;
  save(patch: Record<string, string | null>): Promise<string | null>;
}

function missingIn(form: FormDef, wanted: ReadonlySet<string>): number {
  return form.fields.filter((f) => wanted.has(f.key)).length;
}

export function NarrativeForms({ live, view, formId, onForm, wanted, save }: Props) {
  const forms = live.template.forms;
  const form = forms.find((f) => f.id === formId);
  return (
    <section className="nv-forms" aria-label="情况说明填写">
      <nav className="nv-form-tabs" role="tablist" aria-label="填写项目">
        {forms.map((f) => {
          const missing = missingIn(f, wanted);
          return (
            <button key={f.id} type="button" role="tab" aria-selected={f.id === formId} className={f.id === formId ? 'on' : undefined} onClick={() => onForm(f.id)}>
              {f.title}
              {missing > 0 && (
                <span className="nv-badge" title={`有 ${missing} 项待填写`}>
                  {missing}
                </span>
              )}
            </button>
          );
        })}
        <button type="button" role="tab" aria-selected={formId === PREV_FORM} className={formId === PREV_FORM ? 'on' : undefined} onClick={() => onForm(PREV_FORM)}>
          上年数
        </button>
      </nav>
      <div className="nv-form-body">
        {formId === PREV_FORM ? (
          <PrevYearForm live={live} view={view} save={save} />
        ) : (
          form && (
            <>
              {form.note && <p className="nv-note">{form.note}</p>}
              {form.fields.map((f) => (
                <FieldRow
                  key={f.key}
                  textKey={f.key}
                  label={f.label}
                  multiline={f.kind === 'longtext' || f.kind === 'lines'}
                  stored={view.texts[f.key] ?? ''}
                  hint={f.hint ?? (f.kind === 'lines' ? '每行一个' : undefined)}
                  wanted={wanted.has(f.key)}
                  check={(raw) => checkFieldValue(f, raw)}
                  save={(value) => save({ [f.key]: value })}
                />
              ))}
            </>
          )
        )}
      </div>
    </section>
  );
}
