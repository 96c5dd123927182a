/**
 * Open reports and their engines, shared by the Api and the report-file import. One engine per open
 * report is cached; it changes only after the store has committed, so it never shows a value the
 * database does not hold. All mutations run one after another (`serial`), so a row removal cannot
 * slip between another call's check and its write.
 *
 * A second writer (the CLI while the app is open, a second window) is noticed through
 * `PRAGMA data_version`, read before every open: when another connection committed, every cached
 * report is re-read before use, and a report whose data did change gets a new `generation` (the
 * screen polls it and reloads). Writes carry the version their checks were made at, so a write
 * decided on old data is refused by the store, and then tried once more on the fresh data.
 */
import type { BackupReason, ReportData, ReportRef, Unit } from '../../shared/api/contract';
import { engineData } from '../../shared/engine/engineData';
import { AppError } from '../../shared/api/errors';
import { ReportEngine } from '../../shared/engine/reportEngine';
import type { KindScope } from '../../shared/audit/kindScope';
import type { Pack } from '../../shared/pack/model';
import { packForYear } from '../../shared/pack/years';
import { subjectNamesFromTexts, type SubjectNames } from '../../shared/pack/clerkSubjects';
import { withYearCatalogues } from '../../shared/pack/yearCatalogues';
import type { CatalogueEntry } from '../../shared/pack/model';
import { subjectSource } from '../../shared/engine/layout';
import { loadYearCatalogues } from './store/yearCatalogues';

/**
 * The report's own 科目: those named in its texts, and rows the year's catalogue (the bureau's file)
 * no longer has — they keep the name the shipped catalogue gives them, so no row is ever dropped.
 */
export function reportSubjects(pack: Pack, base: Pack, rows: Record<string, string[]>, texts: Record<string, string>): SubjectNames {
  const out = subjectNamesFromTexts(texts);
  if (pack === base) return out;
  for (const [table, codes] of Object.entries(rows)) {
    const def = pack.tables.find((t) => t.id === table);
    const catalogue = def ? subjectSource(def)?.catalogue : undefined;
    if (!catalogue) continue;
    const have = new Set(pack.catalogues[catalogue]?.entries.map((e) => e.code));
    const names = new Map(base.catalogues[catalogue]?.entries.map((e) => [e.code, e.name]));
    for (const code of codes) {
      if (have.has(code) || out[catalogue]?.[code]) continue;
      (out[catalogue] ??= {})[code] = names.get(code) ?? code;
      // Parents the file lacks too keep their shipped names.
      const lengths = base.catalogues[catalogue]?.codeLength;
      for (const len of lengths ? [lengths.款, lengths.类] : []) {
        const parent = code.slice(0, len);
        const name = names.get(parent);
        if (!have.has(parent) && name && !out[catalogue]?.[parent]) (out[catalogue] ??= {})[parent] = name;
      }
    }
  }
  return out;
}
import { buildLenientEngine } from './lenientEngine';
import { StaleDataError } from './store/database';
import { perfText } from './perf/perfStore';
import type { ReportStore } from './store/reportStore';

/** The backup service as the sessions see it (see backup/backupService.ts). */
export interface BackupHook {
  backupNow(reason: BackupReason): Promise<{ path: string }>;
}

export type { BackupReason };

export interface Session {
  /** The stored report's id; 0 while nothing of it is stored (looking creates nothing), −1 for a consolidated report. */
  reportId: number;
  unit: Unit;
  year: number;
  /** The year's format, with the year's own catalogues (imported from the bureau's file) when kept. */
  pack: Pack;
  /** The catalogues the database keeps for this year and the pack uses, by id. */
  yearCatalogues: Record<string, CatalogueEntry[]>;
  engine: ReportEngine;
  texts: Record<string, string>;
  /** Stored items the pack cannot take (named, kept in the database, left out of the engine). */
  unfit: string[];
  /** A department's consolidated report (部门汇总): computed, read-only. */
  consolidated?: boolean;
  /** A department with units of several kinds: what the kind-restricted checks read. */
  kindScope?: KindScope | null;
  /**
   * The 绩效自评 data as last read or written here, as text: the engine does not hold it, so a 绩效 change
   * made elsewhere is told by comparing this (the screen then reloads like for a cell changed elsewhere).
   */
  perfText?: string;
}

function stateText(engine: ReportEngine, texts: Record<string, string>): string {
  const sorted = (record: Record<string, unknown>) => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([sorted(engine.inputs()), sorted(engine.addedRows()), sorted(texts), sorted(engine.strings())]);
}

/** Opens consolidated reports (the consolidation service plugs itself in here). */
export interface ConsolidatedOpener {
  open(ref: ReportRef): Promise<Session>;
  /** True when at least one unit of the department has a report for the year. */
  exists(dept: string, year: number): Promise<boolean>;
  /** A unit's report appeared or vanished, or its rows changed: consolidations of the year are rebuilt. */
  invalidate(year?: number): void;
}

function sessionKey(ref: ReportRef): string {
  return `${ref.unit}\u0000${ref.year}`;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class ReportSessions {
  private readonly sessions = new Map<string, Session>();
  private tail: Promise<unknown> = Promise.resolve();
  private seenVersion: number | undefined;
  /** Cached reports to re-read before use: another connection committed since they were read. */
  private readonly suspect = new Set<string>();
  private readonly generations = new Map<string, number>();
  /** Commits by other connections seen so far: a consolidated report (from many units) changes with any of them. */
  private elsewhere = 0;
  /** Set by createServices; without it (unit tests of the sessions alone) no backups are taken. */
  backups: BackupHook | undefined;
  consolidated: ConsolidatedOpener | null = null;

  constructor(
    readonly store: ReportStore,
    readonly packs: readonly Pack[],
  ) {}

  /** Runs mutations one at a time, in call order. */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /**
   * The pack a year's report uses: the year's own, or else the following year's — the year before
   * the first pack holds last year's figures (上年数), typed or imported from last year's workbook.
   */
  packForYear(year: number): Pack {
    const pack = packForYear(this.packs, year);
    if (pack) return pack;
    const years = this.packs.map((p) => (p.years.from === p.years.to ? `${p.years.from}` : `${p.years.from}–${p.years.to}`)).sort().join('、') || '无';
    throw new AppError(`没有 ${year} 年度的报表格式（已安装的年度：${years}；上一年度的数据按下一年度的格式填写或导入）`);
  }

  packById(id: string): Pack {
    const pack = this.packs.find((p) => p.id === id);
    if (!pack) {
      const known = this.packs.map((p) => p.id).join('、') || '无';
      throw new AppError(`没有报表格式 ${id}（已安装：${known}）`);
    }
    return pack;
  }

  async requireUnit(code: string): Promise<Unit> {
    const unit = await this.store.getUnit(code);
    if (!unit) throw new AppError(`单位 ${code} 不存在，请先添加该单位`);
    return unit;
  }

  /**
   * Takes a backup now (before an import, a roll-over, a restore, a report deletion) and returns its
   * path; null without a backup service (unit tests of the services alone).
   */
  async backupNow(reason: BackupReason): Promise<string | null> {
    return (await this.backups?.backupNow(reason))?.path ?? null;
  }

  /** The data version the cached reports were checked at (writes pass it to the store). */
  get dataVersion(): number | undefined {
    return this.seenVersion;
  }

  /** Reads `PRAGMA data_version`; when another connection committed, marks every cached report for re-reading. */
  async sync(): Promise<void> {
    const version = await this.store.db.dataVersion();
    if (this.seenVersion !== undefined && version !== this.seenVersion) {
      for (const key of this.sessions.keys()) this.suspect.add(key);
      this.elsewhere += 1;
    }
    this.seenVersion = version;
  }

  /** Changes when another connection changed the report since it was opened here; the screen polls it. */
  async generation(ref: ReportRef): Promise<number> {
    await this.open(ref);
    // A department's consolidation sums its units' reports: any change made elsewhere may change it.
    if (ref.consolidated) return this.elsewhere;
    return this.generations.get(sessionKey(ref)) ?? 0;
  }

  /** The generation without checking the database again (to tell whether a call's own open re-read the report). */
  peekGeneration(ref: ReportRef): number {
    return this.generations.get(sessionKey(ref)) ?? 0;
  }

  /** Forgets every cached report and counts them all as changed (after this process restored a backup). */
  invalidateAll(): void {
    this.elsewhere += 1;
    for (const key of new Set([...this.sessions.keys(), ...this.generations.keys()])) {
      this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    }
    this.sessions.clear();
    this.suspect.clear();
  }

  /**
   * Runs a write decided on an open report: `work` gets the fresh session and the data version to
   * hand to the store. If another connection committed in between, the store refuses it; then the
   * report is re-read and `work` runs once more, so its checks see the current data.
   */
  async write<T>(ref: ReportRef, work: (session: Session, dataVersion: number | undefined) => Promise<T>): Promise<T> {
    try {
      return await work(await this.open(ref), this.seenVersion);
    } catch (err) {
      if (!(err instanceof StaleDataError)) throw err;
    }
    return work(await this.open(ref), this.seenVersion);
  }

  /** Builds an engine over stored data; data the pack cannot take is reported, not dropped. */
  buildEngine(
    pack: Pack,
    rows: Record<string, string[]>,
    inputs: Record<string, number>,
    what: string,
    subjects?: SubjectNames,
    extra: { strings?: Record<string, string>; texts?: Record<string, string> } = {},
  ): ReportEngine {
    try {
      return new ReportEngine(pack, engineData({ rows, inputs, ...extra }, subjects));
    } catch (err) {
      throw new AppError(`${what}与报表格式 ${pack.id} 不一致：${messageOf(err)}`);
    }
  }

  private readonly yearCatalogueCache = new Map<number, Record<string, CatalogueEntry[]>>();

  /** The catalogues kept for a year in the database (bureau's files), by id. */
  async yearCatalogues(year: number): Promise<Record<string, CatalogueEntry[]>> {
    let found = this.yearCatalogueCache.get(year);
    if (!found) {
      found = {};
      for (const [id, c] of await loadYearCatalogues(this.store.db, year)) found[id] = c.entries;
      this.yearCatalogueCache.set(year, found);
    }
    return found;
  }

  /** A year's catalogue was replaced: reports of that year open again with it. */
  forgetYear(year: number): void {
    this.yearCatalogueCache.delete(year);
    for (const [key, session] of this.sessions) if (session.year === year) this.sessions.delete(key);
  }

  /** The pack a report of `year` uses: the format with the year's own catalogues. */
  async packOfYear(base: Pack, year: number): Promise<{ pack: Pack; yearCatalogues: Record<string, CatalogueEntry[]> }> {
    const kept = await this.yearCatalogues(year);
    const pack = withYearCatalogues(base, year, kept);
    const used = Object.fromEntries(Object.entries(kept).filter(([id]) => pack.catalogues[id]?.entries === kept[id]));
    return { pack, yearCatalogues: used };
  }

  /**
   * The open report of a unit for a year. `reload` re-reads it from the store. A report not yet stored
   * is opened empty and NOT created: it is stored on its first write (storedId), so looking at a year
   * leaves nothing behind.
   */
  async open(ref: ReportRef, reload = false): Promise<Session> {
    await this.sync();
    if (ref.consolidated) {
      if (!this.consolidated) throw new AppError('部门汇总不可用');
      return this.consolidated.open(ref);
    }
    const key = sessionKey(ref);
    const cached = this.sessions.get(key);
    const stale = this.suspect.delete(key);
    if (cached && !reload && !stale) return cached;
    const unit = await this.requireUnit(ref.unit);
    const existing = await this.store.findReport(ref.unit, ref.year);
    const base = existing ? this.packById(existing.packId) : this.packForYear(ref.year);
    const { pack, yearCatalogues } = await this.packOfYear(base, ref.year);
    const data: ReportData = existing ? await this.store.loadReportData(existing.id) : { rows: {}, inputs: {}, texts: {} };
    const { engine, unfit } = buildLenientEngine(pack, engineData(data, reportSubjects(pack, base, data.rows, data.texts)));
    const perf = existing ? await perfText(this.store.db, existing.id) : '';
    const session: Session = { reportId: existing?.id ?? 0, unit, year: ref.year, pack, yearCatalogues, engine, texts: data.texts, unfit, perfText: perf };
    const changed = (c: Session) =>
      c.reportId !== session.reportId || JSON.stringify(c.unit) !== JSON.stringify(unit) || stateText(c.engine, c.texts) !== stateText(engine, session.texts) || (c.perfText ?? '') !== perf;
    if (cached && stale && changed(cached)) {
      this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    }
    this.sessions.set(key, session);
    return session;
  }

  /** The stored report's id, creating the report on the first write to it. Consolidated reports are never written. */
  async storedId(session: Session): Promise<number> {
    if (session.consolidated) throw new AppError('部门汇总表由所属单位的报表汇总计算，不能直接修改；请修改单位的报表或部门的调整表');
    if (session.reportId > 0) return session.reportId;
    const stored = await this.store.getOrCreateReport(session.unit.code, session.year, session.pack.id);
    session.reportId = stored.id;
    this.consolidated?.invalidate(session.year);
    return stored.id;
  }

  /** Forgets a cached engine (after an import replaced the report, or after a failure left it unsure). */
  drop(ref: ReportRef): void {
    this.sessions.delete(sessionKey(ref));
    this.consolidated?.invalidate(ref.year);
  }

  /** A copy of a session's engine to try a row change on before the store commits it. */
  scratchEngine(session: Session): ReportEngine {
    try {
      return new ReportEngine(session.pack, session.engine.data());
    } catch (err) {
      throw new AppError(`报表数据与报表格式 ${session.pack.id} 不一致：${messageOf(err)}`);
    }
  }
}
