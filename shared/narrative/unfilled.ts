/**
 * The «…» a document would still print: clerk fields and form values not written yet, and «…» left in a
 * hand rewrite. Every export (.txt, .docx, print) asks this list first, so a half-filled 情况说明 goes out
 * only when the clerk has seen the list and said so.
 */
import { blockText, type NarrativeDoc } from './document';

export interface UnfilledPlaceholder {
  /** The paragraph (or heading) that prints it. */
  paragraphId: string;
  /** The heading above it, for the list the clerk sees: “（一）决算单位构成”. */
  place: string;
  /** The «label» as printed, without the marks. */
  label: string;
  /** The report text key to fill in, when it is a field or form value. */
  key?: string;
}

const MARKED = /«([^«»]*)»/g;

export function unfilledPlaceholders(doc: NarrativeDoc, edits: Readonly<Record<string, string>> = {}): UnfilledPlaceholder[] {
  const out: UnfilledPlaceholder[] = [];
  let place = '';
  for (const block of doc.blocks) {
    if (block.type === 'heading') place = blockText(block);
    const edited = block.type === 'paragraph' ? edits[block.id] : undefined;
    if (edited !== undefined) {
      for (const m of edited.matchAll(MARKED)) out.push({ paragraphId: block.id, place, label: m[1] ?? '' });
      continue;
    }
    for (const run of block.runs) {
      if (run.empty) {
        out.push({ paragraphId: block.id, place, label: run.text.replace(/^«|»$/g, ''), ...(run.key ? { key: run.key } : {}) });
      } else if (run.kind === 'field' || run.kind === 'input') {
        // A clerk may type «…» into a field as a reminder; it is still unfilled.
        for (const m of run.text.matchAll(MARKED)) out.push({ paragraphId: block.id, place, label: m[1] ?? '', ...(run.key ? { key: run.key } : {}) });
      }
    }
  }
  return out;
}

/** One line per placeholder: “«主要职能»（一、主要职能）”. */
export function unfilledLines(list: readonly UnfilledPlaceholder[]): string[] {
  return list.map((u) => `«${u.label}»${u.place ? `（${u.place}）` : ''}`);
}

/** The refusal an export gives when the clerk has not agreed to leave these unfilled. */
export function unfilledMessage(list: readonly UnfilledPlaceholder[], howToAllow: string): string {
  const lines = unfilledLines(list);
  const shown = lines.slice(0, 20).join('；');
  const more = lines.length > 20 ? `；另有 ${lines.length - 20} 处` : '';
  return `情况说明中还有 ${list.length} 处未填写：${shown}${more}。请先填写，或${howToAllow}`;
}
