/**
 * Printing over the open reports: the remembered settings, the data fingerprint, the rendered set
 * (cover, tables, 情况说明, 审核报告), the record of each print, and verifying a fingerprint typed back
 * from paper. The Api, the CLI and the bench call this; the renderer is injected (Electron's
 * printToPDF in the app, a Chromium on the machine elsewhere).
 */
import type { ReportRef } from '../../../shared/api/contract';
import type { PrintStatusView } from '../../../shared/api/printSchemas';
import { AppError } from '../../../shared/api/errors';
import { unfilledLines, unfilledPlaceholders, type UnfilledPlaceholder } from '../../../shared/narrative/unfilled';
import { printedSnapshot } from '../../../shared/engine/printedRows';
import { normalizeFingerprint } from '../../../shared/print/fingerprint';
import { mergePrintSettings, type PrintSettings } from '../../../shared/print/settings';
import { packNarrativeTemplate } from '../narrative/loadTemplate';
import { reportNarrative } from '../narrative/reportNarrative';
import { auditStoredReport } from '../reportAudit';
import type { ReportSessions, Session } from '../reportSessions';
import { storedSession } from '../storedSession';
import { reportFingerprint, type ReportFingerprint } from './fingerprints';
import type { PdfRenderer, PdfRendererSource } from './pdfRenderer';
import { printedTime } from './printedTime';
import { addPrintRecord, latestPrint, loadPrintSettings, printsWithFingerprint, savePrintSettings, type PrintKey } from './printRecords';
import { printSet, type PrintedPart } from './printSet';
import type { VerifyResult } from './verifyText';
import { EMPTY_DEPT_FORM, type PerfData } from '../../../shared/perf/model';
import type { PerfPackData } from '../../../shared/perf/packData';
import { PERF_PART_IDS } from '../../../shared/print/perfParts';
import { perfPrintInput } from '../perf/perfPrintInput';
import { sessionPerfData } from '../perf/sessionPerf';

export interface PrintRequest {
  /** Parts to print; the remembered selection when omitted. */
  parts?: string[];
  /** Settings for this print only (the remembered ones otherwise). */
  settings?: PrintSettings;
}

export interface PrintJob {
  pdf: Uint8Array;
  parts: PrintedPart[];
  pages: number;
  fingerprint: ReportFingerprint;
  printedAt: string;
  /** A 强制 rule fails: every page says 未通过审核，仅供核对. */
  unaudited: boolean;
  /** How many 强制 results fail. */
  hardFailures: number;
  fileName: string;
  /** «…» the printed 情况说明 still shows (empty when it is not printed or complete). */
  unfilled: UnfilledPlaceholder[];
  /** What the preview says above the pages besides an audit failure. */
  warnings: string[];
  /** «…» the printed 自评报告 still shows (empty when it is not printed or complete). */
  perfUnfilled?: UnfilledPlaceholder[];
  /** Milliseconds: reading, auditing and fingerprinting the report; measuring; rendering. */
  timings: { prepare: number; measure: number; render: number };
}

/** What a history lookup found: the time of the matching state, or (`note`) how far it looked without finding one. */
export interface HistoryFinding {
  stateAt: string | null;
  note: string | null;
}

/** Optional history lookup (an edit journal): the latest time at which the report had this fingerprint. */
export type HistoryLookup = (session: Session, fingerprint: string, perf?: PerfData) => Promise<string | HistoryFinding | null>;

export class PrintService {
  private renderer: Promise<PdfRenderer> | null = null;

  constructor(
    private readonly sessions: ReportSessions,
    private readonly rendererSource: PdfRendererSource,
    private readonly clock: () => Date = () => new Date(),
    private readonly history: HistoryLookup | null = null,
    /** Each pack's 绩效自评 data: the 自评表 and 自评报告 print with the set where the pack has them. */
    private readonly perf: ReadonlyMap<string, PerfPackData> = new Map(),
  ) {}

  /** The report's 绩效自评 data, for its fingerprint (none for a consolidated or unstored report). */
  private perfData(session: Session): Promise<PerfData | undefined> {
    return sessionPerfData(this.sessions.store.db, session);
  }

  private pdfRenderer(): Promise<PdfRenderer> {
    if (!this.renderer) {
      const made = this.rendererSource();
      // A renderer that failed to start is tried again next time (Chromium may be installed meanwhile).
      made.catch(() => {
        if (this.renderer === made) this.renderer = null;
      });
      this.renderer = made;
    }
    return this.renderer;
  }

  /** The report's remembered settings over the defaults. */
  settings(ref: ReportRef): Promise<PrintSettings> {
    return this.sessions.serial(async () => {
      const session = await this.sessions.open(ref);
      return mergePrintSettings(session.pack.tables.map((t) => t.id), await loadPrintSettings(this.sessions.store.db, printKey(ref)));
    });
  }

  saveSettings(ref: ReportRef, settings: PrintSettings): Promise<PrintSettings> {
    return this.sessions.serial(async () => {
      const session = await this.sessions.open(ref);
      const merged = mergePrintSettings(session.pack.tables.map((t) => t.id), settings);
      await savePrintSettings(this.sessions.store.db, printKey(ref), merged);
      return merged;
    });
  }

  fingerprint(ref: ReportRef): Promise<ReportFingerprint> {
    return this.sessions.serial(async () => {
      const session = await this.sessions.open(ref);
      return fingerprintOf(session, await this.perfData(session));
    });
  }

  /** Renders the set; records nothing (a preview). */
  async render(ref: ReportRef, request: PrintRequest = {}): Promise<PrintJob> {
    const started = performance.now();
    // Everything is read under the lock, into a frozen copy of the printed values, so edits may go on while Chromium works.
    const gathered = await this.sessions.serial(async () => {
      const { session, report } = await auditStoredReport(this.sessions, ref);
      const stored = await loadPrintSettings(this.sessions.store.db, printKey(ref));
      const settings = request.settings ?? mergePrintSettings(session.pack.tables.map((t) => t.id), stored);
      const perfPack = session.consolidated ? undefined : this.perf.get(session.pack.id);
      const perfParts = perfPack ? (settings.perf ?? []).filter((p) => PERF_PART_IDS.includes(p)) : [];
      const parts = request.parts ?? [...(settings.cover ? ['cover'] : []), ...settings.tables, ...(settings.narrative ? ['narrative'] : []), ...perfParts, ...(settings.audit ? ['audit'] : [])];
      const known = new Set(['cover', 'narrative', 'audit', ...session.pack.tables.map((t) => t.id), ...(perfPack ? PERF_PART_IDS : [])]);
      const unknown = parts.filter((p) => !known.has(p));
      if (unknown.length > 0) {
        const perfWords = perfPack ? '、自评报告 perfReport、部门整体支出绩效自评表 perfDept、项目支出绩效自评表 perfProjects' : '';
        const why = !perfPack && unknown.some((p) => PERF_PART_IDS.includes(p)) ? (session.consolidated ? '（部门汇总没有绩效自评，请打印单位的报表）' : '（本报表格式没有绩效自评）') : '';
        throw new AppError(`没有可打印的部分：${unknown.join('、')}${why}（可用：封面 cover、${session.pack.tables.map((t) => t.id).join('、')}、情况说明 narrative、审核报告 audit${perfWords}）`);
      }
      if (parts.length === 0) throw new AppError('没有选择要打印的内容');
      const narrative = parts.includes('narrative') && session.pack.narrative ? await reportNarrative(this.sessions, packNarrativeTemplate(session.pack), ref) : null;
      const perfData = await this.perfData(session);
      const perf =
        perfPack && parts.some((p) => PERF_PART_IDS.includes(p))
          ? perfPrintInput(perfPack, session, perfData ?? { projects: [], indicators: [], tasks: [], dept: { ...EMPTY_DEPT_FORM } }, parts.includes('perfReport'), settings.perfOutline)
          : null;
      return {
        session,
        engine: printedSnapshot(session.engine, session.pack.tables.map((t) => t.id).filter((id) => parts.includes(id))),
        texts: { ...session.texts },
        settings,
        parts,
        report,
        narrative: narrative ? { doc: narrative.doc, edits: narrative.edits } : null,
        perf,
        fingerprint: fingerprintOf(session, perfData),
      };
    });
    const { session } = gathered;
    const prepare = performance.now() - started;
    const printedAt = printedTime(this.clock());
    const renderer = await this.pdfRenderer();
    const result = await printSet(renderer, {
      pack: session.pack,
      engine: gathered.engine,
      unit: session.unit,
      year: session.year,
      texts: gathered.texts,
      settings: gathered.settings,
      parts: gathered.parts,
      fingerprint: gathered.fingerprint.fingerprint,
      printedAt,
      audit: gathered.report,
      narrative: gathered.narrative,
      perf: gathered.perf,
    });
    const unfilled = gathered.narrative ? unfilledPlaceholders(gathered.narrative.doc, gathered.narrative.edits) : [];
    const perfReport = gathered.perf?.report ?? null;
    const perfUnfilled = perfReport ? unfilledPlaceholders(perfReport.doc, perfReport.edits) : [];
    const unfilledWarning = (what: string, list: UnfilledPlaceholder[]): string[] => {
      const shown = unfilledLines(list);
      return list.length > 0 ? [`${what}中还有 ${list.length} 处未填写，打印出来是«…»：${shown.slice(0, 8).join('；')}${shown.length > 8 ? ' 等' : ''}`] : [];
    };
    const warnings = [...unfilledWarning('情况说明', unfilled), ...unfilledWarning('自评报告', perfUnfilled)];
    const what = result.parts.length === 1 && result.parts[0] ? result.parts[0].title.replace(/\s+/g, '') : '部门决算';
    return {
      ...result,
      fingerprint: gathered.fingerprint,
      printedAt,
      unaudited: gathered.report.blocking,
      hardFailures: gathered.report.counts.强制,
      timings: { prepare, ...result.timings },
      unfilled,
      perfUnfilled,
      warnings,
      fileName: `${session.unit.name}${session.year}年度${what}${gathered.report.blocking ? '（核对稿）' : ''}.pdf`,
    };
  }

  /** Keeps a print in the database: its time, fingerprint and each part's fingerprint, for `verify`. */
  record(ref: ReportRef, job: PrintJob): Promise<void> {
    return this.sessions.serial(async () => {
      const session = await this.sessions.open(ref);
      // A unit report not stored yet (nothing typed) is printed but not recorded: recording must not create it.
      if (!session.consolidated && session.reportId <= 0) return;
      await addPrintRecord(this.sessions.store.db, printKey(ref), session.consolidated ? null : session.reportId, {
        printedAt: job.printedAt,
        fingerprint: job.fingerprint.fingerprint,
        parts: job.fingerprint.parts,
        printed: job.parts.map((p) => ({ id: p.id, pages: p.pages })),
      });
    });
  }

  /** Does today's data still match a fingerprint typed from paper, and if not, which parts changed? */
  verify(ref: ReportRef, typed: string): Promise<VerifyResult> {
    const fingerprint = normalizeFingerprint(typed);
    if (!fingerprint) return Promise.reject(new AppError(`“${typed}”不是数据指纹：指纹是 8 位，由数字 0–9 和字母 A–F 组成`));
    return this.sessions.serial(async () => {
      const session = await storedSession(this.sessions, ref);
      if (!session) throw new AppError(ref.consolidated ? `部门 ${ref.unit} 的单位都没有 ${ref.year} 年度的报表，没有部门汇总` : `单位 ${ref.unit} 没有 ${ref.year} 年度的报表`);
      const perf = await this.perfData(session);
      const current = fingerprintOf(session, perf);
      const prints = await printsWithFingerprint(this.sessions.store.db, printKey(ref), fingerprint);
      const matches = current.fingerprint === fingerprint;
      const first = prints[0];
      const changed = first ? changedParts(current, first.parts) : null;
      const found = !matches && this.history ? await this.history(session, fingerprint, perf) : null;
      const stateAt = typeof found === 'string' ? found : (found?.stateAt ?? null);
      const historyNote = typeof found === 'string' ? null : (found?.note ?? null);
      return { fingerprint, current: current.fingerprint, matches, printedAt: prints.map((p) => p.printedAt), changed: matches ? [] : changed, stateAt, historyNote };
    });
  }

  /** The latest recorded print and whether today's data still matches it; nothing is created to find out. */
  status(ref: ReportRef): Promise<PrintStatusView> {
    return this.sessions.serial(async () => {
      const session = await storedSession(this.sessions, ref);
      if (!session) return { current: '', last: null, changed: [] };
      const current = fingerprintOf(session, await this.perfData(session));
      const last = await latestPrint(this.sessions.store.db, printKey(ref));
      if (!last) return { current: current.fingerprint, last: null, changed: [] };
      const changed = last.fingerprint === current.fingerprint ? [] : changedParts(current, last.parts);
      return {
        current: current.fingerprint,
        last: { fingerprint: last.fingerprint, printedAt: last.printedAt, pages: last.printed.reduce((n, p) => n + p.pages, 0) },
        changed,
      };
    });
  }

  async unitName(ref: ReportRef): Promise<string> {
    return (await this.sessions.requireUnit(ref.unit)).name;
  }

  async close(): Promise<void> {
    const renderer = this.renderer;
    this.renderer = null;
    if (renderer) await renderer.then((r) => r.close(), () => undefined);
  }
}

/** Parts whose fingerprint differs from the one recorded with a print (parts unknown then are not named). */
function changedParts(current: ReportFingerprint, recorded: Readonly<Record<string, string>>): { id: string; title: string }[] {
  return current.parts.filter((p) => recorded[p.id] !== undefined && recorded[p.id] !== p.fingerprint).map((p) => ({ id: p.id, title: p.title }));
}

function printKey(ref: ReportRef): PrintKey {
  return { unit: ref.unit, year: ref.year, consolidated: ref.consolidated === true };
}

/** `perf`: the report's 绩效自评 data (sessionPerfData), part of what a signed copy carries. */
export function fingerprintOf(session: Session, perf?: PerfData): ReportFingerprint {
  return reportFingerprint(
    {
      unit: session.unit,
      year: session.year,
      packId: session.pack.id,
      rows: session.engine.addedRows(),
      inputs: session.engine.inputs(),
      texts: session.texts,
      strings: session.engine.strings(),
      ...(perf ? { perf } : {}),
    },
    session.pack,
  );
}
