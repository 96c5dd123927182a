/**
 * Narrative ↔ tables (spec §3.3 N-1 … N-9). Generated text holds by construction; these checks are for
 * paragraphs the clerk rewrote by hand, and for what is still missing. Each figure and 增/减 word of
 * the generated paragraph is looked for in the rewrite after the same few characters of wording that
 * precede it, so a changed number is named precisely even when the clerk reworded the rest.
 * Every result is 提示: the clerk decides, the export is never blocked.
 */
import type { CellKey } from '../base/cellKey';
import { blockText, type Block, type NarrativeDoc, type ParagraphBlock, type Run } from './document';

export interface NarrativeCheckResult {
  /** N-1 … N-9 as in spec §3.3; N-0 for a field or form value not yet filled in. */
  id: string;
  level: '提示';
  message: string;
  /** The paragraph concerned (its hand edit is `narrative.edit.<id>`); null for the document. */
  paragraphId: string | null;
  /** Table cells behind the figure concerned, for the audit panel to open. */
  cells: CellKey[];
}

const ANCHOR = 6;

function halfWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff0e\uff0c\uff05]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code <= 0xff19 && code >= 0xff10) return String.fromCharCode(code - 0xff10 + 0x30);
    return ch === '\uff0e' ? '.' : ch === '\uff0c' ? ',' : '%';
  });
}

interface Figure {
  number: string;
  unit: string;
  raw: string;
}

const FIGURE = /^[-\u2212]?\s*\d[\d,.]*(万元|元|%)?/;

function readFigure(text: string, at: number): Figure | null {
  const rest = halfWidth(text.slice(at));
  const m = FIGURE.exec(rest);
  if (!m) return null;
  const unit = m[1] ?? '';
  const number = m[0].slice(0, m[0].length - unit.length).replace(/[\s,]/g, '').replace('\u2212', '-');
  return { number, unit, raw: text.slice(at, at + m[0].length) };
}

function splitFigure(text: string): Figure {
  return readFigure(text, 0) ?? { number: text, unit: '', raw: text };
}

function sameNumber(a: string, b: string): boolean {
  const x = Number(a);
  const y = Number(b);
  return Number.isFinite(x) && Number.isFinite(y) ? x === y : a === b;
}

/** Words from `alternatives` written one after another at `at` (增加减少 gives two). */
function readWords(text: string, at: number, alternatives: readonly string[]): string[] {
  const sorted = [...new Set(alternatives)].sort((a, b) => b.length - a.length);
  const found: string[] = [];
  let pos = at;
  for (;;) {
    const word = sorted.find((w) => w !== '' && text.startsWith(w, pos));
    if (!word) return found;
    found.push(word);
    pos += word.length;
  }
}

function headingsBefore(doc: NarrativeDoc): Map<string, string> {
  const out = new Map<string, string>();
  let heading = '';
  for (const block of doc.blocks) {
    if (block.type === 'heading') heading = blockText(block).replace(/^[^、）]*[、）]/, '');
    else out.set(block.id, heading);
  }
  return out;
}

function isChecked(run: Run): boolean {
  return run.kind === 'number' || run.kind === 'word';
}

/** Compares one hand-edited paragraph with the paragraph the tables give now. */
export function compareParagraph(block: ParagraphBlock, edited: string, place: string): NarrativeCheckResult[] {
  const results: NarrativeCheckResult[] = [];
  const id = block.check ?? 'N-1';
  const push = (message: string, run: Run): void => {
    results.push({ id, level: '提示', message: `情况说明“${place}”：${message}`, paragraphId: block.id, cells: run.cells ?? [] });
  };
  let cursor = 0;
  let literal = '';
  for (const run of block.runs) {
    if (!isChecked(run)) {
      literal = run.kind === 'text' ? literal + run.text : '';
      continue;
    }
    const anchor = literal.slice(-ANCHOR);
    literal = '';
    let at = cursor;
    if (anchor !== '') {
      const found = edited.indexOf(anchor, cursor);
      if (found < 0) {
        const whole = edited.indexOf(run.text, cursor);
        if (whole >= 0) cursor = whole + run.text.length;
        else push(`找不到“${anchor}”后应有的${run.kind === 'word' ? '用词' : '数字'}“${run.text}”，请核对改写后的文字`, run);
        continue;
      }
      at = found + anchor.length;
    }
    if (run.kind === 'word') {
      const words = readWords(edited, at, run.alternatives ?? [run.text]);
      if (words.length > 1) push(`“${words.join('')}”用词重复，按报表应为“${run.text}”`, run);
      else if (words.length === 1 && words[0] !== run.text) push(`写为“${words[0] ?? ''}”，按报表应为“${run.text}”`, run);
      else if (words.length === 0) push(`“${anchor}”后应为“${run.text}”`, run);
      cursor = at + words.join('').length;
      continue;
    }
    const figure = readFigure(edited, at);
    const expected = splitFigure(run.text);
    if (!figure) {
      push(`“${anchor}”后应为“${run.text}”`, run);
      continue;
    }
    if (!sameNumber(figure.number, expected.number)) {
      push(`“${figure.raw}”与报表不符，应为“${run.text}”`, run);
    } else if (figure.unit !== '' && expected.unit !== '' && figure.unit !== expected.unit) {
      results.push({
        id: 'N-9',
        level: '提示',
        message: `情况说明“${place}”：“${figure.raw}”的单位与本文件金额单位不一致，应为“${run.text}”`,
        paragraphId: block.id,
        cells: run.cells ?? [],
      });
    }
    cursor = at + figure.raw.length;
  }
  return results;
}

/** N-9: amounts in a unit other than the document's (S001 printed “0万元” in a document in 元). */
function unitWords(doc: NarrativeDoc, block: Block, text: string, place: string): NarrativeCheckResult[] {
  const pattern = doc.unit === '元' ? /\d(?:[\d,.]*)\s*万元/g : /\d(?:[\d,.]*)\s*(?<!万)元/g;
  const out: NarrativeCheckResult[] = [];
  for (const m of halfWidth(text).matchAll(pattern)) {
    out.push({
      id: 'N-9',
      level: '提示',
      message: `情况说明“${place}”：“${m[0]}”的单位与本文件金额单位（${doc.unit}）不一致`,
      paragraphId: block.id,
      cells: [],
    });
  }
  return out;
}

function sumHundredths(shares: readonly string[]): number {
  return shares.reduce((s, p) => s + Math.round(Number(p) * 100), 0);
}

/**
 * Every N-check over a generated document and the clerk's rewrites (paragraph id → text).
 * A rewritten paragraph is compared figure by figure; untouched ones are checked for missing text.
 */
export function checkNarrative(doc: NarrativeDoc, edits: Readonly<Record<string, string>>): NarrativeCheckResult[] {
  const results: NarrativeCheckResult[] = [];
  const places = headingsBefore(doc);
  for (const block of doc.blocks) {
    if (block.type !== 'paragraph') continue;
    const place = places.get(block.id) || block.id;
    const edited = edits[block.id];
    if (edited !== undefined) {
      const mismatches = compareParagraph(block, edited, place);
      results.push(...mismatches);
      if (!mismatches.some((r) => r.id === 'N-9')) results.push(...unitWords(doc, block, edited, place));
      if (/«[^»]*»/.test(edited)) {
        results.push({ id: 'N-0', level: '提示', message: `情况说明“${place}”：改写后的文字中仍有待填写的内容（«…»）`, paragraphId: block.id, cells: [] });
      }
      continue;
    }
    for (const run of block.runs) {
      // A 原因 or other text the clerk wrote may carry amounts of its own (“减少5万元” in a 元 document).
      if (run.kind === 'field' && !run.empty) results.push(...unitWords(doc, block, run.text, place));
      if (!run.empty) continue;
      const label = run.text.replace(/^«|»$/g, '');
      if (run.kind === 'field' && run.required) {
        const reason = /原因/.test(label);
        results.push({
          id: reason ? 'N-8' : 'N-0',
          level: '提示',
          message: reason
            ? `情况说明“${place}”：数字有增减或与预算不同，需填写“${label}”`
            : `情况说明“${place}”：尚未填写“${label}”`,
          paragraphId: block.id,
          cells: [],
        });
      } else if (run.kind === 'input') {
        results.push({ id: 'N-0', level: '提示', message: `情况说明“${place}”：尚未填写“${label}”`, paragraphId: block.id, cells: [] });
      }
    }
  }
  for (const group of doc.shareGroups) {
    const n = group.shares.filter((s) => Number(s) !== 0).length;
    if (n === 0) continue;
    const sum = sumHundredths(group.shares);
    if (Math.abs(sum - 10_000) > n) {
      results.push({
        id: 'N-7',
        level: '提示',
        message: `情况说明：${group.label}合计为${(sum / 100).toFixed(2)}%，与100.00%相差超过${(n / 100).toFixed(2)}%`,
        paragraphId: null,
        cells: [],
      });
    }
  }
  return dedupe(results);
}

function dedupe(results: NarrativeCheckResult[]): NarrativeCheckResult[] {
  const seen = new Set<string>();
  return results.filter((r) => {
    const key = `${r.paragraphId ?? ''}\u0000${r.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
