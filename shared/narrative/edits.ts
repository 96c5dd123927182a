/**
 * A clerk may rewrite a generated paragraph by hand; the rewrite is kept as report text
 * `narrative.edit.<paragraphId>` and used instead of the generated wording until it is removed.
 * The N-checks then compare the rewrite with what the tables say now.
 */
import { blockText, type Block, type NarrativeDoc } from './document';

export const EDIT_PREFIX = 'narrative.edit.';

export function editTextKey(paragraphId: string): string {
  return `${EDIT_PREFIX}${paragraphId}`;
}

/** Paragraph id → hand-edited text, from the report texts. */
export function editsFromTexts(texts: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(texts)) {
    if (key.startsWith(EDIT_PREFIX) && value.trim() !== '') out[key.slice(EDIT_PREFIX.length)] = value;
  }
  return out;
}

/** The text a block prints: the clerk's rewrite of a paragraph if there is one. */
export function printedText(block: Block, edits: Readonly<Record<string, string>>): string {
  if (block.type === 'paragraph') {
    const edited = edits[block.id];
    if (edited !== undefined) return edited.trim();
  }
  return blockText(block);
}

/** Paragraph indent of Chinese official documents: two full-width spaces. */
const INDENT = '\u3000\u3000';

/** The document as UTF-8 text: title, headings on their own lines, paragraphs indented. */
export function narrativeText(doc: NarrativeDoc, edits: Readonly<Record<string, string>> = {}): string {
  const lines: string[] = [doc.title, ''];
  for (const block of doc.blocks) {
    const text = printedText(block, edits);
    if (block.type === 'heading') {
      if (block.level === 1 && lines[lines.length - 1] !== '') lines.push('');
      lines.push(block.level === 1 ? text : `${INDENT}${text}`);
    } else {
      for (const line of text.split(/\r?\n/)) if (line.trim() !== '') lines.push(`${INDENT}${line.trim()}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
