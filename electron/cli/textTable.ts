/**
 * Aligned plain-text tables for `juesuan show`. Chinese characters take two columns in a terminal,
 * so widths are counted in display cells, not string length.
 */
import type { ReportEngineApi } from '../../shared/engine/types';
import { displayCellValue } from '../../shared/pack/cellKind';
import type { Pack, TableDef } from '../../shared/pack/model';
import { cellIndex } from '../services/cellKinds';

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += code >= 0x2e80 && !(code >= 0xff61 && code <= 0xff9f) ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, right: boolean): string {
  const gap = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? gap + text : text + gap;
}

function renderGrid(header: string[], rows: string[][], numericFrom: number): string[] {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, i >= numericFrom))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

function columnLabel(table: TableDef, col: string): string {
  const def = table.columns.find((c) => c.id === col);
  if (!def) return col;
  return [...(def.groups ?? []), def.label].join('·');
}

/** One table as text: title line, then each side (收入 / 支出) as its own aligned grid. */
export function renderTable(engine: ReportEngineApi, pack: Pack, tableId: string): string {
  const index = cellIndex(engine, pack);
  const layout = engine.layout(tableId);
  const table = layout.table;
  const out = [`${table.code} ${table.title}（${table.id}）    金额单位：元`];
  for (const side of layout.sides) {
    const subject = side.def.rowHeader === 'subject';
    const header = subject
      ? ['行标识', '科目编码', '科目名称']
      : ['行标识', side.def.itemLabel ?? '项目', '行次'];
    header.push(...side.def.columns.map((c) => columnLabel(table, c)));
    const rows = side.rows.map((row) => {
      const label = `${'  '.repeat(row.indent)}${row.label}`;
      const lead = subject ? [row.id, row.code ?? '', label] : [row.id, label, row.lineNo ?? ''];
      const values = side.def.columns.map((col) => {
        if (!row.cells.includes(col)) return '';
        const value = engine.cellValue(tableId, row.id, col);
        if (value === null || value === undefined) return '';
        return displayCellValue(value, engine.cellType(tableId, row.id, col) ?? index.kind(tableId, row.id, col) ?? 'money');
      });
      return [...lead, ...values];
    });
    if (side.def.label) out.push('', `【${side.def.label}】`);
    else out.push('');
    out.push(...renderGrid(header, rows, 3));
  }
  return out.join('\n');
}
