/**
 * The report cell under a double-click in a grid: each cell carries its column id (`data-col`,
 * `s{side}:{column}`) and each line its index (`data-line`), the index of the row on that side.
 */
export function cellAt(target: EventTarget | null): { side: number; line: number; col: string } | null {
  if (!(target instanceof Element)) return null;
  const cell = target.closest('[data-col]');
  const line = target.closest('[data-line]');
  const m = /^s(\d+):([0-9A-Za-z_]+)$/.exec(cell?.getAttribute('data-col') ?? '');
  const index = Number(line?.getAttribute('data-line') ?? 'NaN');
  if (!m || !Number.isInteger(index)) return null;
  return { side: Number(m[1]), line: index, col: m[2] ?? '' };
}
