/**
 * The print Api methods. A preview renders the set and keeps its PDF under a random id; saving or
 * printing then hands over exactly the pages the clerk looked at (same fingerprint, same print time)
 * and records the print, so `verify` can later say which tables changed since.
 */
import { randomBytes } from 'node:crypto';
import type { Api, ReportRef } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import type { PrinterPort } from './pdfRenderer';
import type { PrintJob, PrintService } from './printService';
import { verifyLines } from './verifyText';

type PrintMethods = Pick<Api, 'getPrintSettings' | 'setPrintSettings' | 'printPreview' | 'printSave' | 'printToPrinter' | 'verifyFingerprint' | 'printStatus'>;

/** Previews kept at once; the screen shows only the latest, an older one is made again. */
const MAX_PREVIEWS = 4;

export function printMethods(print: PrintService, printer: PrinterPort | null): PrintMethods {
  const previews = new Map<string, { ref: ReportRef; job: PrintJob }>();

  const take = (ref: ReportRef, previewId: string): PrintJob => {
    const kept = previews.get(previewId);
    if (!kept || kept.ref.unit !== ref.unit || kept.ref.year !== ref.year || kept.ref.consolidated !== ref.consolidated) throw new AppError('打印预览已失效，请重新预览');
    return kept.job;
  };

  return {
    getPrintSettings: async (ref) => ({ settings: await print.settings(ref), canPrint: printer !== null }),

    setPrintSettings: ({ settings, ...ref }) => print.saveSettings(ref, settings),

    printPreview: async ({ parts, settings, ...ref }) => {
      const job = await print.render(ref, { ...(parts ? { parts } : {}), ...(settings ? { settings } : {}) });
      const previewId = randomBytes(16).toString('hex');
      previews.set(previewId, { ref, job });
      while (previews.size > MAX_PREVIEWS) previews.delete(previews.keys().next().value!);
      return {
        previewId,
        base64: Buffer.from(job.pdf).toString('base64'),
        fileName: job.fileName,
        pages: job.pages,
        parts: job.parts,
        fingerprint: job.fingerprint.fingerprint,
        printedAt: job.printedAt,
        unaudited: job.unaudited,
        hardFailures: job.hardFailures,
        warnings: job.warnings,
      };
    },

    printSave: async ({ previewId, ...ref }) => {
      const job = take(ref, previewId);
      await print.record(ref, job);
      return { fileName: job.fileName, base64: Buffer.from(job.pdf).toString('base64') };
    },

    printToPrinter: async ({ previewId, ...ref }) => {
      if (!printer) throw new AppError('浏览器模式下不能直接打印：请“保存 PDF”后用 PDF 阅读器打印');
      const job = take(ref, previewId);
      const printed = await printer.printPdf(job.pdf, job.fileName.replace(/\.pdf$/i, ''));
      if (printed) await print.record(ref, job);
      return { printed };
    },

    printStatus: (ref) => print.status(ref),

    verifyFingerprint: async ({ fingerprint, ...ref }) => {
      const result = await print.verify(ref, fingerprint);
      const unit = await print.unitName(ref);
      const subject = ref.consolidated ? '部门汇总' : '报表';
      return { ...result, lines: verifyLines(result, `${unit} ${ref.year} 年度${subject}`, subject) };
    },
  };
}
