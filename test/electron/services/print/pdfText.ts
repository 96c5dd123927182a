/** What poppler reads from a PDF: the text of each page (pdftotext), page sizes (pdfinfo), pictures (pdftoppm). */
import { execFileSync } from 'node:child_process';

/** The text of every page, in order. */
export function pagesText(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = text.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

/** Page sizes in points, e.g. { width: 841.92, height: 594.96 } for A4 landscape. */
export function pageSizes(file: string): { width: number; height: number }[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '100000', file], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** Text without the spaces pdftotext puts between wide characters and columns. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}
