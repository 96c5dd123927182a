/** The page count of a PDF Chromium wrote. */
import { AppError } from '../../../shared/api/errors';

/** Chromium (Skia) writes every page object plainly, so counting `/Type /Page` is exact and fast. */
export function pdfPageCount(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const found = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  if (found === 0) throw new AppError('生成的 PDF 中没有页面');
  return found;
}
