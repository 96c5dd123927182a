/**
 * Replaces a report's rows, cells and texts in ONE transaction, as ReportStore.replaceReport does, but
 * with multi-row INSERTs: a full-size import writes thousands of cells, and one statement per cell
 * costs a round trip each. The unit must already exist (an import never creates or changes a unit).
 */
import { splitCellKey, type ReportData } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import type { Tx } from '../store/database';
import type { ReportStore } from '../store/reportStore';

/** Rows per INSERT: 5 parameters each stays far below SQLite's 32,766-parameter limit. */
const BATCH = 400;

async function insertMany(tx: Tx, head: string, width: number, rows: (string | number)[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    const tuple = `(${new Array<string>(width).fill('?').join(', ')})`;
    await tx.run(`${head} VALUES ${chunk.map(() => tuple).join(', ')}`, chunk.flat());
  }
}

export async function writeImportedReport(store: ReportStore, unitCode: string, year: number, packId: string, data: ReportData): Promise<void> {
  for (const [key, value] of Object.entries(data.inputs)) {
    if (!Number.isSafeInteger(value)) throw new AppError(`单元格 ${key} 的数值不是整数分，未写入`);
  }
  await store.db.transaction(async (tx) => {
    if (!(await tx.get('SELECT 1 FROM units WHERE code = ?', [unitCode]))) throw new AppError(`单位 ${unitCode} 不存在，请先添加该单位`);
    await tx.run(
      `INSERT INTO reports (unit_code, year, pack_id) VALUES (?, ?, ?)
       ON CONFLICT (unit_code, year) DO UPDATE SET pack_id = excluded.pack_id`,
      [unitCode, year, packId],
    );
    const report = await tx.get<{ id: number }>('SELECT id FROM reports WHERE unit_code = ? AND year = ?', [unitCode, year]);
    if (!report) throw new AppError(`无法创建单位 ${unitCode} ${year} 年度的报表`);
    const id = report.id;
    await tx.run('DELETE FROM report_rows WHERE report_id = ?', [id]);
    await tx.run('DELETE FROM cells WHERE report_id = ?', [id]);
    await tx.run('DELETE FROM texts WHERE report_id = ?', [id]);
    const rows = Object.entries(data.rows).flatMap(([table, codes]) => [...new Set(codes)].map((code) => [id, table, code]));
    await insertMany(tx, 'INSERT INTO report_rows (report_id, table_id, row_id)', 3, rows);
    const cells = Object.entries(data.inputs).map(([key, value]) => {
      const { table, row, col } = splitCellKey(key);
      return [id, table, row, col, value];
    });
    await insertMany(tx, 'INSERT INTO cells (report_id, table_id, row_id, col_id, value)', 5, cells);
    await insertMany(tx, 'INSERT INTO texts (report_id, key, value)', 3, Object.entries(data.texts).map(([k, v]) => [id, k, v]));
  });
}
