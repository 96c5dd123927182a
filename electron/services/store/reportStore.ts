/**
 * The store: units, reports and what the clerk typed into them, in SQLite. Every public write is one
 * transaction, so an edit is durable the moment it returns and a failure leaves nothing behind.
 * Domain checks (does the cell exist, is it an input) belong to the engine and the Api; the store
 * keeps the data consistent with itself (keys, foreign keys, integer values).
 */
import { UNIT_KINDS, cellKey, splitCellKey, type ReportData, type Unit, type UnitKind } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import type { Database, Tx } from './database';
import { diffStates, insertBatch, journal, journalTarget, type Change, type ChangeHow, type JournalTarget } from './journal';
import { openDatabase, type OpenOptions } from './openDatabase';

/**
 * What a state write also puts back in the same transaction (the 绩效自评 rows): `write` returns how
 * many places changed, `journal` records them in the batch.
 */
export interface StateAlso {
  write(tx: Tx): Promise<number>;
  journal(tx: Tx, batchId: number): Promise<void>;
}

/** How a write is journalled, and the data version the caller's view was read at (see Database.transaction). */
export interface WriteOptions {
  how?: ChangeHow;
  dataVersion?: number;
  /** A few words kept with the history batch (e.g. the imported file's name). */
  note?: string;
}

export interface StoredReport {
  id: number;
  unitCode: string;
  year: number;
  packId: string;
}

export interface CellWrite {
  table: string;
  row: string;
  col: string;
  /** 分 or a count (table `cells`); a text or a decimal's canonical string (table `typed_cells`); null deletes the cell. */
  value: number | string | null;
}

export interface ReplaceReportInput {
  unit: Unit;
  year: number;
  packId: string;
  data: ReportData;
}

interface UnitRow {
  code: string;
  name: string;
  kind: string;
  parent: string | null;
}

interface ReportRow {
  id: number;
  unit_code: string;
  year: number;
  pack_id: string;
}

function isUnitKind(kind: string): kind is UnitKind {
  const kinds: readonly string[] = UNIT_KINDS;
  return kinds.includes(kind);
}

function toUnit(row: UnitRow): Unit {
  // A kind written by a future version is shown as the broadest kind rather than crashing the list.
  return { code: row.code, name: row.name, kind: isUnitKind(row.kind) ? row.kind : '其他事业单位', parent: row.parent };
}

function toReport(row: ReportRow): StoredReport {
  return { id: row.id, unitCode: row.unit_code, year: row.year, packId: row.pack_id };
}

function checkValue(value: number | string, where: string): void {
  if (typeof value === 'string') {
    if (value === '') throw new AppError(`${where}的文字为空，未写入`);
    return;
  }
  if (!Number.isSafeInteger(value)) throw new AppError(`${where}的数值不是整数分，未写入`);
}

function checkData(data: ReportData): void {
  for (const [key, value] of Object.entries(data.inputs)) checkValue(value, `单元格 ${key} `);
  for (const [key, value] of Object.entries(data.strings ?? {})) {
    if (typeof value !== 'string') throw new AppError(`单元格 ${key} 的文字不是字符串，未写入`);
    checkValue(value, `单元格 ${key} `);
    if (Object.hasOwn(data.inputs, key)) throw new AppError(`单元格 ${key} 既有数值又有文字，未写入`);
  }
}

/** The table a value is kept in: a number in `cells`, a string (text, canonical decimal) in `typed_cells`. */
const tableOf = (value: number | string): 'cells' | 'typed_cells' => (typeof value === 'string' ? 'typed_cells' : 'cells');

/** Upserts a cell; `old` is its stored value, so a cell that changes table leaves the other one. */
async function insertCell(tx: Tx, reportId: number, edit: CellWrite & { value: number | string }, old: number | string | null): Promise<void> {
  const into = tableOf(edit.value);
  if (old !== null && tableOf(old) !== into) {
    await tx.run(`DELETE FROM ${tableOf(old)} WHERE report_id = ? AND table_id = ? AND row_id = ? AND col_id = ?`, [reportId, edit.table, edit.row, edit.col]);
  }
  await tx.run(
    `INSERT INTO ${into} (report_id, table_id, row_id, col_id, value) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (report_id, table_id, row_id, col_id) DO UPDATE SET value = excluded.value`,
    [reportId, edit.table, edit.row, edit.col, edit.value],
  );
}

/** The stored values of the cells an edit list touches (one query per table rather than one per cell). */
async function cellValues(tx: Tx, reportId: number, edits: readonly CellWrite[]): Promise<Map<string, number | string>> {
  const values = new Map<string, number | string>();
  const tables = [...new Set(edits.map((e) => e.table))];
  for (const table of tables) {
    for (const from of ['cells', 'typed_cells']) {
      const rows = await tx.all<{ row_id: string; col_id: string; value: number | string }>(
        `SELECT row_id, col_id, value FROM ${from} WHERE report_id = ? AND table_id = ?`,
        [reportId, table],
      );
      for (const r of rows) values.set(cellKey(table, r.row_id, r.col_id), r.value);
    }
  }
  return values;
}

/** Rows per INSERT: at 5 parameters a row this stays far below SQLite's 32,766-parameter limit. */
const BATCH = 400;

/** Multi-row INSERTs: a full-size report has thousands of cells, and a statement per cell costs a round trip each. */
async function insertMany(tx: Tx, head: string, rows: (string | number)[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    const tuple = `(${new Array<string>(chunk[0]?.length ?? 0).fill('?').join(', ')})`;
    await tx.run(`${head} VALUES ${chunk.map(() => tuple).join(', ')}`, chunk.flat());
  }
}

/** A report's stored state, read inside a transaction. */
export async function readState(tx: Tx, reportId: number): Promise<ReportData> {
  const rowRows = await tx.all<{ table_id: string; row_id: string }>(
    'SELECT table_id, row_id FROM report_rows WHERE report_id = ? ORDER BY table_id, row_id',
    [reportId],
  );
  const cellRows = await tx.all<{ table_id: string; row_id: string; col_id: string; value: number }>(
    'SELECT table_id, row_id, col_id, value FROM cells WHERE report_id = ?',
    [reportId],
  );
  const textRows = await tx.all<{ key: string; value: string }>('SELECT key, value FROM texts WHERE report_id = ? ORDER BY key', [reportId]);
  const typedRows = await tx.all<{ table_id: string; row_id: string; col_id: string; value: string }>(
    'SELECT table_id, row_id, col_id, value FROM typed_cells WHERE report_id = ?',
    [reportId],
  );
  return stateOf(rowRows, cellRows, textRows, typedRows);
}

function stateOf(
  rowRows: { table_id: string; row_id: string }[],
  cellRows: { table_id: string; row_id: string; col_id: string; value: number }[],
  textRows: { key: string; value: string }[],
  typedRows: { table_id: string; row_id: string; col_id: string; value: string }[],
): ReportData {
  const rows: Record<string, string[]> = {};
  for (const r of rowRows) (rows[r.table_id] ??= []).push(r.row_id);
  const inputs: Record<string, number> = {};
  for (const c of cellRows) inputs[cellKey(c.table_id, c.row_id, c.col_id)] = c.value;
  const texts: Record<string, string> = {};
  for (const t of textRows) texts[t.key] = t.value;
  const strings: Record<string, string> = {};
  for (const c of typedRows) strings[cellKey(c.table_id, c.row_id, c.col_id)] = c.value;
  return typedRows.length > 0 ? { rows, inputs, texts, strings } : { rows, inputs, texts };
}

/** Empties a report and writes `data` into it, journalling the difference (inside the caller's transaction). */
async function overwriteState(
  tx: Tx,
  target: JournalTarget,
  data: ReportData,
  how: ChangeHow,
  at: Date,
  note: string,
): Promise<{ batchId: number | null; changes: Change[] }> {
  const id = target.reportId;
  const before = await readState(tx, id);
  await tx.run('DELETE FROM report_rows WHERE report_id = ?', [id]);
  await tx.run('DELETE FROM cells WHERE report_id = ?', [id]);
  await tx.run('DELETE FROM texts WHERE report_id = ?', [id]);
  await tx.run('DELETE FROM typed_cells WHERE report_id = ?', [id]);
  const rows = Object.entries(data.rows).flatMap(([table, codes]) => [...new Set(codes)].map((code) => [id, table, code]));
  await insertMany(tx, 'INSERT INTO report_rows (report_id, table_id, row_id)', rows);
  const cells = Object.entries(data.inputs).map(([key, value]) => {
    const { table, row: r, col } = splitCellKey(key);
    return [id, table, r, col, value];
  });
  await insertMany(tx, 'INSERT INTO cells (report_id, table_id, row_id, col_id, value)', cells);
  await insertMany(tx, 'INSERT INTO texts (report_id, key, value)', Object.entries(data.texts).map(([k, v]) => [id, k, v]));
  const strings = Object.entries(data.strings ?? {}).map(([key, value]) => {
    const { table, row: r, col } = splitCellKey(key);
    return [id, table, r, col, value];
  });
  await insertMany(tx, 'INSERT INTO typed_cells (report_id, table_id, row_id, col_id, value)', strings);
  const changes = diffStates(before, {
    rows: Object.fromEntries(Object.entries(data.rows).map(([t, c]) => [t, [...new Set(c)]])),
    inputs: data.inputs,
    texts: data.texts,
    strings: data.strings ?? {},
  });
  return { batchId: await journal(tx, target, how, changes, at, note), changes };
}

/** Creates or empties the report of a unit for a year and writes `data` into it (inside the caller's transaction). */
async function writeWholeReport(
  tx: Tx,
  unitCode: string,
  year: number,
  packId: string,
  data: ReportData,
  how: ChangeHow,
  at: Date,
  note: string,
): Promise<StoredReport> {
  await tx.run(
    `INSERT INTO reports (unit_code, year, pack_id) VALUES (?, ?, ?)
     ON CONFLICT (unit_code, year) DO UPDATE SET pack_id = excluded.pack_id`,
    [unitCode, year, packId],
  );
  const row = await tx.get<ReportRow>('SELECT id, unit_code, year, pack_id FROM reports WHERE unit_code = ? AND year = ?', [unitCode, year]);
  if (!row) throw new AppError(`无法创建单位 ${unitCode} ${year} 年度的报表`);
  await overwriteState(tx, { reportId: row.id, unitCode, year }, data, how, at, note);
  return toReport(row);
}

/** Upserts (string) or deletes (null) report texts inside the caller's transaction; returns the changes to journal. */
async function writeTextsIn(tx: Tx, reportId: number, texts: Readonly<Record<string, string | null>>): Promise<Change[]> {
  const changes: Change[] = [];
  for (const [key, value] of Object.entries(texts)) {
    const old = (await tx.get<{ value: string }>('SELECT value FROM texts WHERE report_id = ? AND key = ?', [reportId, key]))?.value ?? null;
    if (value === null) await tx.run('DELETE FROM texts WHERE report_id = ? AND key = ?', [reportId, key]);
    else {
      await tx.run(
        'INSERT INTO texts (report_id, key, value) VALUES (?, ?, ?) ON CONFLICT (report_id, key) DO UPDATE SET value = excluded.value',
        [reportId, key, value],
      );
    }
    if (old !== value) changes.push({ kind: 'text', table: '', row: key, col: '', old, new: value });
  }
  return changes;
}

export class ReportStore {
  /** The clock of journal entries (tests set their own). */
  now: () => Date = () => new Date();
  private readonly listeners = new Set<() => void>();

  constructor(readonly db: Database) {}

  /** Called after every committed write (the backups count edits with it). */
  onWrite(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the listeners of a write committed outside this store's own methods (the 绩效 tables). */
  noteWrite(): void {
    this.wrote(undefined);
  }

  private wrote<T>(result: T): T {
    for (const listener of this.listeners) listener();
    return result;
  }

  static async open(file: string, options?: OpenOptions): Promise<ReportStore> {
    return new ReportStore(await openDatabase(file, options));
  }

  get file(): string {
    return this.db.file;
  }

  close(): Promise<void> {
    return this.db.close();
  }

  async listUnits(): Promise<Unit[]> {
    const rows = await this.db.all<UnitRow>('SELECT code, name, kind, parent FROM units ORDER BY code');
    return rows.map(toUnit);
  }

  async getUnit(code: string): Promise<Unit | undefined> {
    const row = await this.db.get<UnitRow>('SELECT code, name, kind, parent FROM units WHERE code = ?', [code]);
    return row && toUnit(row);
  }

  /** Adds a unit; the code must be new and the parent (if any) must exist. */
  async addUnit(unit: Unit): Promise<Unit> {
    return this.db.transaction(async (tx) => {
      if (await tx.get('SELECT 1 FROM units WHERE code = ?', [unit.code])) {
        throw new AppError(`单位编码 ${unit.code} 已存在`);
      }
      if (unit.parent !== null && !(await tx.get('SELECT 1 FROM units WHERE code = ?', [unit.parent]))) {
        throw new AppError(`上级单位 ${unit.parent} 不存在`);
      }
      await tx.run('INSERT INTO units (code, name, kind, parent) VALUES (?, ?, ?, ?)', [
        unit.code,
        unit.name,
        unit.kind,
        unit.parent,
      ]);
      return unit;
    });
  }

  /** Changes a unit's name, kind or parent (its code is its identity). */
  async updateUnit(unit: Unit): Promise<Unit> {
    return this.db.transaction(async (tx) => {
      if (!(await tx.get('SELECT 1 FROM units WHERE code = ?', [unit.code]))) throw new AppError(`单位 ${unit.code} 不存在`);
      if (unit.parent !== null) {
        if (!(await tx.get('SELECT 1 FROM units WHERE code = ?', [unit.parent]))) {
          throw new AppError(`上级单位 ${unit.parent} 不存在`);
        }
        // Walking up from the new parent must not reach the unit itself, or the tree becomes a loop.
        const loop = await tx.get(
          `WITH RECURSIVE up(code) AS (SELECT ? UNION SELECT units.parent FROM units JOIN up ON units.code = up.code WHERE units.parent IS NOT NULL)
           SELECT 1 FROM up WHERE code = ?`,
          [unit.parent, unit.code],
        );
        if (loop) throw new AppError(`单位 ${unit.parent} 是 ${unit.code} 的下级单位，不能作为它的上级单位`);
      }
      await tx.run('UPDATE units SET name = ?, kind = ?, parent = ? WHERE code = ?', [unit.name, unit.kind, unit.parent, unit.code]);
      return unit;
    });
  }

  /** Removes a unit that has no reports and no subordinate units; a clerk's data is never dropped as a side effect. */
  async removeUnit(code: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (await tx.get('SELECT 1 FROM reports WHERE unit_code = ?', [code])) {
        throw new AppError(`单位 ${code} 已有报表，不能删除`);
      }
      if (await tx.get('SELECT 1 FROM units WHERE parent = ?', [code])) {
        throw new AppError(`单位 ${code} 还有下级单位，不能删除`);
      }
      const result = await tx.run('DELETE FROM units WHERE code = ?', [code]);
      if (result.changes === 0) throw new AppError(`单位 ${code} 不存在`);
    });
  }

  async findReport(unitCode: string, year: number): Promise<StoredReport | undefined> {
    const row = await this.db.get<ReportRow>(
      'SELECT id, unit_code, year, pack_id FROM reports WHERE unit_code = ? AND year = ?',
      [unitCode, year],
    );
    return row && toReport(row);
  }

  /** The report of a unit for a year, created empty on first use. */
  async getOrCreateReport(unitCode: string, year: number, packId: string): Promise<StoredReport> {
    return this.db.transaction(async (tx) => {
      await tx.run('INSERT OR IGNORE INTO reports (unit_code, year, pack_id) VALUES (?, ?, ?)', [unitCode, year, packId]);
      const row = await tx.get<ReportRow>(
        'SELECT id, unit_code, year, pack_id FROM reports WHERE unit_code = ? AND year = ?',
        [unitCode, year],
      );
      if (!row) throw new AppError(`无法创建单位 ${unitCode} ${year} 年度的报表`);
      return toReport(row);
    });
  }

  async loadReportData(reportId: number): Promise<ReportData> {
    const [rowRows, cellRows, textRows, typedRows] = await Promise.all([
      this.db.all<{ table_id: string; row_id: string }>(
        'SELECT table_id, row_id FROM report_rows WHERE report_id = ? ORDER BY table_id, row_id',
        [reportId],
      ),
      this.db.all<{ table_id: string; row_id: string; col_id: string; value: number }>(
        'SELECT table_id, row_id, col_id, value FROM cells WHERE report_id = ?',
        [reportId],
      ),
      this.db.all<{ key: string; value: string }>('SELECT key, value FROM texts WHERE report_id = ? ORDER BY key', [
        reportId,
      ]),
      this.db.all<{ table_id: string; row_id: string; col_id: string; value: string }>(
        'SELECT table_id, row_id, col_id, value FROM typed_cells WHERE report_id = ?',
        [reportId],
      ),
    ]);
    return stateOf(rowRows, cellRows, textRows, typedRows);
  }

  /** Writes input cells in one transaction: a value upserts, null deletes. Returns how many edits were applied. */
  async writeCells(reportId: number, edits: readonly CellWrite[], options: WriteOptions = {}): Promise<number> {
    for (const e of edits) if (e.value !== null) checkValue(e.value, `表 ${e.table} 行 ${e.row} 列 ${e.col} `);
    const result = await this.db.transaction(async (tx) => {
      const target = await journalTarget(tx, reportId);
      const before = await cellValues(tx, reportId, edits);
      const changes: Change[] = [];
      for (const edit of edits) {
        const key = cellKey(edit.table, edit.row, edit.col);
        const old = before.get(key) ?? null;
        if (edit.value === null) {
          if (old !== null) {
            await tx.run(`DELETE FROM ${tableOf(old)} WHERE report_id = ? AND table_id = ? AND row_id = ? AND col_id = ?`, [
              reportId,
              edit.table,
              edit.row,
              edit.col,
            ]);
          }
        } else {
          await insertCell(tx, reportId, { ...edit, value: edit.value }, old);
        }
        if (old !== edit.value) changes.push({ kind: 'cell', table: edit.table, row: edit.row, col: edit.col, old, new: edit.value });
        if (edit.value === null) before.delete(key);
        else before.set(key, edit.value);
      }
      await journal(tx, target, options.how ?? 'typed', changes, this.now(), options.note);
      return edits.length;
    }, options);
    return this.wrote(result);
  }

  /** Writes report texts in one transaction: a string upserts, null deletes. */
  async writeTexts(reportId: number, texts: Readonly<Record<string, string | null>>, options: WriteOptions = {}): Promise<void> {
    await this.db.transaction(async (tx) => {
      const target = await journalTarget(tx, reportId);
      const changes = await writeTextsIn(tx, reportId, texts);
      await journal(tx, target, options.how ?? 'typed', changes, this.now(), options.note);
    }, options);
    this.wrote(undefined);
  }

  /**
   * Records 科目 rows added to a subject table (already present ones are kept), and the texts that go
   * with them (names of 科目 the catalogue lacks, `options.texts`), in one transaction.
   */
  async addRows(reportId: number, table: string, rows: readonly string[], options: WriteOptions & { texts?: Readonly<Record<string, string>> } = {}): Promise<void> {
    await this.db.transaction(async (tx) => {
      const target = await journalTarget(tx, reportId);
      const changes: Change[] = [];
      for (const [key, value] of Object.entries(options.texts ?? {})) {
        const before = await tx.get<{ value: string }>('SELECT value FROM texts WHERE report_id = ? AND key = ?', [reportId, key]);
        await tx.run(
          'INSERT INTO texts (report_id, key, value) VALUES (?, ?, ?) ON CONFLICT (report_id, key) DO UPDATE SET value = excluded.value',
          [reportId, key, value],
        );
        if (before?.value !== value) changes.push({ kind: 'text', table: '', row: key, col: '', old: before?.value ?? null, new: value });
      }
      for (const row of rows) {
        const result = await tx.run('INSERT OR IGNORE INTO report_rows (report_id, table_id, row_id) VALUES (?, ?, ?)', [reportId, table, row]);
        if (result.changes > 0) changes.push({ kind: 'row', table, row, col: '', old: null, new: 1 });
      }
      await journal(tx, target, options.how ?? 'typed', changes, this.now(), options.note);
    }, options);
    this.wrote(undefined);
  }

  /**
   * Removes rows of a table and every cell in them, in one transaction, with the texts that go with
   * them (a named row's name: `options.texts`, null deletes). Returns the number of cells removed.
   */
  async removeRows(reportId: number, table: string, rows: readonly string[], options: WriteOptions & { texts?: Readonly<Record<string, string | null>> } = {}): Promise<number> {
    const removed = await this.db.transaction(async (tx) => {
      const target = await journalTarget(tx, reportId);
      const changes: Change[] = [];
      let cells = 0;
      for (const row of rows) {
        for (const from of ['cells', 'typed_cells']) {
          const gone = await tx.all<{ col_id: string; value: number | string }>(
            `SELECT col_id, value FROM ${from} WHERE report_id = ? AND table_id = ? AND row_id = ? ORDER BY col_id`,
            [reportId, table, row],
          );
          for (const cell of gone) changes.push({ kind: 'cell', table, row, col: cell.col_id, old: cell.value, new: null });
        }
        const rowResult = await tx.run('DELETE FROM report_rows WHERE report_id = ? AND table_id = ? AND row_id = ?', [reportId, table, row]);
        if (rowResult.changes > 0) changes.push({ kind: 'row', table, row, col: '', old: 1, new: null });
        for (const from of ['cells', 'typed_cells']) {
          const result = await tx.run(`DELETE FROM ${from} WHERE report_id = ? AND table_id = ? AND row_id = ?`, [reportId, table, row]);
          cells += result.changes;
        }
      }
      changes.push(...(await writeTextsIn(tx, reportId, options.texts ?? {})));
      await journal(tx, target, options.how ?? 'typed', changes, this.now(), options.note);
      return cells;
    }, options);
    return this.wrote(removed);
  }

  /**
   * Puts a report into the given state (rows, cells, texts) in one transaction, journalling what
   * changes: a restore from the history, or the undo of one. Returns the changes.
   */
  async writeReportState(
    reportId: number,
    data: ReportData,
    options: WriteOptions = {},
    also?: StateAlso,
  ): Promise<{ batchId: number | null; changes: Change[]; also: number }> {
    checkData(data);
    const changes = await this.db.transaction(async (tx) => {
      const target = await journalTarget(tx, reportId);
      const how = options.how ?? 'restore';
      const at = this.now();
      const note = options.note ?? '';
      const written = await overwriteState(tx, target, data, how, at, note);
      if (!also) return { ...written, also: 0 };
      // What is kept beside the cells (the 绩效自评) goes into the same batch, or one of its own when no cell changed.
      const more = await also.write(tx);
      if (more === 0) return { ...written, also: 0 };
      const batchId = written.batchId ?? (await insertBatch(tx, target, how, at, note));
      await also.journal(tx, batchId);
      return { batchId, changes: written.changes, also: more };
    }, options);
    return this.wrote(changes);
  }

  /**
   * Replaces a whole report (rows, cells, texts) and upserts its unit, in one transaction: what an
   * import does. Replacing with the same data leaves the database as it was. `also` runs inside the
   * same transaction, after the report is written: what must be stored with it or not at all.
   */
  async replaceReport(
    input: ReplaceReportInput,
    options: WriteOptions = {},
    also?: (tx: Tx, report: StoredReport) => Promise<void>,
  ): Promise<StoredReport> {
    const { unit, year, packId, data } = input;
    checkData(data);
    const stored = await this.db.transaction(async (tx) => {
      if (unit.parent !== null) {
        if (unit.parent === unit.code) throw new AppError(`单位 ${unit.code} 不能是自己的上级单位`);
        if (!(await tx.get('SELECT 1 FROM units WHERE code = ?', [unit.parent]))) {
          throw new AppError(`上级单位 ${unit.parent} 不存在，请先添加该单位`);
        }
      }
      await tx.run(
        `INSERT INTO units (code, name, kind, parent) VALUES (?, ?, ?, ?)
         ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, parent = excluded.parent`,
        [unit.code, unit.name, unit.kind, unit.parent],
      );
      const report = await writeWholeReport(tx, unit.code, year, packId, data, options.how ?? 'import', this.now(), options.note ?? '');
      if (also) await also(tx, report);
      return report;
    }, options);
    return this.wrote(stored);
  }

  /**
   * Replaces the report of a unit that already exists, leaving the unit as it is (a workbook import
   * never creates or changes a unit), in one transaction.
   */
  async replaceReportData(unitCode: string, year: number, packId: string, data: ReportData, options: WriteOptions = {}): Promise<StoredReport> {
    checkData(data);
    const stored = await this.db.transaction(async (tx) => {
      if (!(await tx.get('SELECT 1 FROM units WHERE code = ?', [unitCode]))) throw new AppError(`单位 ${unitCode} 不存在，请先添加该单位`);
      return writeWholeReport(tx, unitCode, year, packId, data, options.how ?? 'import', this.now(), options.note ?? '');
    }, options);
    return this.wrote(stored);
  }
}
