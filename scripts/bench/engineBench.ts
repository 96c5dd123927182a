/** Engine figures on the full-size report: compute everything from scratch; recompute after one edit. */
import type { Pack } from '../../shared/pack/model';
import { ReportEngine } from '../../shared/engine/reportEngine';
import type { FullSizeReport } from './fullSizeReport';
import { seededRandom } from './fullSizeReport';
import { ms, printFigures, quantile, timed } from './stats';

/** Every input cell of the report (empty ones too): the cells a clerk could edit. */
export function inputCells(engine: ReportEngine): { table: string; row: string; col: string }[] {
  const cells: { table: string; row: string; col: string }[] = [];
  for (const table of engine.tableIds()) {
    for (const side of engine.layout(table).sides) {
      for (const row of side.rows) for (const col of row.inputs) cells.push({ table, row: row.id, col });
    }
  }
  return cells;
}

export async function benchEngine({ pack, data }: FullSizeReport): Promise<void> {
  const scratch: number[] = [];
  let engine = new ReportEngine(pack, data);
  for (let i = 0; i < 30; i++) scratch.push(await timed(() => (engine = new ReportEngine(pack, data))));

  const cells = inputCells(engine);
  const computed = countComputed(engine, pack);
  const random = seededRandom(7);
  const perEdit: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const cell = cells[Math.floor(random() * cells.length)]!;
    const value = Math.floor(random() * 100_000_000);
    perEdit.push(await timed(() => engine.setInputs([{ ...cell, value }])));
  }

  printFigures(`计算引擎（满规模报表：${cells.length} 个录入单元格，${computed} 个计算单元格）`, [
    { what: '从零计算全部单元格（中位数）', value: ms(quantile(scratch, 0.5)) },
    { what: '单次修改后重算（中位数，1000 次随机修改）', value: ms(quantile(perEdit, 0.5)), target: '< 1 ms' },
    { what: '单次修改后重算（p99）', value: ms(quantile(perEdit, 0.99)) },
  ]);
}

function countComputed(engine: ReportEngine, pack: Pack): number {
  let n = 0;
  for (const table of pack.tables) {
    for (const side of engine.layout(table.id).sides) {
      for (const row of side.rows) n += row.cells.length - row.inputs.length;
    }
  }
  return n;
}
