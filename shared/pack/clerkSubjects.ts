/**
 * 科目 the year's catalogue does not have, used anyway: a bureau workbook, a report file or the
 * clerk may name a 项 the shipped or imported catalogue lacks. Such a 科目 is kept with its code and
 * the name given (report texts `subject.<catalogue>.<code>`), added to the report's own copy of the
 * catalogue with src `clerk`, shown with a mark and listed by the 提示 rule G-1 — never refused.
 */
import { LEVELS_BY_RANK } from './levels';
import type { Catalogue, CatalogueEntry, CatalogueId, Level, Pack } from './model';

export const CLERK_SRC = 'clerk';
const PREFIX = 'subject.';

/** catalogue id → code → name. */
export type SubjectNames = Record<CatalogueId, Record<string, string>>;

export function subjectTextKey(catalogue: CatalogueId, code: string): string {
  return `${PREFIX}${catalogue}.${code}`;
}

/** The clerk's 科目 kept in a report's texts. */
export function subjectNamesFromTexts(texts: Readonly<Record<string, string>>): SubjectNames {
  const out: SubjectNames = {};
  for (const [key, name] of Object.entries(texts)) {
    if (!key.startsWith(PREFIX)) continue;
    const [catalogue = '', code = ''] = key.slice(PREFIX.length).split('.');
    if (!/^\d+$/.test(code) || catalogue === '') continue;
    (out[catalogue] ??= {})[code] = name;
  }
  return out;
}

export function subjectTexts(names: SubjectNames): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [catalogue, codes] of Object.entries(names)) for (const [code, name] of Object.entries(codes)) out[subjectTextKey(catalogue, code)] = name;
  return out;
}

export function isEmptyNames(names: SubjectNames | undefined): boolean {
  return !names || Object.values(names).every((codes) => Object.keys(codes).length === 0);
}

/** The level of a code by its length in the catalogue, or null when no level has that length. */
export function levelOfCode(catalogue: Catalogue, code: string): Level | null {
  return LEVELS_BY_RANK.find((l) => catalogue.codeLength[l] === code.length) ?? null;
}

/** Why a code cannot be a clerk's 科目 of the catalogue, or null. */
export function clerkCodeProblem(catalogue: Catalogue, code: string): string | null {
  if (!/^\d+$/.test(code)) return `科目编码“${code}”只能是数字`;
  const level = levelOfCode(catalogue, code);
  if (!level) {
    const lengths = LEVELS_BY_RANK.map((l) => `${l} ${catalogue.codeLength[l]} 位`).join('、');
    return `科目编码“${code}”的位数不对（${catalogue.title}：${lengths}）`;
  }
  return null;
}

const cache = new WeakMap<Pack, Map<string, Pack>>();

/**
 * The pack with the clerk's 科目 added to its catalogues (parents the catalogue lacks too, named by
 * the clerk or “（目录中没有的款）”). The same pack object when there are none; one object per
 * pack and set of names, so per-pack caches (formulas, indexes) keep working.
 */
export function withClerkSubjects(pack: Pack, names: SubjectNames | undefined): Pack {
  if (isEmptyNames(names) || !names) return pack;
  const key = JSON.stringify(Object.entries(names).map(([c, codes]) => [c, Object.entries(codes).sort()]).sort());
  let byKey = cache.get(pack);
  if (!byKey) cache.set(pack, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached) return cached;
  const catalogues: Record<CatalogueId, Catalogue> = { ...pack.catalogues };
  for (const [id, codes] of Object.entries(names)) {
    const catalogue = pack.catalogues[id];
    if (!catalogue) continue;
    const known = new Map(catalogue.entries.map((e) => [e.code, e]));
    const added: CatalogueEntry[] = [];
    const add = (code: string, name: string | undefined) => {
      const level = levelOfCode(catalogue, code);
      if (!level || known.has(code)) return;
      const rank = LEVELS_BY_RANK.indexOf(level);
      const parentLevel = rank > 0 ? LEVELS_BY_RANK[rank - 1] : undefined;
      const parent = parentLevel ? code.slice(0, catalogue.codeLength[parentLevel]) : '';
      if (parent) add(parent, codes[parent]);
      const entry: CatalogueEntry = { code, name: name ?? `（目录中没有的${level}）`, level, parent, src: CLERK_SRC };
      known.set(code, entry);
      added.push(entry);
    };
    for (const [code, name] of Object.entries(codes)) if (!clerkCodeProblem(catalogue, code)) add(code, name);
    if (added.length > 0) {
      const entries = [...catalogue.entries, ...added].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      catalogues[id] = { ...catalogue, entries };
    }
  }
  const out: Pack = { ...pack, catalogues };
  byKey.set(key, out);
  return out;
}
