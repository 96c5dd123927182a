/**
 * Every existing cell of a report as text — inputs and computed values alike — in layout order:
 * what `juesuan show --json` prints. Amounts are decimal strings in 元, counts integer strings.
 */
import type { ReportEngineApi } from '../../shared/engine/types';
import { plainCellValue, type CellValue, type KindLike } from '../../shared/pack/cellKind';
import type { Pack } from '../../shared/pack/model';
import type { Unit } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { cellIndex } from './cellKinds';
import type { OrderedJson } from './orderedJson';

export function valueText(value: CellValue, kind: KindLike): string {
  return plainCellValue(value, kind);
}

export type TableValues = Map<string, Map<string, string>>;

/** Values of the given tables (all when omitted), table → row → column → text. */
export function reportValues(engine: ReportEngineApi, pack: Pack, tables?: readonly string[]): Map<string, TableValues> {
  const index = cellIndex(engine, pack);
  const wanted = tables ?? engine.tableIds();
  const result = new Map<string, TableValues>();
  for (const table of wanted) {
    if (!index.hasTable(table)) throw new AppError(`表 ${table} 不存在（报表格式 ${pack.id}）`, { table });
    const rows: TableValues = new Map();
    for (const side of engine.layout(table).sides) {
      for (const row of side.rows) {
        if (row.cells.length === 0) continue;
        const cells = rows.get(row.id) ?? new Map<string, string>();
        for (const col of row.cells) {
          const type = engine.cellType(table, row.id, col) ?? index.kind(table, row.id, col) ?? 'money';
          // An empty text or decimal cell (an empty rate) is "" — not a zero nobody typed.
          const value = engine.cellValue(table, row.id, col);
          cells.set(col, value === null || value === undefined ? '' : valueText(value, type));
        }
        rows.set(row.id, cells);
      }
    }
    result.set(table, rows);
  }
  return result;
}

/** `{"pack","unit","year","tables"}` as `show --json` prints it. */
export function showJson(engine: ReportEngineApi, pack: Pack, unit: Unit, year: number, tables?: readonly string[]): OrderedJson {
  const unitJson = new Map<string, OrderedJson>([
    ['code', unit.code],
    ['name', unit.name],
    ['kind', unit.kind],
    ['parent', unit.parent],
  ]);
  return new Map<string, OrderedJson>([
    ['pack', pack.id],
    ['unit', unitJson],
    ['year', year],
    ['tables', reportValues(engine, pack, tables)],
  ]);
}
