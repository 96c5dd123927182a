/**
 * File-system failures a clerk can cause (a full disk, a read-only folder, a file held open by Excel)
 * as one Chinese sentence naming the file and what to do. Node's own text is English and is never shown.
 */
import { basename, dirname } from 'node:path';
import { AppError } from '../../../shared/api/errors';

export function errnoCode(err: unknown): string | undefined {
  if (err instanceof Error && 'code' in err && typeof err.code === 'string') return err.code;
  return undefined;
}

/** The Chinese message for a failed write of `file`, or null when the error is not a file-system one. */
export function writeFailureMessage(err: unknown, file: string): string | null {
  const code = errnoCode(err);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `磁盘空间不足，无法写入“${file}”。请清理磁盘或换一个位置后重试；已有的同名文件未被改动。`;
    case 'EACCES':
    case 'EPERM':
      return `没有权限写入“${file}”（文件或所在文件夹是只读的，或文件正被其他程序打开）。请换一个位置，或关闭占用它的程序后重试。`;
    case 'EROFS':
      return `“${file}”所在的磁盘是只读的，无法写入。请换一个位置保存。`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `文件“${file}”正被其他程序（例如 Excel 或 Word）打开，无法替换。请关闭它后重试。`;
    case 'ENOENT':
      return `文件夹“${dirname(file)}”不存在，无法写入“${basename(file)}”。请先创建该文件夹或换一个位置。`;
    case 'ENOTDIR':
      return `路径“${file}”中有一段不是文件夹，无法写入。请检查路径。`;
    case 'EISDIR':
      return `“${file}”是一个文件夹，请给出要写入的文件名。`;
    case 'ENAMETOOLONG':
      return `文件名“${basename(file)}”过长，请换一个短一些的名称。`;
    case 'EIO':
      return `写入“${file}”时磁盘出错（设备可能已断开）。请检查磁盘后重试。`;
    case undefined:
      return null;
    default:
      return code.startsWith('E') ? `无法写入文件“${file}”（系统错误代码 ${code}）。请换一个位置后重试。` : null;
  }
}

export function writeFailure(err: unknown, file: string): AppError {
  return new AppError(writeFailureMessage(err, file) ?? `无法写入文件“${file}”。请换一个位置后重试。`, { file: basename(file) });
}
