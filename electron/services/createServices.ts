/**
 * Opens everything a transport needs — the packs, the database, the settings — and hands back the Api
 * plus the report-file operations. The web host and the CLI use this; the Electron shell too, with its
 * own settings port.
 */
import type { Api, ReportRef } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { Pack } from '../../shared/pack/model';
import { createApi } from './api';
import { loadRoles } from './consolidate/loadRoles';
import { defaultPacksDir, loadPackRoot } from './packs/loadPack';
import { loadPerfPacks } from './perf/loadPerfPack';
import { resolveDataLocation } from './paths';
import { exportReport, importReport, type ImportedReport, type ImportReportOptions } from './reportFile';
import { chromiumRenderer } from './print/chromiumRenderer';
import type { PdfRendererSource, PrinterPort } from './print/pdfRenderer';
import { PrintService } from './print/printService';
import { ReportSessions } from './reportSessions';
import { jsonFileSettings } from './settings/jsonFileSettings';
import type { SettingsPort } from './settings/settingsPort';
import { ReportStore } from './store/reportStore';

export interface ServicesOptions {
  dbPath?: string;
  packsDir?: string;
  /** A settings JSON file; ignored when `settings` is given. */
  settingsFile?: string;
  settings?: SettingsPort;
  /** The PDF renderer: Electron's printToPDF in the app; a Chromium found on the machine otherwise. */
  pdfRenderer?: PdfRendererSource;
  /** The system print dialog (the Electron app only). */
  printer?: PrinterPort;
}

export interface Services {
  api: Api;
  /** The database file in use (the default location when none was given). */
  dbPath: string;
  store: ReportStore;
  packs: Pack[];
  sessions: ReportSessions;
  print: PrintService;
  /** The report file (JSON text) of a unit's report for a year. */
  exportReport(ref: ReportRef): Promise<string>;
  /** Checks and imports a report file; `fileLabel` names it in messages. */
  importReport(text: string, fileLabel: string, options?: ImportReportOptions): Promise<ImportedReport>;
  close(): Promise<void>;
}

export async function loadPacks(packsDir: string): Promise<Pack[]> {
  try {
    return await loadPackRoot(packsDir);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(`无法加载报表格式（${packsDir}）：${err instanceof Error ? err.message : String(err)}`);
  }
}

export async function createServices(options: ServicesOptions = {}): Promise<Services> {
  const packsDir = options.packsDir ?? defaultPacksDir();
  const packs = await loadPacks(packsDir);
  const roles = await loadRoles(packsDir, packs).catch((err: unknown) => {
    throw err instanceof AppError ? err : new AppError(`无法加载部门汇总设置：${err instanceof Error ? err.message : String(err)}`);
  });
  const perf = await loadPerfPacks(packsDir, packs).catch((err: unknown) => {
    throw err instanceof AppError ? err : new AppError(`无法加载绩效自评设置：${err instanceof Error ? err.message : String(err)}`);
  });
  const location = resolveDataLocation();
  const dbPath = options.dbPath ?? location.dbPath;
  const store = await ReportStore.open(dbPath);
  const settings = options.settings ?? jsonFileSettings(options.settingsFile ?? location.settingsPath);
  const sessions = new ReportSessions(store, packs);
  const print = new PrintService(sessions, options.pdfRenderer ?? (() => chromiumRenderer()));
  const api = createApi({ store, packs, settings, sessions, roles, perf, print, printer: options.printer ?? null });
  return {
    api,
    dbPath,
    store,
    packs,
    sessions,
    print,
    exportReport: (ref) => exportReport(sessions, ref),
    importReport: (text, fileLabel, options) => importReport(sessions, text, fileLabel, options),
    close: async () => {
      await print.close();
      await sessions.serial(() => store.close());
    },
  };
}
