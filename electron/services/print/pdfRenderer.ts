/**
 * The one renderer interface the print service draws PDFs through: Chromium everywhere, by way of
 * Electron's `webContents.printToPDF` in the app (electron/main/printWindow.ts) or a Chromium found on
 * the machine through playwright-core for the web host and the CLI (chromiumRenderer.ts). Paper size,
 * margins and the page margin boxes are all in the HTML's `@page` rules, so the renderer only loads
 * the page and prints it with the CSS page size.
 */
export interface PdfRenderer {
  /** A short name for messages and the bench (Electron, Chromium /usr/bin/chromium …). */
  readonly name: string;
  /** The PDF of one self-contained HTML document. */
  pdf(html: string): Promise<Uint8Array>;
  /** Lays the document out on screen and returns what `script` (an expression) evaluates to. */
  measure(html: string, script: string): Promise<unknown>;
  close(): Promise<void>;
}

/** Where the renderer comes from: made on first use, so starting the app or a CLI command costs nothing. */
export type PdfRendererSource = () => Promise<PdfRenderer>;

/** Sends a finished PDF to a printer through the system print dialog; only the Electron app has one. */
export interface PrinterPort {
  /** Resolves true when the clerk printed, false when they cancelled the dialog. */
  printPdf(pdf: Uint8Array, title: string): Promise<boolean>;
}
