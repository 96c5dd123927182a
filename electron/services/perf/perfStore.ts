/**
 * The 绩效 tables of one report (migration 0007_perf): read whole, changed one value or one row at a
 * time, each change its own committed transaction with its edit-history entry (0010_perf_history):
 * the change and its journal are written together or not at all. Field names are mapped to columns in
 * perfRows.ts and only there; a field not in the map is never written.
 */
import type { Database, Tx } from '../store/database';
import type { ChangeHow } from '../store/journal';
import { DEPT_OWNER, EMPTY_DEPT_FORM, type PerfData } from '../../../shared/perf/model';
import type { FieldValue, PerfTarget } from '../../../shared/perf/fields';
import { columnOf, fieldChanges, journalPerf, type PerfChange } from './perfJournal';
import { perfDataOf, readDept, readPerfRows, readRow, TABLES, type RowTarget } from './perfRows';

/** How a write is journalled and the data version its checks were made at (a write decided on old data is refused). */
export interface PerfWriteOptions {
  how?: ChangeHow;
  dataVersion?: number;
}

export class PerfStore {
  /**
   * @param now the clock of journal entries (the report store's, which tests set)
   * @param wrote called after every committed write (the backups count edits with it)
   */
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
    private readonly wrote: () => void = () => undefined,
  ) {}

  async load(reportId: number): Promise<PerfData> {
    if (reportId === 0) return { projects: [], indicators: [], tasks: [], dept: { ...EMPTY_DEPT_FORM } };
    return this.db.snapshot(async (tx) => perfDataOf(await readPerfRows(tx, reportId)));
  }

  private async write<T>(options: PerfWriteOptions, work: (tx: Tx) => Promise<T>): Promise<T> {
    const result = await this.db.transaction(work, options.dataVersion === undefined ? {} : { dataVersion: options.dataVersion });
    this.wrote();
    return result;
  }

  /** Adds a row at the end; returns its id. `values` are columns. */
  async add(reportId: number, target: RowTarget, values: Record<string, string | number>, options: PerfWriteOptions = {}): Promise<number> {
    const table = TABLES[target];
    return this.write(options, async (tx) => {
      const next = await tx.get<{ id: number; seq: number }>(
        `SELECT COALESCE(MAX(id), 0) + 1 AS id, COALESCE(MAX(seq), 0) + 1 AS seq FROM ${table} WHERE report_id = ?`,
        [reportId],
      );
      const id = next?.id ?? 1;
      const seq = next?.seq ?? 1;
      const cols = Object.keys(values);
      await tx.run(
        `INSERT INTO ${table} (report_id, id, seq${cols.map((c) => `, ${c}`).join('')}) VALUES (?, ?, ?${cols.map(() => ', ?').join('')})`,
        [reportId, id, seq, ...Object.values(values)],
      );
      const row = await readRow(tx, reportId, target, id);
      await journalPerf(tx, reportId, options.how ?? 'typed', [{ target, row: id, field: '', old: null, new: JSON.stringify(row) }], this.now());
      return id;
    });
  }

  /** Removes a row; a project takes its indicators with it (both journalled). Returns false when there was none. */
  async remove(reportId: number, target: RowTarget, id: number, options: PerfWriteOptions = {}): Promise<boolean> {
    return this.write(options, async (tx) => {
      const row = await readRow(tx, reportId, target, id);
      if (!row) return false;
      const changes: PerfChange[] = [{ target, row: id, field: '', old: JSON.stringify(row), new: null }];
      if (target === 'project') {
        const owned = await tx.all<{ id: number }>('SELECT id FROM perf_indicators WHERE report_id = ? AND owner = ? ORDER BY seq, id', [reportId, id]);
        for (const { id: ind } of owned) {
          const indicator = await readRow(tx, reportId, 'indicator', ind);
          if (indicator) changes.push({ target: 'indicator', row: ind, field: '', old: JSON.stringify(indicator), new: null });
        }
        await tx.run('DELETE FROM perf_indicators WHERE report_id = ? AND owner = ?', [reportId, id]);
      }
      await tx.run(`DELETE FROM ${TABLES[target]} WHERE report_id = ? AND id = ?`, [reportId, id]);
      await journalPerf(tx, reportId, options.how ?? 'typed', changes, this.now());
      return true;
    });
  }

  /**
   * Writes one value (already parsed) and the values it clears (`extra`, e.g. a score outside a newly
   * chosen band); every value that changes is journalled. Returns false when the row does not exist.
   */
  async set(
    reportId: number,
    target: PerfTarget,
    id: number,
    field: string,
    value: FieldValue,
    extra: Record<string, string> = {},
    options: PerfWriteOptions = {},
  ): Promise<boolean> {
    const stored = typeof value === 'boolean' ? (value ? 1 : 0) : value;
    const sets = [[columnOf(target, field), stored] as const, ...Object.entries(extra).map(([f, v]) => [columnOf(target, f), v] as const)];
    const assignments = sets.map(([c]) => `${c} = ?`).join(', ');
    return this.write(options, async (tx) => {
      if (target === 'dept') {
        const before = await readDept(tx, reportId);
        await tx.run('INSERT OR IGNORE INTO perf_dept (report_id) VALUES (?)', [reportId]);
        await tx.run(`UPDATE perf_dept SET ${assignments} WHERE report_id = ?`, [...sets.map(([, v]) => v), reportId]);
        await journalPerf(tx, reportId, options.how ?? 'typed', fieldChanges('dept', DEPT_OWNER, before, await readDept(tx, reportId)), this.now());
        return true;
      }
      const before = await readRow(tx, reportId, target, id);
      if (!before) return false;
      await tx.run(`UPDATE ${TABLES[target]} SET ${assignments} WHERE report_id = ? AND id = ?`, [...sets.map(([, v]) => v), reportId, id]);
      const after = await readRow(tx, reportId, target, id);
      await journalPerf(tx, reportId, options.how ?? 'typed', fieldChanges(target, id, before, after ?? before), this.now());
      return true;
    });
  }
}

/** 绩效自评 data as one text, to tell whether it changed (the same data gives the same text: rows come in a fixed order). */
export const perfDataText = (data: PerfData): string => JSON.stringify(data);

/** The 绩效自评 data of a stored report as one text (perfDataText). */
export async function perfText(db: Database, reportId: number): Promise<string> {
  return perfDataText(await new PerfStore(db).load(reportId));
}
