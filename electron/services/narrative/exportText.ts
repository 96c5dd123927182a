/** The 情况说明 as a UTF-8 text file (with a BOM, so older Windows editors do not guess GBK). */
import type { NarrativeDoc } from '../../../shared/narrative/document';
import { narrativeText } from '../../../shared/narrative/edits';

export function narrativeTextFile(doc: NarrativeDoc, edits: Readonly<Record<string, string>>): Buffer {
  return Buffer.from(`\uFEFF${narrativeText(doc, edits).replace(/\n/g, '\r\n')}`, 'utf8');
}
