/**
 * JSON text whose key order is chosen, not left to JavaScript: plain objects print their keys sorted
 * (so a file written twice is byte-identical), Maps print in insertion order (layout order for
 * `show --json`). JSON.stringify cannot do either: it puts integer-like keys such as 科目编码 first,
 * in numeric order.
 */
export type OrderedJson =
  | string
  | number
  | boolean
  | null
  | readonly OrderedJson[]
  | ReadonlyMap<string, OrderedJson>
  | { readonly [key: string]: OrderedJson };

type JsonRecord = { readonly [key: string]: OrderedJson };

function isMap(value: OrderedJson): value is ReadonlyMap<string, OrderedJson> {
  return value instanceof Map;
}

function isList(value: OrderedJson): value is readonly OrderedJson[] {
  return Array.isArray(value);
}

function sortedEntries(record: JsonRecord): [string, OrderedJson][] {
  return Object.keys(record)
    .sort(compareKeys)
    .map((k): [string, OrderedJson] => [k, record[k] ?? null]);
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `indent` 0 writes one line. */
export function stringifyOrdered(value: OrderedJson, indent = 0, depth = 0): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const pad = indent ? `\n${' '.repeat(indent * (depth + 1))}` : '';
  const close = indent ? `\n${' '.repeat(indent * depth)}` : '';
  const colon = indent ? ': ' : ':';
  let parts: string[];
  let open: string;
  let end: string;
  if (isList(value)) {
    parts = value.map((item) => stringifyOrdered(item, indent, depth + 1));
    [open, end] = ['[', ']'];
  } else {
    const entries = isMap(value) ? [...value.entries()] : sortedEntries(value);
    parts = entries.map(([k, v]) => `${JSON.stringify(k)}${colon}${stringifyOrdered(v, indent, depth + 1)}`);
    [open, end] = ['{', '}'];
  }
  if (parts.length === 0) return open + end;
  return `${open}${pad}${parts.join(`,${pad}`)}${close}${end}`;
}
