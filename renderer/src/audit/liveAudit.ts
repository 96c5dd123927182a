/**
 * The live audit of the open report: the same AuditEngine the CLI and the exports use, fed with the
 * keys each committed edit changed, so the panel and the cell marks follow the clerk's typing.
 * Listeners are called synchronously from the session's `cells` event, which is what lets React
 * paint the panel in the same frame as the edited cell.
 */
import type { CellKey, Unit } from '../../../shared/api/contract';
import { AuditEngine, SOURCE_UNIT_KEY } from '../../../shared/audit/auditEngine';
import { buildAuditReport, cellWords, type AuditReport } from '../../../shared/audit/auditReport';
import { EXPLAIN_PREFIX } from '../../../shared/audit/explanations';
import type { KindScope } from '../../../shared/audit/kindScope';
import type { RuleSet } from '../../../shared/audit/loadRules';
import type { AuditLevel } from '../../../shared/audit/ruleModel';
import type { AuditResult } from '../../../shared/audit/types';
import type { ReportEngine } from '../../../shared/engine/reportEngine';

export interface AuditSource {
  readonly engine: ReportEngine;
  readonly unit: Unit;
  readonly year: number;
  /** A department with units of several kinds: what the kind-restricted checks read. */
  readonly kindScope?: KindScope | null;
  on(listener: { cells?(keys: CellKey[]): void; rows?(table: string): void }): () => void;
}

export interface AuditCounts {
  强制: number;
  提示: number;
  尾差: number;
  explained: number;
}

export interface AuditView {
  results: readonly AuditResult[];
  counts: AuditCounts;
  /** Offending cells and the strongest level failing on them. */
  marks: ReadonlyMap<CellKey, AuditLevel>;
  /** Rules not evaluated for want of last year's report. */
  notEvaluated: readonly string[];
  /** Bumped on every change, for memo keys. */
  version: number;
}

/** Texts the audit reads: explanations and the source unit of an imported workbook. */
export function auditTexts(texts: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(texts)) if (key.startsWith(EXPLAIN_PREFIX) || key === SOURCE_UNIT_KEY) out[key] = value;
  return out;
}

/** The cells a result is marked on: its left side (the cell the rule is about), else its focus. */
export function markedCells(result: AuditResult): readonly CellKey[] {
  if (result.left.cells.length > 0) return result.left.cells;
  return result.focus ? [result.focus] : [];
}

function viewOf(audit: AuditEngine, version: number): AuditView {
  const results = audit.results();
  const counts: AuditCounts = { 强制: 0, 提示: 0, 尾差: 0, explained: 0 };
  const marks = new Map<CellKey, AuditLevel>();
  for (const r of results) {
    counts[r.level]++;
    if (r.tail) counts.尾差++;
    if (r.explanation) counts.explained++;
    for (const key of markedCells(r)) if (marks.get(key) !== '强制') marks.set(key, r.level);
  }
  return { results, counts, marks, notEvaluated: audit.notEvaluated(), version };
}

export class LiveAudit {
  private readonly audit: AuditEngine;
  private readonly listeners = new Set<() => void>();
  private view: AuditView;
  private texts: Record<string, string>;
  private readonly detach: () => void;

  constructor(
    private readonly source: AuditSource,
    rules: RuleSet,
    texts: Readonly<Record<string, string>>,
    previous: ReportEngine | null,
  ) {
    this.texts = auditTexts(texts);
    this.audit = new AuditEngine(source.engine, rules, { unitKind: source.unit.kind, texts: this.texts, previous, kindScope: source.kindScope ?? null });
    this.view = viewOf(this.audit, 0);
    this.detach = source.on({
      cells: (keys) => this.apply(this.audit.update(keys)),
      rows: () => this.apply(this.audit.rowsChanged()),
    });
  }

  dispose(): void {
    this.detach();
    this.listeners.clear();
  }

  /** For useSyncExternalStore. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): AuditView => this.view;

  text(key: string): string | undefined {
    return this.texts[key];
  }

  /** After setTexts stored explanations (or the source unit): the texts the store now holds. */
  textsChanged(texts: Readonly<Record<string, string>>): void {
    this.texts = auditTexts(texts);
    this.apply(this.audit.setTexts(this.texts));
  }

  /** Last year's report arrived (or went). */
  setPrevious(previous: ReportEngine | null): void {
    this.apply(this.audit.setPrevious(previous));
  }

  find(id: string): AuditResult | undefined {
    return this.view.results.find((r) => r.id === id);
  }

  /** The cells of both sides of a result, in words (收入支出决算总表 收入“总计”). */
  cellWords(result: AuditResult): string[] {
    return [...result.left.cells, ...result.right.cells].map((key) => cellWords(this.source.engine, key));
  }

  report(): AuditReport {
    return buildAuditReport(this.source.engine, this.view.results, {
      unitName: `${this.source.unit.name}（${this.source.unit.code}）`,
      year: this.source.year,
      notEvaluated: [...this.view.notEvaluated],
    });
  }

  /**
   * Every update notifies, even one that changed no result: the panel then marks the moment the
   * audit caught up with the edit (the keystroke-to-panel figure), while an unchanged result list
   * keeps its identity so nothing below the counts re-renders.
   */
  private apply(delta: { added: string[]; removed: string[]; updated: string[] }): void {
    const changed = delta.added.length + delta.removed.length + delta.updated.length > 0;
    const version = this.view.version + 1;
    this.view = changed || this.view.notEvaluated.length !== this.audit.notEvaluated().length ? viewOf(this.audit, version) : { ...this.view, version };
    for (const l of this.listeners) l();
  }
}
