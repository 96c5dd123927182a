/**
 * Splits template text into literal pieces and `{name:set arg}` placeholders, once per text.
 * A value or ratio placeholder may end in `«label»`: the name shown in its place while a form value it
 * needs is empty (`{amt in(a) + in(b) «政府采购支出总额»}`), so a sum is not labelled by its first term.
 */
import { parseExpr, type Expr } from './expr';

export type Segment =
  | { t: 'lit'; text: string }
  | { t: 'ctx'; name: 'unit' | 'year' | 'prevYear' | 'i' | 'cn' | 'row' | 'rowShort' | 'rowClass' | 'code' }
  | { t: 'value'; name: 'amt' | 'cnt' | 'num'; e: Expr; source: string; label?: string }
  | { t: 'ratio'; name: 'pct' | 'done'; a: Expr; b: Expr; source: string; label?: string }
  | { t: 'yoy'; set: string; e: Expr; source: string }
  | { t: 'sign'; set: string; e: Expr; source: string }
  | { t: 'field'; key: string; optional: boolean }
  | { t: 'text'; key: string };

const PLACEHOLDER = /\{([A-Za-z]+\??)(?::([A-Za-z]+))?(?:\s+([^{}]*))?\}/g;
const CONTEXT = new Set(['unit', 'year', 'prevYear', 'i', 'cn', 'row', 'rowShort', 'rowClass', 'code']);
const LABEL = /\s*«([^«»]+)»$/;

export class PlaceholderError extends Error {}

function isContext(name: string): name is Extract<Segment, { t: 'ctx' }>['name'] {
  return CONTEXT.has(name);
}

function ratio(arg: string): { a: Expr; b: Expr } {
  const at = arg.indexOf(' / ');
  if (at < 0) throw new PlaceholderError(`比例“${arg}”应写成“分子 / 分母”`);
  return { a: parseExpr(arg.slice(0, at)), b: parseExpr(arg.slice(at + 3)) };
}

function segment(name: string, set: string | undefined, rawArg: string): Segment {
  if (isContext(name) && rawArg === '' && set === undefined) return { t: 'ctx', name };
  if (rawArg === '') throw new PlaceholderError(`占位符 {${name}} 缺少内容`);
  const labelled = LABEL.exec(rawArg);
  const label = labelled?.[1]?.trim();
  const arg = labelled ? rawArg.slice(0, labelled.index).trim() : rawArg;
  if (label !== undefined && !['amt', 'cnt', 'num', 'pct', 'done'].includes(name)) {
    throw new PlaceholderError(`占位符 {${name}} 不能带名称«${label}»`);
  }
  const named = label ? { label } : {};
  switch (name) {
    case 'amt':
    case 'cnt':
    case 'num':
      return { t: 'value', name, e: parseExpr(arg), source: arg, ...named };
    case 'pct':
    case 'done':
      return { t: 'ratio', name, ...ratio(arg), source: arg, ...named };
    case 'yoy':
      return { t: 'yoy', set: set ?? 'yoy', e: parseExpr(arg), source: arg };
    case 'sign':
      if (set === undefined) throw new PlaceholderError(`占位符 {sign ${arg}} 缺少词组名（如 {sign:dir …}）`);
      return { t: 'sign', set, e: parseExpr(arg), source: arg };
    case 'field':
    case 'field?':
      return { t: 'field', key: arg, optional: name === 'field?' };
    case 'text':
      return { t: 'text', key: arg };
    default:
      throw new PlaceholderError(`未知的占位符 {${name}}`);
  }
}

const cache = new Map<string, Segment[]>();

export function segments(text: string): Segment[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const at = m.index;
    if (at > last) out.push({ t: 'lit', text: text.slice(last, at) });
    out.push(segment(m[1] ?? '', m[2], (m[3] ?? '').trim()));
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ t: 'lit', text: text.slice(last) });
  if (out.some((s) => s.t === 'lit' && /[{}]/.test(s.text))) throw new PlaceholderError(`“${text}”中有不成对的花括号`);
  cache.set(text, out);
  return out;
}
