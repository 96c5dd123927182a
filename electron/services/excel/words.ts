/**
 * How words on a bureau's sheet are compared with the pack's words: bureaus type the same title or
 * label with full- or half-width brackets, stray spaces, curly or straight quotes, 总 or not, and
 * their own numbering (一、 （一） 1. 其中：), so every comparison goes through these normal forms.
 */

/** NFKC folds full-width letters, digits and brackets to half-width; quotes and spaces go. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[“”‘’"'「」『』]/g, '');
}

const NUMBERING = [
  /^其中[:：]?/,
  /^[一二三四五六七八九十]+[、.．,，]/,
  /^\([一二三四五六七八九十]+\)[、.．]?/,
  /^\d+[、.．)]/,
  /^\(\d+\)[、.．]?/,
];

/** A row label without numbering and punctuation: “（一）因公出国（境）费” → “因公出国境费”. */
export function normalizeLabel(text: string): string {
  let s = normalizeText(text);
  for (let changed = true; changed; ) {
    changed = false;
    for (const re of NUMBERING) {
      const next = s.replace(re, '');
      if (next !== s) {
        s = next;
        changed = true;
      }
    }
  }
  return s.replace(/[()、，,.。．:：;；\-—/／·]/g, '');
}

/** A table title for matching: no 公开0N表 prefix, no year or unit words, no 总. */
export function normalizeTitle(text: string): string {
  return normalizeText(text)
    .replace(/公开\d+表/g, '')
    .replace(/附表\d+/g, '')
    .replace(/[()]/g, '')
    .replace(/总/g, '');
}

/** The sheet column letters of a 1-based column number (1 → A, 28 → AB). */
export function columnLetters(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = (n - r - 1) / 26;
  }
  return s;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}
