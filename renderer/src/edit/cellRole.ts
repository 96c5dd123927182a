/**
 * What a cell the clerk cannot type into is, said in place when they try (Excel's protected-cell
 * message, but naming why): a 类 or 款 total, the table's 合计, a column computed from the others.
 */
import type { LayoutRow } from '../../../shared/engine/types';
import type { ColumnDef } from '../../../shared/pack/model';

export function notTypableReason(row: LayoutRow | null, column: ColumnDef | undefined, exists: boolean, role: 'code' | 'name' | 'item' | 'line' | 'data'): string {
  if (role !== 'data') return '这里是行标题，不能填写数字；新增科目请用上方的“添加科目”';
  if (!row || !exists) return '此处没有单元格（表中该格不填），不能填写';
  const label = column?.label ?? '';
  if (row.level === '类' && !row.inputs.length) return '类级合计，由下级科目自动汇总，不能直接填写';
  if (row.level === '款' && !row.inputs.length) return '款级合计，由下级项目自动汇总，不能直接填写';
  if (row.total) return `${row.label.trim()}行，由本表其他行自动计算，不能直接填写`;
  return `“${label}”由公式自动计算（本行其他栏或其他表），不能直接填写`;
}
