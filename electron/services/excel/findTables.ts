/**
 * Which sheet holds which table: by the title text in the sheet's top rows (whatever the sheet is
 * called), falling back to the 公开0N表 code in the sheet name; and the 金额单位 the sheet states.
 */
import type { MoneyUnit } from '../../../shared/money/fen';
import type { Pack, TableDef } from '../../../shared/pack/model';
import type { Grid } from './readWorkbook';
import { normalizeText, normalizeTitle } from './words';

const TITLE_ROWS = 12;

export interface FoundTable {
  table: TableDef;
  /** The row of the title (0 when found by the sheet name only). */
  titleRow: number;
}

function titlesOf(table: TableDef): string[] {
  return [table.title, ...(table.aliases ?? [])].map(normalizeTitle).filter((t) => t !== '');
}

/** The table a sheet holds, by the longest pack title found in a top cell; null when none. */
export function identifyTable(grid: Grid, pack: Pack): FoundTable | null {
  let best: { table: TableDef; row: number; score: number } | null = null;
  for (let r = 1; r <= Math.min(grid.lastRow, TITLE_ROWS); r++) {
    for (const cell of grid.rows.get(r)?.values() ?? []) {
      if (cell.mergedCopy || cell.number !== null) continue;
      const text = normalizeTitle(cell.text);
      if (text.length < 4) continue;
      for (const table of pack.tables) {
        for (const title of titlesOf(table)) {
          if (text.includes(title) && (!best || title.length > best.score)) best = { table, row: r, score: title.length };
        }
      }
    }
  }
  if (best) return { table: best.table, titleRow: best.row };
  const sheet = normalizeText(grid.name);
  const byCode = pack.tables.find((t) => sheet.includes(normalizeText(t.code)));
  return byCode ? { table: byCode, titleRow: 0 } : null;
}

const UNIT_LINE = /单位:?(万元|元)/;

/** The 金额单位 stated between the title and the header; null when the sheet states none. */
export function statedUnit(grid: Grid, fromRow: number, toRow: number): MoneyUnit | null {
  for (let r = Math.max(1, fromRow); r <= toRow; r++) {
    for (const cell of grid.rows.get(r)?.values() ?? []) {
      if (cell.mergedCopy) continue;
      const m = UNIT_LINE.exec(normalizeText(cell.text));
      if (m) return m[1] === '万元' ? '万元' : '元';
    }
  }
  return null;
}

