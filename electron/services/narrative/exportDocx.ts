/**
 * The 情况说明 as a Word document laid out like a Chinese official document (GB/T 9704): A4, title in
 * 宋体 22 pt bold, 一级标题 黑体, 二级 楷体, body 仿宋 16 pt with a two-character first-line indent and
 * 28 pt exact line spacing, page numbers “— n —” at the foot. Font names are the ones Windows ships
 * (宋体/黑体/楷体/仿宋); where they are missing, Word and LibreOffice substitute a CJK font by family.
 * Clerk fields not yet written stay visible, highlighted, so an unfinished draft cannot pass for final.
 */
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import type { Block, NarrativeDoc, Run } from '../../../shared/narrative/document';
import { printedText } from '../../../shared/narrative/edits';

const PT = 2; // docx sizes are half-points
const BODY_PT = 16;
const LINE_TWIPS = 560; // 28 pt
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 };

const FONTS = {
  title: '宋体',
  h1: '黑体',
  h2: '楷体',
  body: '仿宋',
} as const;

function font(eastAsia: string): { ascii: string; hAnsi: string; eastAsia: string; cs: string } {
  return { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia, cs: 'Times New Roman' };
}

function bodyRun(text: string, options: { bold?: boolean; font?: string; empty?: boolean } = {}): TextRun {
  return new TextRun({
    text,
    font: font(options.font ?? FONTS.body),
    size: BODY_PT * PT,
    ...(options.bold ? { bold: true } : {}),
    ...(options.empty ? { highlight: 'yellow' } : {}),
  });
}

function spacing(): { line: number; lineRule: typeof LineRuleType.EXACT } {
  return { line: LINE_TWIPS, lineRule: LineRuleType.EXACT };
}

function runsOf(runs: readonly Run[]): TextRun[] {
  return runs.map((r) => bodyRun(r.text, { empty: r.empty === true }));
}

function blockParagraphs(block: Block, edits: Readonly<Record<string, string>>): Paragraph[] {
  if (block.type === 'heading') {
    const text = printedText(block, edits);
    const face = block.level === 1 ? FONTS.h1 : block.level === 2 ? FONTS.h2 : FONTS.body;
    return [
      new Paragraph({
        children: [bodyRun(text, { font: face, bold: block.level !== 2 })],
        outlineLevel: block.level - 1,
        keepNext: true,
        spacing: block.level === 1 ? { ...spacing(), before: 280 } : spacing(),
        ...(block.level === 1 ? { alignment: AlignmentType.CENTER } : { indent: { firstLine: BODY_PT * 2 * 20 } }),
      }),
    ];
  }
  const edited = edits[block.id];
  // A clerk field may hold several paragraphs; each becomes its own indented paragraph.
  const lines: TextRun[][] = [[]];
  const source: Run[] = edited !== undefined ? [{ kind: 'text', text: edited.trim() }] : block.runs;
  for (const run of source) {
    const parts = run.text.split(/\r?\n/);
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== '') lines[lines.length - 1]?.push(...runsOf([{ ...run, text: part.trim() }]));
    });
  }
  return lines
    .filter((children) => children.length > 0)
    .map(
      (children) =>
        new Paragraph({
          children,
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: BODY_PT * 2 * 20 },
          spacing: spacing(),
        }),
    );
}

export async function narrativeDocx(doc: NarrativeDoc, edits: Readonly<Record<string, string>>): Promise<Buffer> {
  const title = new Paragraph({
    children: [new TextRun({ text: doc.title, font: font(FONTS.title), size: 22 * PT, bold: true })],
    alignment: AlignmentType.CENTER,
    spacing: { before: 240, after: 480 },
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONTS.body), size: 14 * PT }),
        ],
      }),
    ],
  });
  const document = new Document({
    creator: '决算工作站',
    title: doc.title,
    styles: { default: { document: { run: { font: font(FONTS.body), size: BODY_PT * PT } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: { ...MARGIN, header: 851, footer: 992 } } },
        footers: { default: footer },
        children: [title, ...doc.blocks.flatMap((b) => blockParagraphs(b, edits))],
      },
    ],
  });
  return Packer.toBuffer(document);
}
