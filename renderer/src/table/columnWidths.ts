/**
 * Column widths: a default from what each column shows, and the clerk's own widths remembered per
 * pack and table (in the renderer's local storage, which the Electron window keeps across runs).
 */
import type { ColumnMeta } from './columnDefs';

export function defaultWidth(meta: ColumnMeta, sides: number): number {
  switch (meta.role) {
    case 'code':
      return 84;
    case 'name':
      return sides > 1 ? 180 : 240;
    case 'item':
      return sides > 1 ? 200 : 260;
    case 'line':
      return 44;
    case 'data': {
      const chars = [...(meta.column?.label ?? '')].length;
      return Math.min(150, Math.max(112, chars * 13 + 20));
    }
  }
}

export const MIN_WIDTH = 36;

const storageKey = (pack: string, table: string) => `juesuan.colWidths.${pack}.${table}`;

export function loadWidths(pack: string, table: string, metas: ColumnMeta[], sides: number): number[] {
  const defaults = metas.map((m) => defaultWidth(m, sides));
  try {
    const raw = localStorage.getItem(storageKey(pack, table));
    const saved = raw ? (JSON.parse(raw) as unknown) : null;
    if (saved && typeof saved === 'object') {
      const byId = saved as Record<string, unknown>;
      return metas.map((m, i) => {
        const w = byId[m.colId];
        return typeof w === 'number' && Number.isFinite(w) && w >= MIN_WIDTH && w <= 2000 ? w : (defaults[i] ?? 100);
      });
    }
  } catch {
    // A damaged entry means default widths; nothing else depends on it.
  }
  return defaults;
}

export function saveWidths(pack: string, table: string, metas: ColumnMeta[], widths: number[]): void {
  try {
    localStorage.setItem(storageKey(pack, table), JSON.stringify(Object.fromEntries(metas.map((m, i) => [m.colId, widths[i]]))));
  } catch {
    // Storage full or unavailable: widths simply are not remembered.
  }
}
