/** Random valid reports on a pack, from a seed: the input of the round-trip property test. */
import { cellKey, type CellKey } from '../../../../shared/api/contract';
import { ReportEngine } from '../../../../shared/engine/reportEngine';
import { catalogueOf, type Pack } from '../../../../shared/pack/model';
import { seededRandom } from '../../../../scripts/bench/fullSizeReport';

export interface RandomReport {
  rows: Record<string, string[]>;
  inputs: Record<CellKey, number>;
}

export function randomReport(pack: Pack, seed: number): RandomReport {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const amount = (): number => {
    const scale = pick([100, 10_000, 1_000_000, 100_000_000, 10_000_000_000]);
    const v = Math.floor(random() * scale) + 1;
    return random() < 0.05 ? -v : v;
  };
  const items = catalogueOf(pack, 'func').entries.filter((e) => e.level === '项').map((e) => e.code);
  const rows: Record<string, string[]> = {};
  for (const table of pack.tables) {
    const subject = table.sides.some((s) => s.rows.some((r) => r.type === 'subject'));
    if (!subject || random() < 0.2) continue;
    const count = 1 + Math.floor(random() * 10);
    rows[table.id] = [...new Set(Array.from({ length: count }, () => pick(items)))];
  }
  const engine = new ReportEngine(pack, { rows, inputs: {} });
  const inputs: Record<CellKey, number> = {};
  for (const table of engine.tableIds()) {
    for (const side of engine.layout(table).sides) {
      for (const row of side.rows) {
        if (row.inputs.length === 0) continue;
        const isItem = row.removable;
        const filled = row.inputs.filter(() => random() < (isItem ? 0.6 : 0.4));
        // Every 科目 row carries a figure: a row of zeros is not printed, as bureaus do.
        if (isItem && filled.length === 0) filled.push(pick(row.inputs));
        for (const col of filled) {
          const isCount = row.kind === 'count';
          inputs[cellKey(table, row.id, col)] = isCount ? Math.floor(random() * 50) + 1 : amount();
        }
      }
    }
  }
  return { rows, inputs };
}
