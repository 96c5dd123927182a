/** Every cell of a table as row → column → value (inputs and computed alike; empty inputs are 0), for the engine tests. */
import type { ReportEngine } from '../../../shared/engine/reportEngine';

export function tableValues(engine: ReportEngine, tableId: string): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const side of engine.layout(tableId).sides) {
    for (const row of side.rows) {
      const cells: Record<string, number> = {};
      for (const col of row.cells) cells[col] = engine.value(tableId, row.id, col) ?? 0;
      out[row.id] = cells;
    }
  }
  return out;
}
