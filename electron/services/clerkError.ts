/**
 * The last net at a transport boundary (dispatch, the CLI): a file-system or SQLite failure that
 * escaped without a Chinese message still becomes one, so the clerk never reads
 * “内部错误：SQLITE_FULL…” or “ENOSPC…”. Everything else passes through unchanged (program errors).
 */
import { AppError } from '../../shared/api/errors';
import { errnoCode } from './files/fsErrors';
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
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError(`磁盘空间不足，无法写入“${path}”。请清理磁盘后重试。`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError(`没有权限读写“${path}”（文件或所在文件夹是只读的，或正被其他程序占用）。请检查权限后重试。`);
    case 'EIO':
      return new AppError(`读写“${path}”时磁盘出错（设备可能已断开）。请检查磁盘后重试。`);
    default:
      return err;
  }
}
