/** Saves a file the back end made: a Blob download (in Electron the same link opens a save dialog). */
import type { FileResult } from '../../../shared/api/contract';

const TYPES: Record<string, string> = {
  txt: 'text/plain;charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function downloadFile(file: FileResult): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const ext = file.fileName.slice(file.fileName.lastIndexOf('.') + 1).toLowerCase();
  const url = URL.createObjectURL(new Blob([bytes], { type: TYPES[ext] ?? 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once click() returns; a moment later the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
