/**
 * The audit panel beside the tables: counts by level, failing rules grouped by table, a click opens
 * the table at the offending cell; 提示 results take a written 出错说明 (强制 ones cannot).
 */
import { memo, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { explanationProblem } from '../../../shared/audit/explanations';
import type { AuditResult } from '../../../shared/audit/types';
import type { NarrativeCheckResult } from '../../../shared/narrative/check';
import type { Pack } from '../../../shared/pack/model';
import type { LiveNarrative } from '../narrative/liveNarrative';
import { useAutosave } from '../edit/useAutosave';
import { markAuditUpdated } from './auditPerf';
import type { LiveAudit } from './liveAudit';
import { NarrativeCheckGroup } from './NarrativeCheckGroup';
import './audit.css';

export interface AuditPanelProps {
  audit: LiveAudit;
  pack: Pack;
  selectedId: string | null;
  /** Open the result's table at its cell. */
  onSelect(result: AuditResult): void;
  /** Stores an explanation (null deletes it); resolves to an error text or null. */
  onExplain(result: AuditResult, text: string | null): Promise<string | null>;
  /** Cells of a result in words (收入支出决算总表 收入“总计”). */
  cellWords(result: AuditResult): string[];
  onReport(): void;
  /** The live 情况说明, whose checks against the tables are listed as 提示 after the tables' results. */
  narrative: LiveNarrative | null;
  onOpenNarrative(): void;
}

const NO_CHECKS: readonly NarrativeCheckResult[] = [];
const noSubscription = () => () => undefined;

/** Results beyond this per table are summarised, so a report full of faults stays responsive. */
const SHOWN_PER_TABLE = 200;

export function AuditPanel({ audit, pack, selectedId, onSelect, onExplain, cellWords, onReport, narrative, onOpenNarrative }: AuditPanelProps) {
  const view = useSyncExternalStore(audit.subscribe, audit.snapshot);
  const allNarrativeChecks = useSyncExternalStore(narrative?.subscribe ?? noSubscription, () => narrative?.snapshot().checks ?? NO_CHECKS);
  // N-0 (a field not yet written) is a to-do of the 情况说明 screen, not a disagreement with the tables.
  const narrativeChecks = useMemo(() => allNarrativeChecks.filter((c) => c.id !== 'N-0'), [allNarrativeChecks]);
  useLayoutEffect(() => markAuditUpdated(), [view.version]);
  const groups = useMemo(() => {
    const byTable = new Map<string, AuditResult[]>();
    for (const r of view.results) {
      const list = byTable.get(r.table) ?? [];
      list.push(r);
      byTable.set(r.table, list);
    }
    return pack.tables.filter((t) => byTable.has(t.id)).map((t) => ({ table: t, results: byTable.get(t.id) ?? [] }));
  }, [view.results, pack]);
  const counts = { ...view.counts, 提示: view.counts.提示 + narrativeChecks.length };
  const passed = counts.强制 + counts.提示 === 0;

  return (
    <aside className="audit-panel" aria-label="审核结果">
      <header className="audit-head">
        <h2>审核</h2>
        <button type="button" onClick={onReport} title="查看、打印或保存审核报告">
          审核报告
        </button>
      </header>
      <div className="audit-counts" role="status" aria-live="polite">
        <span className={`audit-count hard${counts.强制 ? ' on' : ''}`} data-level="强制">
          强制 <b>{counts.强制}</b>
        </span>
        <span className={`audit-count soft${counts.提示 ? ' on' : ''}`} data-level="提示">
          提示 <b>{counts.提示}</b>
        </span>
        {counts.提示 > 0 && (
          <span className="audit-count-note">
            已说明 {counts.explained}
            {counts.尾差 > 0 ? `，万元尾差 ${counts.尾差}` : ''}
          </span>
        )}
      </div>
      {passed ? (
        <p className="audit-passed">审核通过：没有未通过的审核规则。</p>
      ) : counts.强制 > 0 ? (
        <p className="audit-blocking">有强制审核规则未通过，改正后才能导出报送。</p>
      ) : (
        <p className="audit-ok">强制规则全部通过；提示可填写出错说明。</p>
      )}
      {view.notEvaluated.length > 0 && (
        <p className="audit-skipped" title="数据库中没有本单位上一年度的报表，或没有上一年度的报表格式">
          未审核（数据库中没有本单位上年报表）：
          {view.notEvaluated.map((id) => `${id} ${pack.rules?.find((r) => r.id === id)?.title ?? ''}`.trim()).join('；')}
        </p>
      )}
      <div className="audit-groups">
        {groups.map(({ table, results }) => (
          <section key={table.id} className="audit-group" aria-label={`${table.code} ${table.title}`}>
            <h3>
              <span className="tab-code">{table.code}</span> {table.title} <span className="audit-group-n">{results.length}</span>
            </h3>
            <ul>
              {results.slice(0, SHOWN_PER_TABLE).map((r) => (
                <ResultItem
                  key={r.id}
                  result={r}
                  selected={r.id === selectedId}
                  onSelect={onSelect}
                  onExplain={onExplain}
                  cellWords={cellWords}
                />
              ))}
            </ul>
            {results.length > SHOWN_PER_TABLE && <p className="audit-more">另有 {results.length - SHOWN_PER_TABLE} 条，见审核报告</p>}
          </section>
        ))}
        <NarrativeCheckGroup checks={narrativeChecks} onOpen={onOpenNarrative} />
      </div>
    </aside>
  );
}

interface ItemProps {
  result: AuditResult;
  selected: boolean;
  onSelect(result: AuditResult): void;
  onExplain(result: AuditResult, text: string | null): Promise<string | null>;
  cellWords(result: AuditResult): string[];
}

const ResultItem = memo(function ResultItem({ result, selected, onSelect, onExplain, cellWords }: ItemProps) {
  const hard = result.level === '强制';
  return (
    <li className={`audit-item ${hard ? 'hard' : 'soft'}${selected ? ' selected' : ''}`} data-result={result.id}>
      <button type="button" className="audit-item-main" onClick={() => onSelect(result)} title="打开所在表格并选中出错的单元格">
        <span className="audit-level">{result.tail ? '提示·尾差' : result.level}</span>
        <span className="audit-rule">{result.ruleId}</span>
        <span className="audit-message">{result.message}</span>
      </button>
      {result.explanation && !selected && <p className="audit-explanation">说明：{result.explanation}</p>}
      {selected && (
        <div className="audit-detail">
          <p className="audit-cells">涉及：{cellWords(result).join('；') || '（无本年单元格）'}</p>
          {hard ? (
            <p className="audit-hard-note">强制规则必须改正数据，不能用说明代替。</p>
          ) : (
            <ExplainBox result={result} onExplain={onExplain} />
          )}
        </div>
      )}
    </li>
  );
});

function ExplainBox({ result, onExplain }: { result: AuditResult; onExplain: ItemProps['onExplain'] }) {
  const [text, setText] = useState(result.explanation ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (value: string | null, typing = false) => {
    const problem = value === null ? null : explanationProblem(result, value);
    if (problem) {
      // While typing, a too-short text just waits; the 保存说明 button says why.
      if (!typing) setError(problem);
      return;
    }
    if (typing && (value ?? '').trim() === (result.explanation ?? '').trim()) return;
    if (!typing) setBusy(true);
    const failed = await onExplain(result, value);
    if (!typing) setBusy(false);
    setError(failed);
    if (!failed && value === null) setText('');
  };
  useAutosave(() => void save(text, true), text);
  return (
    <div className="audit-explain">
      <label>
        出错说明（至少 6 个字）
        <textarea
          value={text}
          rows={2}
          maxLength={2000}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          placeholder="写明差异的原因，例如：本年收回以前年度支出，年末结余相应调整"
        />
      </label>
      <div className="audit-explain-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void save(text)}>
          保存说明
        </button>
        {result.explanation && (
          <button type="button" disabled={busy} onClick={() => void save(null)}>
            删除说明
          </button>
        )}
        {result.explanation && !error && <span className="audit-saved">已保存</span>}
      </div>
      {error && (
        <p className="audit-explain-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
