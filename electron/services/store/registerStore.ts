/**
 * The register (单位名录), the departments' 调整表 amounts and texts, exchange-file records, report
 * deletion and the sums a consolidation reads — SQL over the same database as ReportStore. Sums are
 * taken by SQLite (exact 64-bit integers), so a department of a thousand units is not read row by row.
 */
import { UNIT_KINDS, cellKey, type CellKey, type Unit, type UnitKind } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { REPORT_KINDS, type ReportKind, type UnitRecord } from '../../../shared/api/registerContract';
import type { Database, Tx } from './database';
import { amountPlace, notePlace, textPlace, writeDeptPlaces, type DeptWrite } from './deptJournal';
import type { ChangeHow } from './journal';

interface RecordRow {
  code: string;
  name: string;
  kind: string;
  parent: string | null;
  credit_code: string | null;
  budget_level: string | null;
  accounting_system: string | null;
  report_kind: string;
  archived_from: number | null;
}

const RECORD_COLUMNS = 'code, name, kind, parent, credit_code, budget_level, accounting_system, report_kind, archived_from';

function isUnitKind(kind: string): kind is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(kind);
}

function isReportKind(kind: string): kind is ReportKind {
  return (REPORT_KINDS as readonly string[]).includes(kind);
}

function toRecord(row: RecordRow): UnitRecord {
  return {
    code: row.code,
    name: row.name,
    kind: isUnitKind(row.kind) ? row.kind : '其他事业单位',
    parent: row.parent,
    creditCode: row.credit_code,
    budgetLevel: row.budget_level,
    accountingSystem: row.accounting_system,
    reportKind: isReportKind(row.report_kind) ? row.report_kind : '单户表',
    archivedFrom: row.archived_from,
  };
}

export interface ReportListing {
  id: number;
  unitCode: string;
  year: number;
  packId: string;
}

export interface AdjustmentRow {
  amount: number;
  note: string;
}

export interface ExchangeRecord {
  deptCode: string;
  fingerprint: string;
  importedAt: string;
}

/**
 * Membership of a cell's report in the summed set, as one byte per report id in a blob parameter. A
 * department's sum reads every cell of the database's index once; `report_id IN (…)` would cost a
 * b-tree search per cell (about twice the whole scan), a byte of a blob costs a compare.
 */
const MEMBER = "substr(?, report_id, 1) = x'01'";

function memberBitmap(ids: readonly number[]): Buffer {
  let max = 0;
  for (const id of ids) {
    if (!Number.isSafeInteger(id) || id < 1) throw new Error(`报表编号 ${id} 无效`);
    if (id > max) max = id;
  }
  const bitmap = Buffer.alloc(max);
  for (const id of ids) bitmap[id - 1] = 1;
  return bitmap;
}

export class RegisterStore {
  constructor(
    readonly db: Database,
    /** The clock of journal entries (tests set their own through the report store's). */
    readonly now: () => Date = () => new Date(),
  ) {}

  async list(): Promise<UnitRecord[]> {
    return (await this.db.all<RecordRow>(`SELECT ${RECORD_COLUMNS} FROM units ORDER BY code`)).map(toRecord);
  }

  async get(code: string, tx: Tx = this.db): Promise<UnitRecord | undefined> {
    const row = await tx.get<RecordRow>(`SELECT ${RECORD_COLUMNS} FROM units WHERE code = ?`, [code]);
    return row && toRecord(row);
  }

  async require(code: string): Promise<UnitRecord> {
    const record = await this.get(code);
    if (!record) throw new AppError(`单位 ${code} 不存在`);
    return record;
  }

  /** Writes every register field of an existing unit (name, kind, parent are checked by the caller); `tx` = inside the caller's transaction. */
  async save(record: UnitRecord, tx: Tx = this.db): Promise<UnitRecord> {
    const result = await tx.run(
      `UPDATE units SET name = ?, kind = ?, credit_code = ?, budget_level = ?, accounting_system = ?, report_kind = ?, archived_from = ?
       WHERE code = ?`,
      [record.name, record.kind, record.creditCode, record.budgetLevel, record.accountingSystem, record.reportKind, record.archivedFrom, record.code],
    );
    if (result.changes === 0) throw new AppError(`单位 ${record.code} 不存在`);
    return record;
  }

  /** Another unit with the same 统一社会信用代码, if any. */
  async creditCodeOwner(creditCode: string, except: string): Promise<string | undefined> {
    const row = await this.db.get<{ code: string }>('SELECT code FROM units WHERE credit_code = ? AND code <> ?', [creditCode, except]);
    return row?.code;
  }

  async reports(): Promise<ReportListing[]> {
    const rows = await this.db.all<{ id: number; unit_code: string; year: number; pack_id: string }>(
      'SELECT id, unit_code, year, pack_id FROM reports ORDER BY unit_code, year',
    );
    return rows.map((r) => ({ id: r.id, unitCode: r.unit_code, year: r.year, packId: r.pack_id }));
  }

  async reportsOfYear(year: number): Promise<ReportListing[]> {
    const rows = await this.db.all<{ id: number; unit_code: string; year: number; pack_id: string }>(
      'SELECT id, unit_code, year, pack_id FROM reports WHERE year = ?',
      [year],
    );
    return rows.map((r) => ({ id: r.id, unitCode: r.unit_code, year: r.year, packId: r.pack_id }));
  }

  async lastReportYear(code: string): Promise<number | null> {
    const row = await this.db.get<{ y: number | null }>('SELECT MAX(year) AS y FROM reports WHERE unit_code = ?', [code]);
    return row?.y ?? null;
  }

  async hasChildren(code: string): Promise<boolean> {
    return (await this.db.get('SELECT 1 FROM units WHERE parent = ?', [code])) !== undefined;
  }

  async adjustments(dept: string, year: number): Promise<Map<string, AdjustmentRow>> {
    const rows = await this.db.all<{ line_key: string; amount: number; note: string }>(
      'SELECT line_key, amount, note FROM dept_adjustments WHERE dept_code = ? AND year = ?',
      [dept, year],
    );
    return new Map(rows.map((r) => [r.line_key, { amount: r.amount, note: r.note }]));
  }

  /** Sets (null: clears, back to the program's amount) one 调整表 line, journalled in the same transaction. */
  async setAdjustment(dept: string, year: number, key: string, value: AdjustmentRow | null, how: ChangeHow = 'typed'): Promise<DeptWrite> {
    if (value !== null && !Number.isSafeInteger(value.amount)) throw new AppError('抵销金额不是整数分，未写入');
    const values =
      value === null
        ? [{ place: amountPlace(key), value: null }, { place: notePlace(key), value: null }]
        : [{ place: amountPlace(key), value: value.amount }, { place: notePlace(key), value: value.note === '' ? null : value.note }];
    return this.db.transaction((tx) => writeDeptPlaces(tx, { dept, year }, values, how, this.now()));
  }

  async deptTexts(dept: string, year: number): Promise<Record<string, string>> {
    const rows = await this.db.all<{ key: string; value: string }>('SELECT key, value FROM dept_texts WHERE dept_code = ? AND year = ? ORDER BY key', [
      dept,
      year,
    ]);
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  }

  /** Writes (null: deletes) the department's own texts, journalled in the same transaction. */
  async writeDeptTexts(dept: string, year: number, texts: Readonly<Record<string, string | null>>, how: ChangeHow = 'typed'): Promise<DeptWrite> {
    const values = Object.entries(texts).map(([key, value]) => ({ place: textPlace(key), value }));
    return this.db.transaction((tx) => writeDeptPlaces(tx, { dept, year }, values, how, this.now()));
  }

  async exchangeRecord(unit: string, year: number): Promise<ExchangeRecord | undefined> {
    const row = await this.db.get<{ dept_code: string; fingerprint: string; imported_at: string }>(
      'SELECT dept_code, fingerprint, imported_at FROM exchange_imports WHERE unit_code = ? AND year = ?',
      [unit, year],
    );
    return row && { deptCode: row.dept_code, fingerprint: row.fingerprint, importedAt: row.imported_at };
  }

  async recordExchange(unit: string, year: number, record: ExchangeRecord, tx: Tx = this.db): Promise<void> {
    await tx.run(
      `INSERT INTO exchange_imports (unit_code, year, dept_code, fingerprint, imported_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (unit_code, year) DO UPDATE SET dept_code = excluded.dept_code, fingerprint = excluded.fingerprint, imported_at = excluded.imported_at`,
      [unit, year, record.deptCode, record.fingerprint, record.importedAt],
    );
  }

  /** Deletes one report with its rows, cells and texts (foreign keys cascade), in one transaction. */
  async deleteReport(unit: string, year: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.run('DELETE FROM exchange_imports WHERE unit_code = ? AND year = ?', [unit, year]);
      const result = await tx.run('DELETE FROM reports WHERE unit_code = ? AND year = ?', [unit, year]);
      return result.changes > 0;
    });
  }

  /** Σ of every input cell (of the given tables, or all) over the given reports, by SQLite (integers, exact), streamed in index order. */
  async sumCells(reportIds: readonly number[], tables?: readonly string[]): Promise<Map<CellKey, number>> {
    const sums = new Map<CellKey, number>();
    if (reportIds.length === 0 || tables?.length === 0) return sums;
    const only = tables ? `table_id IN (${tables.map(() => '?').join(', ')}) AND ` : '';
    const rows = await this.db.all<{ t: string; r: string; c: string; v: number }>(
      `SELECT table_id AS t, row_id AS r, col_id AS c, SUM(value) AS v FROM cells INDEXED BY cells_by_column
       WHERE ${only}${MEMBER} GROUP BY table_id, col_id, row_id`,
      [...(tables ?? []), memberBitmap(reportIds)],
    );
    for (const row of rows) sums.set(cellKey(row.t, row.r, row.c), row.v);
    return sums;
  }

  /** Cells of the reports in the given (table, column[, row]) places, per report: the cells eliminations and admin-only sums read. */
  async cellsIn(reportIds: readonly number[], columns: readonly { table: string; col: string; row?: string }[]): Promise<Map<number, Map<CellKey, number>>> {
    const out = new Map<number, Map<CellKey, number>>();
    if (reportIds.length === 0 || columns.length === 0) return out;
    const bitmap = memberBitmap(reportIds);
    for (const c of columns) {
      const rows = await this.db.all<{ id: number; t: string; r: string; c: string; v: number }>(
        `SELECT report_id AS id, table_id AS t, row_id AS r, col_id AS c, value AS v FROM cells INDEXED BY cells_by_column
         WHERE table_id = ? AND col_id = ?${c.row ? ' AND row_id = ?' : ''} AND ${MEMBER}`,
        c.row ? [c.table, c.col, c.row, bitmap] : [c.table, c.col, bitmap],
      );
      for (const row of rows) {
        let cells = out.get(row.id);
        if (!cells) out.set(row.id, (cells = new Map()));
        cells.set(cellKey(row.t, row.r, row.c), row.v);
      }
    }
    return out;
  }

  /** The reports' own 科目 names (texts `subject.*`), first report's name first: a consolidation keeps 科目 outside the catalogue. */
  async subjectTexts(reportIds: readonly number[]): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    if (reportIds.length === 0) return out;
    const rows = await this.db.all<{ k: string; v: string }>(
      `SELECT key AS k, value AS v FROM texts WHERE key LIKE 'subject.%' AND ${MEMBER} ORDER BY report_id, key`,
      [memberBitmap(reportIds)],
    );
    for (const row of rows) if (!(row.k in out)) out[row.k] = row.v;
    return out;
  }
}

export type { Unit };
