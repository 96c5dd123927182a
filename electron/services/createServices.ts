/**
 * Opens everything a transport needs — the packs, the database, the settings — and hands back the Api
 * plus the report-file operations. The web host and the CLI use this; the Electron shell too, with its
 * own settings port.
 */
import type { Api, ReportRef } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { Pack } from '../../shared/pack/model';
import { createApi } from './api';
import { historyFingerprintLookup } from './historyFingerprint';
import { BackupService, IntegrityError, type BackupOptions } from './backup/backupService';
import { problemWords } from './backup/integrity';
import { setAsideDamaged, setAsideMessage, type SetAside } from './backup/damagedDatabase';
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
import { DamagedDatabaseError } from './store/openDatabase';
import { ReportStore } from './store/reportStore';

export interface ServicesOptions {
  dbPath?: string;
  packsDir?: string;
  /** A settings JSON file; ignored when `settings` is given. */
  settingsFile?: string;
  settings?: SettingsPort;
  /**
   * A damaged database (or one that cannot be migrated) is always renamed aside. `recover` (the app and
   * the web host) then opens a new empty database in its place and reports the set-aside file and the
   * newest good backup on the 备份与恢复 screen; `refuse` (the CLI, default) stops with that message.
   */
  onDamaged?: 'recover' | 'refuse';
  /** The backup taken at open: see BackupService.backupOnOpen (default `ifOld`). */
  backupOnOpen?: 'always' | 'ifOld' | 'never';
  backup?: BackupOptions;
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
  backups: BackupService;
  /** The damaged database this start set aside, if any. */
  setAside: SetAside | null;
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

/** Renames a damaged database aside; in `refuse` mode then stops with the plain-words message naming both files and the newest good backup. */
async function setAsideOrRefuse(file: string, problem: string, message: string, onDamaged: 'recover' | 'refuse', now: () => Date): Promise<SetAside> {
  let setAside: SetAside;
  try {
    setAside = await setAsideDamaged(file, problem, now());
  } catch (renameErr) {
    throw new AppError(`${message}。无法把它改名保留（${renameErr instanceof Error ? renameErr.message : String(renameErr)}），请关闭其他使用它的程序后重试`);
  }
  if (onDamaged === 'refuse') throw new AppError(setAsideMessage(setAside), { file: setAside.original });
  return setAside;
}

/** Opens the database; a damaged one is set aside and, in `recover` mode, replaced by a new empty one. */
export async function openStore(file: string, onDamaged: 'recover' | 'refuse', now: () => Date = () => new Date()): Promise<{ store: ReportStore; setAside: SetAside | null }> {
  try {
    return { store: await ReportStore.open(file), setAside: null };
  } catch (err) {
    if (!(err instanceof DamagedDatabaseError)) throw err;
    const setAside = await setAsideOrRefuse(file, err.problem, err.message, onDamaged, now);
    return { store: await ReportStore.open(file), setAside };
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
  const onDamaged = options.onDamaged ?? 'refuse';
  const now = options.backup?.now ?? (() => new Date());
  let { store, setAside } = await openStore(dbPath, onDamaged, now);
  let backups = new BackupService(store, options.backup);
  await backups.init();
  if ((options.backupOnOpen ?? 'ifOld') !== 'never') {
    try {
      await backups.backupOnOpen(options.backupOnOpen === 'always' ? 'always' : 'ifOld');
    } catch (err) {
      if (err instanceof IntegrityError) {
        // quick_check passed but the full check of the open backup did not: set aside like any damaged database.
        backups.stop();
        await store.close();
        setAside = await setAsideOrRefuse(dbPath, `已损坏（完整性检查${problemWords(err.problems)}）`, err.message, onDamaged, now);
        store = await ReportStore.open(dbPath);
        backups = new BackupService(store, options.backup);
        await backups.init();
      } else {
        // The workstation still opens (the clerk may need it to restore); the screen and the CLI say why there is no backup.
        backups.lastFailure = err instanceof Error ? err.message : String(err);
      }
    }
  }
  const settings = options.settings ?? jsonFileSettings(options.settingsFile ?? location.settingsPath);
  const sessions = new ReportSessions(store, packs);
  sessions.backups = backups;
  const print = new PrintService(sessions, options.pdfRenderer ?? (() => chromiumRenderer()), undefined, historyFingerprintLookup(sessions), perf);
  const api = createApi({ store, packs, settings, sessions, backups, setAside, roles, perf, print, printer: options.printer ?? null });
  return {
    api,
    dbPath,
    store,
    packs,
    sessions,
    backups,
    setAside,
    print,
    exportReport: (ref) => exportReport(sessions, ref),
    importReport: (text, fileLabel, options) => importReport(sessions, text, fileLabel, options),
    close: async () => {
      await print.close();
      await sessions.serial(async () => {
        await backups.settled();
        backups.stop();
        await store.close();
      });
    },
  };
}
