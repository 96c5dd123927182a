/**
 * The Api of shared/api/contract.ts over the store, the packs and the settings. Transports validate
 * input shapes (parseApiInput); this layer checks the domain: the year has a pack, the unit exists,
 * every edit goes through the report's engine, and a batch is written whole or not at all.
 */
import type { Api, PackSummary, ReportSnapshot, Unit } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { Pack } from '../../shared/pack/model';
import { subjectTexts } from '../../shared/pack/clerkSubjects';
import { ConsolidationService } from './consolidate/consolidationService';
import { registerMethods } from './consolidate/registerApi';
import { fileMethods } from './fileApi';
import { catalogueMethods } from './catalogue/catalogueApi';
import { perfMethods } from './perf/perfApi';
import type { PerfPackData } from '../../shared/perf/packData';
import { chromiumRenderer } from './print/chromiumRenderer';
import type { PrinterPort } from './print/pdfRenderer';
import { printMethods } from './print/printApi';
import { PrintService } from './print/printService';
import { ReportSessions, type Session } from './reportSessions';
import { storedSession } from './storedSession';
import type { SettingsPort } from './settings/settingsPort';
import type { BackupService } from './backup/backupService';
import type { SetAside } from './backup/damagedDatabase';
import { storeMethods } from './storeApi';
import { namedRowMethods } from './namedRowsApi';
import { rowNameKey } from '../../shared/pack/namedRows';
import { historyFingerprintLookup } from './historyFingerprint';
import { RegisterStore } from './store/registerStore';
import type { ReportStore } from './store/reportStore';
import { applyUndoOp, loadUndo } from './store/undoSteps';
import type { ConsolidationRoles } from '../../shared/consolidate/roles';

export interface ApiDeps {
  store: ReportStore;
  packs: Pack[];
  settings: SettingsPort;
  /** Shared with the report-file import so it can drop a report it replaced; created if omitted. */
  sessions?: ReportSessions;
  /** Backups of the database (createServices makes them); without it the backup methods refuse. */
  backups?: BackupService;
  setAside?: SetAside | null;
  /** Printing (its PDF renderer); a Chromium found on the machine when omitted. */
  print?: PrintService;
  /** The system print dialog, where there is one (the Electron app). */
  printer?: PrinterPort | null;
  /** Each pack's consolidation roles (consolidation.json); none: no eliminations. */
  roles?: ReadonlyMap<string, ConsolidationRoles>;
  /** Each pack's 绩效自评 data (perf/perf.json); none: no 绩效自评. */
  perf?: ReadonlyMap<string, PerfPackData>;
}

function snapshot(session: Session): ReportSnapshot {
  return {
    unit: session.unit,
    year: session.year,
    packId: session.pack.id,
    rows: session.engine.addedRows(),
    inputs: session.engine.inputs(),
    texts: { ...session.texts },
    ...(Object.keys(session.engine.strings()).length > 0 ? { strings: session.engine.strings() } : {}),
    ...(Object.keys(session.yearCatalogues).length > 0 ? { catalogues: session.yearCatalogues } : {}),
    ...(Object.keys(session.engine.subjectNames()).length > 0 ? { subjects: session.engine.subjectNames() } : {}),
    ...(session.unfit.length > 0 ? { unfit: session.unfit } : {}),
    consolidated: session.consolidated === true,
    stored: session.reportId !== 0,
    ...(session.kindScope ? { kindScope: session.kindScope } : {}),
  };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A workbook cannot be imported into a consolidated report: it is computed from the units. */
function refuseConsolidatedImport<T extends Pick<Api, 'planXlsxImport'>>(methods: T): T {
  const plan = methods.planXlsxImport;
  return {
    ...methods,
    planXlsxImport: (input) => {
      if (input.consolidated) return Promise.reject(new AppError('部门汇总表由所属单位的报表汇总计算，不能导入工作簿；请导入到单位的报表'));
      return plan(input);
    },
  };
}

export function createApi(deps: ApiDeps): Api {
  const { store, packs, settings } = deps;
  const sessions = deps.sessions ?? new ReportSessions(store, packs);
  const consolidation = new ConsolidationService(sessions, new RegisterStore(store.db, () => store.now()), deps.roles ?? new Map());
  sessions.consolidated = consolidation;

  return {
    listUnits: () => store.listUnits(),

    addUnit: (input) =>
      sessions.serial(async () => {
        const unit: Unit = { code: input.code, name: input.name, kind: input.kind, parent: input.parent ?? null };
        if (unit.parent === unit.code) throw new AppError(`单位 ${unit.code} 不能是自己的上级单位`);
        const added = await store.addUnit(unit);
        // A unit added under a department is one of its members (单位构成) from now on.
        consolidation.invalidate();
        return added;
      }),

    listPacks: async () =>
      packs
        .map((p): PackSummary => ({ id: p.id, name: p.name, year: p.year, years: p.years }))
        .sort((a, b) => a.year - b.year || a.id.localeCompare(b.id)),

    getPack: async ({ packId }) => sessions.packById(packId),

    openReport: (ref) =>
      sessions.serial(async () => {
        await sessions.requireUnit(ref.unit);
        if (!ref.consolidated && !(await store.findReport(ref.unit, ref.year))) sessions.packForYear(ref.year);
        return snapshot(await sessions.open(ref, true));
      }),

    findReport: (ref) =>
      sessions.serial(async () => {
        await sessions.requireUnit(ref.unit);
        const session = await storedSession(sessions, ref);
        return session ? snapshot(session) : null;
      }),

    setCells: ({ edits, how, ...ref }) =>
      sessions.serial(() => {
        const seen = sessions.peekGeneration(ref);
        return sessions.write(ref, async (session, dataVersion) => {
          const bad = edits.flatMap((edit) => {
            const message = session.engine.checkEdit(edit);
            return message ? [{ edit, message }] : [];
          });
          const first = bad[0];
          if (first) {
            const more = bad.length > 1 ? `（共 ${bad.length} 处错误，全部未写入）` : '（全部未写入）';
            // Refused because another program changed the report (a row removed there): say so, so the clerk knows why.
            const elsewhere = sessions.peekGeneration(ref) !== seen ? '数据已在别处修改，已重新载入：' : '';
            throw new AppError(`${elsewhere}${first.message}${more}`, {
              table: first.edit.table,
              row: first.edit.row,
              column: first.edit.col,
            });
          }
          // The engine refuses (and undoes) an edit whose totals would leave the exact range; only then is
          // the edit written. If the write fails, the engine is put back, so it never shows an unsaved value.
          const before = edits.map((e) => ({ ...e, value: session.engine.inputValue(e.table, e.row, e.col) }));
          try {
            session.engine.setInputs(edits);
          } catch (err) {
            throw new AppError(`${messageOf(err)}（全部未写入）`);
          }
          let written: number;
          try {
            written = await store.writeCells(await sessions.storedId(session), edits, { how: how ?? 'typed', dataVersion });
          } catch (err) {
            session.engine.setInputs(before.reverse());
            throw err;
          }
          // One delta per cell: a batch may write the same cell twice; its value before the batch is the first seen.
          // Only money and counts are summed into a consolidation; text and decimal cells are not.
          const deltas = new Map<string, { table: string; row: string; col: string; before: number | null; after: number | null }>();
          edits.forEach((e, i) => {
            const k = `${e.table}:${e.row}:${e.col}`;
            const first = deltas.get(k);
            const was = before[i]?.value ?? null;
            if (typeof e.value === 'string' || typeof was === 'string') return;
            deltas.set(k, { table: e.table, row: e.row, col: e.col, before: first ? first.before : was, after: e.value });
          });
          consolidation.followEdits(ref.unit, ref.year, [...deltas.values()]);
          return { written };
        });
      }),

    addRows: ({ table, rows, names, ...ref }) =>
      sessions.serial(() =>
        sessions.write(ref, async (session, dataVersion) => {
          const scratch = sessions.scratchEngine(session);
          let change;
          try {
            change = scratch.addRows(table, rows, names ?? {});
          } catch (err) {
            throw new AppError(messageOf(err), { table });
          }
          // Names of 科目 the catalogue lacks are kept as report texts, with the rows, in one transaction.
          const own = subjectTexts(scratch.subjectNames());
          const texts = Object.fromEntries(Object.entries(own).filter(([k, v]) => session.texts[k] !== v));
          await store.addRows(await sessions.storedId(session), table, scratch.addedRows()[table] ?? [], { dataVersion, texts });
          Object.assign(session.texts, texts);
          session.engine = scratch;
          consolidation.invalidate(ref.year);
          return { rows: change.added };
        }),
      ),

    removeRow: ({ table, row, ...ref }) =>
      sessions.serial(() =>
        sessions.write(ref, async (session, dataVersion) => {
          const scratch = sessions.scratchEngine(session);
          let change;
          try {
            change = scratch.removeRow(table, row);
          } catch (err) {
            throw new AppError(messageOf(err), { table, row });
          }
          if (session.consolidated) throw new AppError('部门汇总表由所属单位的报表汇总计算，不能直接修改；请修改单位的报表或部门的调整表');
          // A named row's name goes with it (its number is kept: ids are never reused).
          const names = Object.fromEntries(change.removed.filter((r) => session.texts[rowNameKey(table, r)] !== undefined).map((r) => [rowNameKey(table, r), null]));
          if (session.reportId > 0) await store.removeRows(session.reportId, table, change.removed, { dataVersion, texts: names });
          for (const key of Object.keys(names)) delete session.texts[key];
          session.engine = scratch;
          consolidation.invalidate(ref.year);
          return { removedRows: change.removed, removedCells: change.droppedInputs.length };
        }),
      ),

    setTexts: ({ texts, ...ref }) =>
      sessions.serial(() =>
        sessions.write(ref, async (session, dataVersion) => {
          if (session.consolidated) await consolidation.register.writeDeptTexts(ref.unit, ref.year, texts);
          else await store.writeTexts(await sessions.storedId(session), texts, { dataVersion });
          for (const [key, value] of Object.entries(texts)) {
            if (value === null) delete session.texts[key];
            else session.texts[key] = value;
          }
          return { texts: { ...session.texts } };
        }),
      ),

    ...namedRowMethods(sessions, store, (year) => consolidation.invalidate(year)),

    ...refuseConsolidatedImport(fileMethods(sessions)),

    // A new catalogue for a year reshapes that year's reports: consolidations of the year are rebuilt.
    ...catalogueMethods(sessions, (year) => consolidation.invalidate(year)),

    ...registerMethods({ sessions, consolidation, store }),

    ...perfMethods({ sessions, store, perf: deps.perf ?? new Map() }),

    getUndo: (ref) =>
      sessions.serial(async () => {
        const session = await sessions.open(ref);
        return loadUndo(store.db, session.reportId);
      }),

    recordUndo: ({ step, ...ref }) =>
      sessions.serial(async () => {
        const session = await sessions.open(ref);
        // A consolidated report is never typed into; a report not yet stored is created by a step, not by a clear.
        if (session.consolidated || (session.reportId === 0 && step.op === 'clear')) return { ok: true as const };
        await applyUndoOp(store.db, await sessions.storedId(session), step);
        return { ok: true as const };
      }),
    ...storeMethods(sessions, deps.backups, deps.setAside ?? null),

    ...printMethods(deps.print ?? new PrintService(sessions, () => chromiumRenderer(), undefined, historyFingerprintLookup(sessions), deps.perf), deps.printer ?? null),

    getSettings: () => settings.get(),

    setSettings: (patch) => settings.update(patch),
  };
}
