/** `${table}:${row}:${col}` — the address of one cell, e.g. `T03:2010301:c2`. */
export type CellKey = string;

export function cellKey(table: string, row: string, col: string): CellKey {
  return `${table}:${row}:${col}`;
}

export function splitCellKey(key: CellKey): { table: string; row: string; col: string } {
  const [table = '', row = '', col = ''] = key.split(':');
  return { table, row, col };
}
