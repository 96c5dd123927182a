/**
 * The 12-column 三公 form most provinces publish (财政拨款“三公”经费支出决算表): header groups
 * 合计 | 因公出国（境）费 | 公务用车购置及运行维护费 (小计 | 公务用车购置费 | 公务用车运行维护费) | 公务接待费,
 * each split 预算数 | 决算数, over ONE data row. It is read into the pack's 三公 table when that
 * table has rows for these items and 预算数/决算数 columns; it replaces only those cells, and the
 * rest of the 三公 table (机关运行经费, 统计数) keeps its figures.
 */
import type { MoneyUnit } from '../../../shared/money/fen';
import type { Pack, TableDef } from '../../../shared/pack/model';
import { buildTableLayout } from '../../../shared/engine/layout';
import type { LayoutRow } from '../../../shared/engine/types';
import { cellAmount } from './cellAmount';
import type { Grid } from './grid';
import type { FoundValue, TableRead } from './readTable';
import { cellAddress, normalizeLabel } from './words';

type Item = 'total' | 'abroad' | 'car' | 'carBuy' | 'carOps' | 'reception';

const ITEM_LABELS: Record<Item, string[]> = {
  total: ['合计', '三公经费支出', '三公经费', '三公经费合计'],
  abroad: ['因公出国境费'],
  car: ['公务用车购置及运行维护费', '公务用车购置及运行费'],
  carBuy: ['公务用车购置费', '公务用车购置'],
  carOps: ['公务用车运行维护费', '公务用车运行费'],
  reception: ['公务接待费'],
};

export interface SanGongTarget {
  table: TableDef;
  rows: Partial<Record<Item, LayoutRow>>;
  budget: string;
  actual: string;
}

/** True for a header row naming 因公出国（境）费 and 公务接待费 in different cells. */
export function isSanGongRow(texts: readonly string[]): boolean {
  const labels = texts.map(normalizeLabel);
  const abroad = labels.findIndex((t) => t.startsWith('因公出国'));
  const reception = labels.findIndex((t) => t.startsWith('公务接待'));
  return abroad >= 0 && reception >= 0 && abroad !== reception;
}

function itemOf(label: string): Item | null {
  for (const [item, labels] of Object.entries(ITEM_LABELS) as [Item, string[]][]) if (labels.includes(label)) return item;
  return null;
}

/** The pack table that can hold the form: rows for the four items and 预算数/决算数 columns; null when none can. */
export function findSanGongTarget(pack: Pack): SanGongTarget | null {
  for (const table of pack.tables) {
    const budget = table.columns.find((c) => normalizeLabel(c.label) === '预算数')?.id;
    const actual = table.columns.find((c) => normalizeLabel(c.label) === '决算数')?.id;
    if (!budget || !actual) continue;
    const rows: Partial<Record<Item, LayoutRow>> = {};
    for (const side of buildTableLayout(pack, table, []).layout.sides) {
      for (const row of side.rows) {
        const item = itemOf(normalizeLabel(row.label));
        if (item && !rows[item]) rows[item] = row;
      }
    }
    if (rows.abroad && rows.carBuy && rows.carOps && rows.reception) return { table, rows, budget, actual };
  }
  return null;
}

const MEASURES: Record<string, 'budget' | 'actual'> = { 预算数: 'budget', 预算: 'budget', 决算数: 'actual', 决算: 'actual' };

/** Reads the form's one data row into the target table; what the pack cannot hold is reported by name. */
export function readSanGongForm(grid: Grid, target: SanGongTarget, headerRow: number, unit: MoneyUnit): TableRead {
  const { table } = target;
  const result: TableRead = { table, sheet: grid.name, subjectRows: [], inputs: [], computed: [], notPlaced: [], keep: new Map(), scope: new Set(), splitTotals: [] };
  const problem = (cell: string, reason: string) => result.notPlaced.push({ sheet: grid.name, cell, reason });

  // The header runs from the item row down to the row holding 预算数/决算数 (and 栏次 if printed).
  let measureRow = 0;
  for (let r = headerRow; r <= Math.min(grid.lastRow, headerRow + 4) && measureRow === 0; r++) {
    if ([...(grid.rows.get(r)?.values() ?? [])].some((c) => MEASURES[normalizeLabel(c.text)])) measureRow = r;
  }
  if (measureRow === 0) {
    problem(cellAddress(headerRow, 1), '横排“三公”经费表的表头中找不到“预算数”“决算数”，本表未导入');
    result.fatal = '表头中找不到“预算数”“决算数”';
    return result;
  }
  const columns = new Map<number, { item: Item; measure: 'budget' | 'actual'; words: string }>();
  for (let c = 1; c <= grid.lastCol; c++) {
    const words: string[] = [];
    for (let r = headerRow; r <= measureRow; r++) {
      const w = normalizeLabel(grid.rows.get(r)?.get(c)?.text ?? '');
      if (w && words[words.length - 1] !== w) words.push(w);
    }
    const measure = MEASURES[words[words.length - 1] ?? ''];
    if (!measure) continue;
    const itemWords = words.slice(0, -1);
    const last = itemWords[itemWords.length - 1] ?? '';
    const item = last === '小计' ? (itemWords.some((w) => itemOf(w) === 'car') ? 'car' : null) : itemOf(last);
    if (!item) {
      problem(cellAddress(measureRow, c), `栏目“${itemWords.join('·')}”不是“三公”经费的栏目，未导入`);
      continue;
    }
    columns.set(c, { item, measure, words: [...itemWords, words[words.length - 1]].join('·') });
  }

  // The data row: the first row under the header with a figure (a 栏次 row is skipped).
  const dataRows: number[] = [];
  for (let r = measureRow + 1; r <= grid.lastRow; r++) {
    const cells = [...(grid.rows.get(r)?.entries() ?? [])].filter(([c, cell]) => columns.has(c) && !cell.mergedCopy);
    const texts = [...(grid.rows.get(r)?.values() ?? [])].map((c) => normalizeLabel(c.text));
    if (texts.includes('栏次')) continue;
    if (texts.some((t) => /^(说明|注|填报说明|备注)/.test(t))) break;
    if (cells.length > 0) dataRows.push(r);
  }
  const row = dataRows[0];
  for (const extra of dataRows.slice(1)) problem(cellAddress(extra, 1), '横排“三公”经费表只有一行数，这一行未导入');
  for (const [c, col] of columns) {
    const layoutRow = target.rows[col.item];
    const colId = col.measure === 'budget' ? target.budget : target.actual;
    const address = cellAddress(row ?? measureRow + 1, c);
    if (!layoutRow || !layoutRow.cells.includes(colId)) {
      problem(address, `本报表格式的${table.title}没有“${col.words}”，未导入`);
      continue;
    }
    const cell = row === undefined ? undefined : grid.rows.get(row)?.get(c);
    const amount = cellAmount(cell, 'money', unit);
    if (layoutRow.inputs.includes(colId)) result.scope?.add(`${layoutRow.id}:${colId}`);
    if (!amount.ok) {
      problem(address, `${col.words}：${amount.reason}，未导入`);
      result.keep.set(`${layoutRow.id}:${colId}`, address);
      continue;
    }
    const found: FoundValue = { table: table.id, row: layoutRow.id, col: colId, value: typeof amount.value === 'number' ? amount.value : 0, kind: 'money', sheet: grid.name, cell: address };
    if (layoutRow.inputs.includes(colId)) result.inputs.push(found);
    else if (col.item === 'reception') result.splitTotals?.push({ ...found, label: col.words });
    else if (cell && !cell.mergedCopy) result.computed.push(found);
  }
  return result;
}
