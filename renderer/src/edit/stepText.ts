/** What an undo or redo changed, in words: the table, the first cell, before → after, and how many more. */
import type { ReportEngineApi } from '../../../shared/engine/types';
import type { MoneyUnit } from '../../../shared/money/fen';
import type { Pack } from '../../../shared/pack/model';
import type { CellValue } from '../../../shared/pack/cellKind';
import { formatCell } from './cellText';
import { columnName, rowName } from './place';
import type { Batch } from './undoStack';

export function stepText(pack: Pack, engine: ReportEngineApi, direction: 'undo' | 'redo', batch: Batch, unit: MoneyUnit): string {
  const verb = direction === 'undo' ? '已撤销' : '已重做';
  const first = batch[0];
  if (!first) return verb;
  const table = pack.tables.find((t) => t.id === first.table);
  const row = engine.layout(first.table).sides.flatMap((s) => s.rows).find((r) => r.id === first.row);
  const column = table?.columns.find((c) => c.id === first.col);
  const kind = engine.cellType(first.table, first.row, first.col) ?? 'money';
  const [from, to] = direction === 'undo' ? [first.after, first.before] : [first.before, first.after];
  const shown = (v: CellValue | null) => (v === null ? '（空）' : formatCell(v, kind, unit));
  const place = `${table?.code ?? first.table} 行“${row ? rowName(row) : first.row}”列“${column ? columnName(column) : first.col}”`;
  const more = batch.length > 1 ? `，共 ${batch.length} 个单元格（一次粘贴或清除）` : '';
  return `${verb}：${place} ${shown(from)} → ${shown(to)}${more}`;
}
