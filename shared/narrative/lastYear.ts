/**
 * 上年数: last year's figures the narrative compares against. They come from year Y−1 of the same
 * unit when that report is in the database, otherwise from figures the clerk typed in the 上年数 form,
 * stored as report texts `prev.<table>.<row>.<col>` (yuan or count strings, parsed by shared/money).
 * Texts rather than a hidden pack table: they are not published, take no part in the audit rules or
 * the Excel workbook, and vanish by themselves once last year's report is imported.
 */
import { splitCellKey, type CellKey } from '../base/cellKey';
import { cellKindIn, parseCellText } from '../pack/cellKind';
import type { ValueKind } from '../pack/model';
import { parseExpr, prevCellsOf, type Expr } from './expr';
import type { LastYearValues, NarrativeReport } from './generate';
import { segments, type Segment } from './placeholders';
import type { EachSource, NarrativeTemplate, Part } from './template';

export const PREV_PREFIX = 'prev.';

export function prevTextKey(table: string, row: string, col: string): string {
  return `${PREV_PREFIX}${table}.${row}.${col}`;
}

/**
 * Last year's report as the source: a cell it lacks is 0, as in the tables — except in a table last
 * year's format did not have (a report kept in an older format): that figure is unknown, not 0.
 */
export function lastYearFromReport(report: Pick<NarrativeReport, 'value'> & { tableIds?(): string[] }): LastYearValues {
  const tables = report.tableIds ? new Set(report.tableIds()) : null;
  return { value: (t, r, c) => (tables && !tables.has(t) ? null : (report.value(t, r, c) ?? 0)) };
}

/** Figures typed in the 上年数 form; a cell not typed is unknown (null), not 0. */
export function lastYearFromTexts(texts: Readonly<Record<string, string>>, kindOf: (t: string, r: string, c: string) => ValueKind = () => 'money'): LastYearValues | null {
  if (!Object.keys(texts).some((k) => k.startsWith(PREV_PREFIX))) return null;
  return {
    value: (t, r, c) => {
      const raw = texts[prevTextKey(t, r, c)];
      if (raw === undefined || raw.trim() === '') return null;
      const parsed = parseCellText(raw, kindOf(t, r, c));
      return parsed.ok ? parsed.fen : null;
    },
  };
}

export interface PrevCell {
  key: CellKey;
  /** The text key the 上年数 form writes. */
  textKey: string;
  table: string;
  row: string;
  col: string;
  kind: ValueKind;
  /** 表名 · 行 · 列, for the form. */
  label: string;
}

function segmentExprs(seg: Segment): { e: Expr; prevMode: boolean }[] {
  switch (seg.t) {
    case 'value':
    case 'sign':
      return [{ e: seg.e, prevMode: false }];
    case 'ratio':
      return [
        { e: seg.a, prevMode: false },
        { e: seg.b, prevMode: false },
      ];
    case 'yoy':
      return [{ e: seg.e, prevMode: true }];
    default:
      return [];
  }
}

function partExprs(part: Part, out: { e: Expr; prevMode: boolean; each: EachSource | null }[], each: EachSource | null): void {
  const conds = (c: string | undefined): void => {
    if (c !== undefined) out.push({ e: parseExpr(c), prevMode: false, each });
  };
  if (typeof part === 'string') {
    for (const seg of segments(part)) for (const x of segmentExprs(seg)) out.push({ ...x, each });
    return;
  }
  const inner = part.each ?? each;
  conds(part.when);
  for (const c of [part.zeroFilter, part.itemWhen]) if (c !== undefined) out.push({ e: parseExpr(c), prevMode: false, each: inner });
  if (part.text !== undefined) partExprs(part.text, out, inner);
  for (const p of part.parts ?? []) partExprs(p, out, inner);
}

/**
 * Every last-year cell the template reads, with `$` expanded over the rows of its list: the rows of
 * the 上年数 form, in template order.
 */
export function prevCellsNeeded(template: NarrativeTemplate, report: NarrativeReport): PrevCell[] {
  const exprs: { e: Expr; prevMode: boolean; each: EachSource | null }[] = [];
  for (const block of template.blocks) {
    if (block.type === 'heading') {
      partExprs(block.text, exprs, null);
    } else if (block.type === 'paragraph') {
      if (block.when !== undefined) exprs.push({ e: parseExpr(block.when), prevMode: false, each: null });
      for (const p of block.parts) partExprs(p, exprs, null);
    } else {
      for (const c of [block.when, block.itemWhen, block.zeroFilter]) {
        if (c !== undefined) exprs.push({ e: parseExpr(c), prevMode: false, each: block.each });
      }
      for (const p of block.item) partExprs(p, exprs, block.each);
    }
  }
  const seen = new Set<CellKey>();
  const out: PrevCell[] = [];
  const tables = new Set(report.tableIds());
  for (const { e, prevMode, each } of exprs) {
    const rows = each && 'table' in each && tables.has(each.table) ? rowsOf(report, each) : [null];
    for (const row of rows) {
      for (const key of prevCellsOf(e, row, prevMode)) {
        if (seen.has(key)) continue;
        const { table, row: r, col } = splitCellKey(key);
        if (!tables.has(table)) continue;
        const layoutRow = report.layout(table).sides.flatMap((s) => s.rows).find((x) => x.id === r);
        if (!layoutRow || !layoutRow.cells.includes(col)) continue;
        seen.add(key);
        const def = report.layout(table).table;
        const colLabel = def.columns.find((c) => c.id === col)?.label ?? col;
        out.push({
          key,
          textKey: prevTextKey(table, r, col),
          table,
          row: r,
          col,
          kind: cellKindIn(def, layoutRow, col),
          label: `${def.title} · ${layoutRow.label.trim()} · ${colLabel}`,
        });
      }
    }
  }
  return out;
}

function rowsOf(report: NarrativeReport, each: { table: string; level?: string; under?: string[] }): string[] {
  const out: string[] = [];
  for (const side of report.layout(each.table).sides) {
    for (const row of side.rows) {
      if (each.level && row.level !== each.level) continue;
      const code = row.code ?? row.id;
      if (each.under && !each.under.some((u) => code.startsWith(u))) continue;
      out.push(row.id);
    }
  }
  return out;
}
