import { useState } from 'react';
import type { CatalogueChange, CataloguePlanView } from '../../../shared/api/catalogueContract';
import type { Api } from '../../../shared/api/contract';
import { PlanDialog, refusal, useFilePlan } from '../excel/PlanDialog';
import './catalogue.css';

interface Props {
  api: Api;
  year: number;
  notify(kind: 'error' | 'info', text: string): void;
  onClose(): void;
  /** The catalogue was kept: the year's reports must be opened again to use it. */
  onImported(): void;
}

type State =
  | { kind: 'choose' }
  | { kind: 'reading'; file: File }
  | { kind: 'preview'; file: File; planId: string; plan: CataloguePlanView }
  | { kind: 'committing'; file: File; planId: string; plan: CataloguePlanView };

/** Lines shown per list; the rest are counted (a bureau file changes hundreds of 科目). */
const SHOWN = 200;

function ChangeList({ title, items, show }: { title: string; items: CatalogueChange[]; show(c: CatalogueChange): string }) {
  return (
    <section className="catalogue-changes" aria-label={title}>
      <h3>
        {title}：{items.length} 个
      </h3>
      {items.length > 0 && (
        <ul>
          {items.slice(0, SHOWN).map((c) => (
            <li key={c.code}>
              <span className="catalogue-code">{c.code}</span> {show(c)}
            </li>
          ))}
          {items.length > SHOWN && <li className="catalogue-more">……另有 {items.length - SHOWN} 个</li>}
        </ul>
      )}
    </section>
  );
}

/**
 * 导入科目目录: the bureau's 《政府收支分类科目》 for the open year, previewed (added, renamed and
 * removed 科目) before anything changes; 确认导入 keeps it with the database for that year.
 */
export function CatalogueImportDialog({ api, year, notify, onClose, onImported }: Props) {
  const [state, setState] = useState<State>({ kind: 'choose' });
  const file = state.kind === 'choose' ? null : state.file;

  useFilePlan(
    file,
    (fileName, base64) => api.planCatalogueImport({ year, fileName, base64 }),
    (result) => {
      if (!file) return;
      if (result.ok) setState({ kind: 'preview', file, ...result.value });
      else {
        notify('error', refusal(file.name, result.error, '科目目录'));
        setState({ kind: 'choose' });
      }
    },
    [api, year],
  );

  const commit = async () => {
    if (state.kind !== 'preview') return;
    setState({ ...state, kind: 'committing' });
    try {
      const result = await api.commitCatalogueImport({ planId: state.planId });
      notify('info', `已导入 ${result.year} 年度科目目录“${state.file.name}”：${result.entries} 个科目，此后该年度的报表使用此目录`);
      onImported();
      onClose();
    } catch (err) {
      notify('error', refusal(state.file.name, err, '科目目录'));
      onClose();
    }
  };

  const plan = state.kind === 'preview' || state.kind === 'committing' ? state.plan : null;
  return (
    <PlanDialog
      label="导入科目目录"
      className="catalogue-dialog"
      title={`导入 ${year} 年度科目目录${file ? `：${file.name}` : ''}`}
      ready={state.kind === 'preview'}
      committing={state.kind === 'committing'}
      onConfirm={() => void commit()}
      onClose={onClose}
    >
      {state.kind === 'choose' ? (
        <div className="catalogue-lead">
          <p>
            选择财政部门下发的《政府收支分类科目》（.xlsx 或 .csv）。文件中需有“科目编码”和“科目名称”栏（或“类”“款”“项”栏）；类、款、项按编码位数区分。
          </p>
          <p>
            导入前会列出新增、改名和删除的科目；确认后目录保存在本数据库中，此后 {year} 年度的报表使用此目录。报表中已用而新目录没有的科目保留在报表中，标为“目录外”。
          </p>
          <label className="catalogue-file">
            选择文件：
            <input
              type="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-label="选择科目目录文件"
              onChange={(e) => {
                const picked = e.target.files?.[0];
                e.target.value = '';
                if (picked) setState({ kind: 'reading', file: picked });
              }}
            />
          </label>
        </div>
      ) : !plan ? (
        <p className="catalogue-lead">正在读取文件…</p>
      ) : (
        <>
          <p className="catalogue-lead">
            文件（工作表“{plan.sheet}”）中有 类 {plan.counts.类} 个、款 {plan.counts.款} 个、项 {plan.counts.项} 个，将作为 {plan.year} 年度的
            {plan.catalogueTitle}（报表格式 {plan.packId}）保存在数据库中；现用目录来自
            {plan.current === 'pack' ? '程序自带的数据包' : '此前导入的文件'}。确认前不会改动任何数据。
          </p>
          <div className="catalogue-lists">
            <ChangeList title="新增科目" items={plan.added} show={(c) => `${c.name}（${c.level}）`} />
            <ChangeList title="改名科目" items={plan.renamed} show={(c) => `${c.before ?? ''} → ${c.name}`} />
            <ChangeList title="删除科目" items={plan.removed} show={(c) => `${c.name}（${c.level}）`} />
          </div>
          {plan.stillUsed.length > 0 && (
            <p className="catalogue-note" role="note">
              已删除但本年度报表仍在使用的科目（保留在报表中并标为“目录外”，审核提示 G-1）：{plan.stillUsed.join('、')}
            </p>
          )}
          {plan.skipped.length > 0 && (
            <details className="catalogue-note">
              <summary>未读入的行：{plan.skipped.length} 行</summary>
              <ul>
                {plan.skipped.slice(0, SHOWN).map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </PlanDialog>
  );
}
