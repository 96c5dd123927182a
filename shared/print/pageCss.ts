/**
 * The `@page` rules of a printed set. The default page carries the margin boxes Chromium fills on
 * every page: the warning of a report that fails a 强制 rule at the top right, and at the foot the
 * signature line, `第 n 页 共 m 页` (counter(page), counter(pages)), the data fingerprint and the print
 * time. Each part has a named page of its own for its paper and orientation (a wide table in landscape,
 * A3 where chosen), and the cover, 情况说明 and 审核报告 adjust the margin boxes they need.
 */
import { cssString, SANS_FONTS, SERIF_FONTS } from './html';
import type { Margins, Paper } from './settings';

export const PAPER_MM: Record<Paper, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  A3: { width: 297, height: 420 },
};

/** Printed on every page of a report that fails a 强制 audit rule. */
export const UNAUDITED_MARK = '未通过审核，仅供核对';

export const PX_PER_MM = 96 / 25.4;

export interface PageFurniture {
  margins: Margins;
  /** The signature line (labels and the names of the cover fields). */
  signature: string;
  fingerprint: string;
  /** As printed: 2026-11-28 18:30. */
  printedAt: string;
  /** The report fails a 强制 rule: every page carries UNAUDITED_MARK. */
  unaudited: boolean;
}

export interface NamedPage {
  name: string;
  paper: Paper;
  landscape: boolean;
  /** A running head at the top left (情况说明 and 审核报告, whose body has no repeated title). */
  runningTitle?: string;
  /** The cover signs in its body, so its foot carries no signature line. */
  noSignature?: boolean;
}

/** Width and height of the area inside the margins, in millimetres. */
export function printableMm(paper: Paper, landscape: boolean, margins: Margins): { width: number; height: number } {
  const size = PAPER_MM[paper];
  const width = landscape ? size.height : size.width;
  const height = landscape ? size.width : size.height;
  return { width: width - margins.left - margins.right, height: height - margins.top - margins.bottom };
}

export function footerText(furniture: Pick<PageFurniture, 'fingerprint' | 'printedAt'>): string {
  return `数据指纹 ${furniture.fingerprint}　　打印时间 ${furniture.printedAt}`;
}

const NUMBERS = `"第 " counter(page) " 页 共 " counter(pages) " 页　　"`;

export function defaultPageCss(furniture: PageFurniture): string {
  const { margins } = furniture;
  const footer = `${cssString(`${furniture.signature}\n`)} ${NUMBERS} ${cssString(footerText(furniture))}`;
  const top = furniture.unaudited
    ? `@top-right { content: ${cssString(UNAUDITED_MARK)}; color: #c00000; font: bold 11pt ${SANS_FONTS}; vertical-align: bottom; padding-bottom: 2mm; }`
    : '';
  return `@page {
  margin: ${margins.top}mm ${margins.right}mm ${margins.bottom}mm ${margins.left}mm;
  @bottom-center { content: ${footer}; white-space: pre; text-align: center; vertical-align: top; padding-top: 3mm; font: 8.5pt/1.7 ${SERIF_FONTS}; color: #000; }
  ${top}
}
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { font: 10pt/1.35 ${SERIF_FONTS}; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
section.part + section.part { break-before: page; }
`;
}

export function namedPageCss(page: NamedPage, furniture: PageFurniture): string {
  const running = page.runningTitle ? `@top-left { content: ${cssString(page.runningTitle)}; font: 9pt ${SERIF_FONTS}; vertical-align: bottom; padding-bottom: 2mm; }` : '';
  const foot = page.noSignature ? `@bottom-center { content: ${NUMBERS} ${cssString(footerText(furniture))}; }` : '';
  // The width is the page's own printable width, so the screen layout that measures the set wraps
  // every line exactly as the printed page will.
  const width = printableMm(page.paper, page.landscape, furniture.margins).width;
  return `@page ${page.name} { size: ${page.paper} ${page.landscape ? 'landscape' : 'portrait'}; ${running} ${foot} }
section.part[data-page="${page.name}"] { page: ${page.name}; width: ${width.toFixed(1)}mm; }
`;
}

/** A whole HTML document around a body. */
export function printDocument(title: string, css: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title.replace(/[<&]/g, '')}</title>
<style>
${css}
</style></head><body>
${body}
</body></html>
`;
}
