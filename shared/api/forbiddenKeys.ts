/**
 * Keys that name JavaScript's object machinery rather than data. JSON.parse makes `__proto__` an own
 * key, and a later spread or merge can turn it into a prototype change; `constructor`/`prototype` can
 * shadow methods. No table, row, column, text or setting is called that, so input carrying one is
 * refused at the boundary rather than silently dropped or stored.
 */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** The path (`texts.__proto__`) of the first forbidden key anywhere in `value`, or null. */
export function findForbiddenKey(value: unknown, path: readonly string[] = []): string | null {
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbiddenKey(value[i], [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, child] of Object.entries(value)) {
    if (FORBIDDEN.has(key)) return [...path, key].join('.');
    const found = findForbiddenKey(child, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}
