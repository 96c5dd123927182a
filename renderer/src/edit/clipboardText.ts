/**
 * Splits text/plain from the clipboard into a rectangle of cells, as Excel and WPS write it:
 * tab between columns, CRLF (or LF) between rows, a cell holding a tab, newline or quote is
 * wrapped in double quotes with inner quotes doubled. The line break after the last row is not a row.
 */
export function parseClipboardText(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  const endCell = (): void => {
    row.push(cell);
    cell = '';
    atCellStart = true;
  };
  const endRow = (): void => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (atCellStart && ch === '"') {
      const closed = readQuoted(text, i);
      if (closed) {
        cell = closed.value;
        i = closed.next;
        atCellStart = false;
        continue;
      }
    }
    atCellStart = false;
    if (ch === '\t') {
      endCell();
      i += 1;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      endRow();
      i += 2;
    } else if (ch === '\n' || ch === '\r') {
      endRow();
      i += 1;
    } else {
      cell += ch;
      i += 1;
    }
  }
  // Text not ending in a line break still has a last row; text ending in one does not add an empty row.
  if (!atCellStart || row.length > 0 || cell !== '') endRow();
  return normalise(rows);
}

/** A quoted cell counts only if its closing quote is followed by a separator or the end; else the quote is literal text. */
function readQuoted(text: string, start: number): { value: string; next: number } | null {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      const after = text[i + 1];
      if (after === undefined || after === '\t' || after === '\n' || after === '\r') return { value, next: i + 1 };
      return null;
    }
    value += ch;
    i += 1;
  }
  return null;
}

/** Pads short rows so the result is a true rectangle (Excel drops nothing, but hand-typed text may). */
function normalise(rows: string[][]): string[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill('')] : r));
}
