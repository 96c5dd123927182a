/**
 * Who belongs to a department in a year: the unit itself (本级) and every unit below it in the
 * register, in tree order, leaving out units archived before or in that year (and what is below them).
 */
import type { UnitRecord } from '../../../shared/api/registerContract';

export interface DeptMember {
  record: UnitRecord;
  depth: number;
}

export function activeIn(record: UnitRecord, year: number): boolean {
  return record.archivedFrom === null || record.archivedFrom > year;
}

export function deptMembers(all: readonly UnitRecord[], dept: string, year: number): DeptMember[] {
  const byCode = new Map(all.map((u) => [u.code, u]));
  const kids = new Map<string, UnitRecord[]>();
  for (const u of all) {
    if (u.parent === null) continue;
    const list = kids.get(u.parent) ?? [];
    list.push(u);
    kids.set(u.parent, list);
  }
  const root = byCode.get(dept);
  if (!root) return [];
  const out: DeptMember[] = [];
  const walk = (u: UnitRecord, depth: number) => {
    if (!activeIn(u, year)) return;
    out.push({ record: u, depth });
    for (const k of (kids.get(u.code) ?? []).sort((a, b) => a.code.localeCompare(b.code))) walk(k, depth + 1);
  };
  walk(root, 0);
  return out;
}

/** The whole register as a forest in tree order (every root and what is below it). */
export function registerTree(all: readonly UnitRecord[]): DeptMember[] {
  const codes = new Set(all.map((u) => u.code));
  const kids = new Map<string | null, UnitRecord[]>();
  for (const u of all) {
    const parent = u.parent !== null && codes.has(u.parent) ? u.parent : null;
    const list = kids.get(parent) ?? [];
    list.push(u);
    kids.set(parent, list);
  }
  const out: DeptMember[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const u of (kids.get(parent) ?? []).sort((a, b) => a.code.localeCompare(b.code))) {
      out.push({ record: u, depth });
      walk(u.code, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
