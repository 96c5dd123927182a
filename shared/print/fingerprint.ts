/**
 * The canonical form of a report's data, cut into parts (unit, cover, each table, 情况说明, audit
 * explanations, other texts). A data fingerprint is 8 hex digits of a SHA-256 over it: printed on every
 * page, typed back from a signed paper copy, it says whether today's data is still what was signed,
 * and the per-part fingerprints kept with each print say which tables changed. The canonical form is
 * pure and deterministic (keys in code-point order, values as JSON strings), so the same data always
 * gives the same text on every machine; the hashing is done where a SHA-256 is at hand.
 */
import type { Unit } from '../base/unit';
import type { PerfData } from '../perf/model';
import { PERF_TEXT_PREFIX, perfCanonicalText, perfIsEmpty } from './perfCanonical';

/** What the store keeps of a report (the contract's ReportData, by shape: print sits below the Api). */
interface ReportData {
  rows: Record<string, string[]>;
  inputs: Record<string, number>;
  texts: Record<string, string>;
  /** Text and decimal cells (omitted: none, and the canonical text is as before they existed). */
  strings?: Record<string, string>;
}
import type { Pack } from '../pack/model';

export interface FingerprintSource extends ReportData {
  unit: Unit;
  year: number;
  packId: string;
  /** The report's 绩效自评 (register, 自评表, 重点工作任务), kept in tables of its own. */
  perf?: PerfData;
}

export interface CanonicalPart {
  /** `unit`, `cover`, a table id, `narrative`, `explain`, `other`. */
  id: string;
  /** How a clerk knows the part: 公开03表 支出决算表, 封面信息, 情况说明 … */
  title: string;
  text: string;
}

/** Code-point order: the same on every machine, unlike localeCompare. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lines(entries: [string, string | number][]): string {
  return entries
    .sort((a, b) => byCodePoint(a[0], b[0]))
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}\n`)
    .join('');
}

function textPart(key: string): string {
  if (key.startsWith('cover.')) return 'cover';
  if (key.startsWith(PERF_TEXT_PREFIX)) return 'perf';
  if (key.startsWith('narrative.')) return 'narrative';
  if (key.startsWith('explain.')) return 'explain';
  return 'other';
}

/** The parts in a fixed order; a part with no data still has a (short) canonical text. */
export function canonicalParts(source: FingerprintSource, pack: Pack): CanonicalPart[] {
  const parts: CanonicalPart[] = [
    {
      id: 'unit',
      title: '单位与年度',
      text: lines([
        ['code', source.unit.code],
        ['name', source.unit.name],
        ['kind', source.unit.kind],
        ['year', source.year],
        ['pack', source.packId],
      ]),
    },
  ];
  const texts: Record<string, [string, string][]> = { cover: [], narrative: [], explain: [], other: [], perf: [] };
  for (const [key, value] of Object.entries(source.texts)) texts[textPart(key)]?.push([key, value]);
  parts.push({ id: 'cover', title: '封面信息', text: lines(texts.cover ?? []) });

  const tableIds = new Set(pack.tables.map((t) => t.id));
  const inputsByTable = new Map<string, [string, string | number][]>();
  for (const [key, value] of [...Object.entries(source.inputs), ...Object.entries(source.strings ?? {})]) {
    const table = key.slice(0, key.indexOf(':'));
    const list = inputsByTable.get(table) ?? [];
    list.push([key, value]);
    inputsByTable.set(table, list);
  }
  const tableIdsInData = new Set([...inputsByTable.keys(), ...Object.keys(source.rows)]);
  const orderedTables = [...pack.tables.map((t) => t.id), ...[...tableIdsInData].filter((id) => !tableIds.has(id)).sort(byCodePoint)];
  for (const id of orderedTables) {
    const def = pack.tables.find((t) => t.id === id);
    const rows = [...(source.rows[id] ?? [])].sort(byCodePoint).map((code): [string, string] => [`row:${code}`, '']);
    parts.push({ id, title: def ? `${def.code} ${def.title}` : `表 ${id}`, text: lines([...rows, ...(inputsByTable.get(id) ?? [])]) });
  }
  parts.push({ id: 'narrative', title: '情况说明', text: lines(texts.narrative ?? []) });
  parts.push({ id: 'explain', title: '审核出错说明', text: lines(texts.explain ?? []) });
  parts.push({ id: 'other', title: '其他文字', text: lines(texts.other ?? []) });
  // Last, and only when something was typed into it: the fingerprints of reports without a 绩效自评 stay as they were.
  if (!perfIsEmpty(source.perf, texts.perf ?? [])) parts.push({ id: 'perf', title: '绩效自评', text: perfCanonicalText(source.perf, texts.perf ?? []) });
  return parts;
}

/** What the whole fingerprint is taken over: each part's id and its own digest, in order. */
export function combinedText(partDigests: readonly { id: string; digest: string }[]): string {
  return partDigests.map((p) => `${p.id}\t${p.digest}\n`).join('');
}

/** 8 hex digits, upper case: no O/0 or I/1 to confuse when typed back from paper. */
export function shortFingerprint(hexDigest: string): string {
  return hexDigest.slice(0, 8).toUpperCase();
}

/** A fingerprint as typed (spaces, dashes, lower case) in its printed form, or null when it cannot be one. */
export function normalizeFingerprint(typed: string): string | null {
  const clean = typed.replace(/[\s\-－—_]/g, '').toUpperCase().replace(/[０-９Ａ-Ｆ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  return /^[0-9A-F]{8}$/.test(clean) ? clean : null;
}
