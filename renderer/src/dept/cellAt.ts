/**
 * The report cell under a double-click in a grid: AG Grid marks each cell with its column id
 * (`s{side}:{column}`) and each line with its row id (the sides' row ids joined by `|`).
 */
export function cellAt(target: EventTarget | null): { side: number; row: string; col: string } | null {
  if (!(target instanceof Element)) return null;
  const cell = target.closest('[col-id]');
  const line = target.closest('[row-id]');
  const colId = cell?.getAttribute('col-id') ?? '';
  const rowId = line?.getAttribute('row-id') ?? '';
  const m = /^s(\d+):([0-9A-Za-z_]+)$/.exec(colId);
  if (!m) return null;
  const side = Number(m[1]);
  const row = rowId.split('|')[side];
  if (!row || row === '-') return null;
  return { side, row, col: m[2] ?? '' };
}
