/**
 * The preview draws the PDF's own pages with pdf.js, so what the clerk sees is exactly what prints:
 * the same fitting, the same page breaks, the same margin boxes.
 */
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export type PdfDocument = PDFDocumentProxy;

export function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  // No eval (the page's CSP forbids it) and nothing fetched: every font is embedded in the PDF.
  return getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false, stopAtErrors: false }).promise;
}

/** Draws page `number` (1-based) into the canvas at `cssWidth` CSS pixels wide, sharp on high-DPI screens. */
export async function drawPage(doc: PdfDocument, number: number, canvas: HTMLCanvasElement, cssWidth: number): Promise<{ width: number; height: number }> {
  const page = await doc.getPage(number);
  const base = page.getViewport({ scale: 1 });
  const scale = cssWidth / base.width;
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: scale * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  await page.render({ canvas, viewport }).promise;
  return { width: base.width, height: base.height };
}
