/**
 * Errors a clerk can cause are values with a Chinese message and a place, never a stack trace.
 * Transports carry `{ message, where }` and the client side re-creates the AppError.
 */
export interface Where {
  file?: string;
  sheet?: string;
  cell?: string;
  table?: string;
  row?: string;
  column?: string;
}

export class AppError extends Error {
  readonly where: Where | undefined;
  constructor(message: string, where?: Where) {
    super(message);
    this.name = 'AppError';
    this.where = where;
  }

  toJSON(): { message: string; where?: Where } {
    return this.where ? { message: this.message, where: this.where } : { message: this.message };
  }
}

/** Human text for a place: 表T03（支出决算表）行 2010301 列 c2 … in the words given. */
export function describeWhere(where: Where | undefined): string {
  if (!where) return '';
  const parts = [
    where.file && `文件“${where.file}”`,
    where.sheet && `工作表“${where.sheet}”`,
    where.cell && `单元格 ${where.cell}`,
    where.table && `表 ${where.table}`,
    where.row && `行 ${where.row}`,
    where.column && `列 ${where.column}`,
  ].filter(Boolean);
  return parts.join('，');
}
