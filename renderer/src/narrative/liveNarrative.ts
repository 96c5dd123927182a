/**
 * The 情况说明 of the open report, kept current: the same generateNarrative and checkNarrative the
 * exports and the CLI use, over the session's live engine, the report's texts and last year's
 * figures. Regeneration is lazy — an edit only marks the document stale, and it is rebuilt when
 * someone reads it — so typing in the tables costs nothing while no one is looking at the narrative.
 */
import type { Api, CellKey, FileResult, ReportRef } from '../../../shared/api/contract';
import type { ReportEngineApi } from '../../../shared/engine/types';
import { checkNarrative, type NarrativeCheckResult } from '../../../shared/narrative/check';
import type { NarrativeDoc } from '../../../shared/narrative/document';
import { editsFromTexts } from '../../../shared/narrative/edits';
import { generateNarrative, type LastYearValues, type NarrativeOptions } from '../../../shared/narrative/generate';
import { lastYearFromTexts } from '../../../shared/narrative/lastYear';
import { narrativeOptions } from '../../../shared/narrative/options';
import type { NarrativeTemplate } from '../../../shared/narrative/template';
import type { ValueKind } from '../../../shared/pack/model';

/** Where the 上年数 come from: year Y−1 in the database, figures typed in the 上年数 form, or none. */
export type LastYearSource = { kind: 'database'; year: number } | { kind: 'typed' } | { kind: 'none' };

export interface NarrativeView {
  doc: NarrativeDoc;
  /** Paragraph id → the clerk's rewrite. */
  edits: Readonly<Record<string, string>>;
  checks: readonly NarrativeCheckResult[];
  texts: Readonly<Record<string, string>>;
  options: NarrativeOptions;
  lastYear: LastYearSource;
  /** False until the texts and last year's report have been read. */
  loaded: boolean;
  /** Milliseconds the last regeneration took (generate + check), shown to nobody; for the bench. */
  millis: number;
  version: number;
}

/** What the narrative needs of the open report (ReportSession provides it). */
export interface NarrativeSource {
  readonly engine: ReportEngineApi;
  readonly unit: { name: string; code: string };
  readonly year: number;
  on(listener: { cells?(keys: CellKey[]): void; rows?(table: string): void }): () => void;
}

export class LiveNarrative {
  private readonly listeners = new Set<() => void>();
  private texts: Record<string, string> = {};
  private previous: LastYearValues | null = null;
  private previousYear: number | null = null;
  private loaded = false;
  private stale = true;
  private version = 0;
  private view: NarrativeView | null = null;
  private readonly detach: () => void;

  constructor(
    private readonly api: Api,
    private readonly source: NarrativeSource,
    readonly template: NarrativeTemplate,
  ) {
    this.detach = source.on({ cells: () => this.invalidate(), rows: () => this.invalidate() });
  }

  get ref(): ReportRef {
    return { unit: this.source.unit.code, year: this.source.year };
  }

  get engine(): ReportEngineApi {
    return this.source.engine;
  }

  dispose(): void {
    this.detach();
    this.listeners.clear();
  }

  /** The report's texts and last year's report, read once when the report opens. */
  load(texts: Readonly<Record<string, string>>, previous: { year: number; values: LastYearValues } | null): void {
    this.texts = { ...texts };
    this.previous = previous?.values ?? null;
    this.previousYear = previous?.year ?? null;
    this.loaded = true;
    this.invalidate();
  }

  /** For useSyncExternalStore. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): NarrativeView => {
    if (this.stale || !this.view) this.view = this.build();
    return this.view;
  };

  /**
   * Stores texts (null deletes one); the document shows them only once the store has them, so the
   * screen never shows words that are not on disk. Throws the store's error.
   */
  async saveTexts(patch: Record<string, string | null>): Promise<void> {
    const { texts } = await this.api.setTexts({ ...this.ref, texts: patch });
    this.texts = { ...texts };
    this.invalidate();
  }

  /** The document as the back end writes it (the same generator, over what the store holds). */
  exportFile(format: 'txt' | 'docx', allowUnfilled = false): Promise<FileResult> {
    return this.api.exportNarrative({ ...this.ref, format, ...(allowUnfilled ? { allowUnfilled: true } : {}) });
  }

  private invalidate(): void {
    this.stale = true;
    for (const l of this.listeners) l();
  }

  private kindOf = (table: string, row: string, col: string): ValueKind => this.source.engine.kindOf(table, row, col) ?? 'money';

  private lastYear(): { values: LastYearValues | null; source: LastYearSource } {
    if (this.previous && this.previousYear !== null) return { values: this.previous, source: { kind: 'database', year: this.previousYear } };
    const typed = lastYearFromTexts(this.texts, (t, r, c) => (this.source.engine.tableIds().includes(t) ? this.kindOf(t, r, c) : 'money'));
    return typed ? { values: typed, source: { kind: 'typed' } } : { values: null, source: { kind: 'none' } };
  }

  private build(): NarrativeView {
    const started = performance.now();
    const options = narrativeOptions(this.texts);
    const last = this.lastYear();
    const doc = generateNarrative({
      template: this.template,
      report: this.source.engine,
      unitName: this.source.unit.name,
      year: this.source.year,
      texts: this.texts,
      lastYear: last.values,
      options,
    });
    const edits = editsFromTexts(this.texts);
    const checks = checkNarrative(doc, edits);
    this.stale = false;
    this.version += 1;
    return {
      doc,
      edits,
      checks,
      texts: this.texts,
      options,
      lastYear: last.source,
      loaded: this.loaded,
      millis: performance.now() - started,
      version: this.version,
    };
  }
}
