/** Saving a file the back end made: the one place the Excel UI touches the document. */
import type { FileResult } from '../../../shared/api/contract';
import { base64ToBytes } from './fileBytes';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Hands a file made by the back end to the clerk: a Blob behind an `<a download>`, which the browser
 * saves as a download and Electron turns into its save dialog.
 */
export function saveFile(file: FileResult, type = XLSX_TYPE): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.base64)], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has taken its copy once click() returns; the URL is freed a little later to be safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
