/** The 情况说明 as printed pages: the same text the .txt and Word exports write. */
import type { NarrativeDoc } from '../narrative/document';
import { printedText } from '../narrative/edits';
import { escapeHtml } from './html';
import type { NamedPage } from './pageCss';
import { section, type PartHtml } from './part';
import type { Paper } from './settings';

const NARRATIVE_CSS = `
.narrative h1 { font-size: 18pt; text-align: center; margin: 0 0 6mm; }
.narrative h2 { font-size: 14pt; margin: 5mm 0 2mm; break-after: avoid; }
.narrative h3, .narrative h4 { font-size: 12pt; margin: 3mm 0 1.5mm; text-indent: 2em; break-after: avoid; }
.narrative p { font-size: 12pt; line-height: 1.75; text-indent: 2em; margin: 0 0 1.5mm; text-align: justify; orphans: 2; widows: 2; }
`;

/** `as`: another document written the same way (the 绩效自评报告), under its own part id and title. */
export function narrativePart(
  doc: NarrativeDoc,
  edits: Readonly<Record<string, string>>,
  paper: Paper,
  runningTitle: string,
  as: { id: string; title: string } = { id: 'narrative', title: '情况说明' },
): PartHtml {
  const page: NamedPage = { name: as.id, paper, landscape: false, runningTitle };
  const parts: string[] = [`<h1>${escapeHtml(doc.title)}</h1>`];
  for (const block of doc.blocks) {
    const text = printedText(block, edits);
    if (block.type === 'heading') parts.push(`<h${block.level + 1}>${escapeHtml(text)}</h${block.level + 1}>`);
    else for (const line of text.split(/\r?\n/)) if (line.trim() !== '') parts.push(`<p>${escapeHtml(line.trim())}</p>`);
  }
  return {
    id: as.id,
    title: as.title,
    page,
    css: { kind: 'narrative', rules: NARRATIVE_CSS },
    body: section(as.id, page, `<div class="narrative">\n${parts.join('\n')}\n</div>`),
  };
}
