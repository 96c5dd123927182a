/**
 * The last net at a transport boundary (dispatch, the CLI): a file-system or SQLite failure that
 * escaped without a Chinese message still becomes one, so the clerk never reads
 * “内部错误：SQLITE_FULL…” or “ENOSPC…”. Everything else passes through unchanged (program errors).
 */
import { AppError } from '../../shared/api/errors';
import { errnoCode, writeFailureMessage } from './files/fsErrors';
import { storageMessage } from './store/sqliteErrors';

export function asClerkError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const code = errnoCode(err);
  if (code === undefined) return err;
  if (code.startsWith('SQLITE_')) {
    const message = storageMessage(code, '数据库文件');
    return message === null ? err : new AppError(message);
  }
  const path = err instanceof Error && 'path' in err && typeof err.path === 'string' ? err.path : '文件';
  const message = writeFailureMessage(err, path);
  return message === null ? err : new AppError(message);
}
