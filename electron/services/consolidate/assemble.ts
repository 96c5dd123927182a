/**
 * From the data a department's members hold to what its consolidated report IS: the 调整表 lines, the
 * input cells (Σ units − 调整表), the 科目 rows, the texts and the kind the report is audited as. One
 * function for the live 部门汇总 (data read from the store) and for the department at a point of its
 * history (data rebuilt from the journals), so a printed fingerprint is compared with exactly what
 * the 部门汇总 would have shown then.
 */
import { cellKey, splitCellKey, type CellKey } from '../../../shared/api/contract';
import type { UnitRecord } from '../../../shared/api/registerContract';
import { compositionTexts, opexSentence, type ComposedUnit } from '../../../shared/consolidate/composition';
import { ADMIN_KINDS, Consolidation, type Override } from '../../../shared/consolidate/consolidation';
import type { ConsolidationRoles } from '../../../shared/consolidate/roles';
import type { Unit } from '../../../shared/base/unit';
import { namedSource } from '../../../shared/pack/namedRows';
import { subjectNamesFromTexts, withClerkSubjects } from '../../../shared/pack/clerkSubjects';
import type { Pack } from '../../../shared/pack/model';
import type { DeptMember } from './deptMembers';
import { catalogueIndex } from '../../../shared/engine/catalogueIndex';
import { subjectSource } from '../../../shared/engine/layout';

/**
 * The 科目 rows of each subject table that hold a value: a consolidated report lists the 科目 with
 * data (rows a unit added but left empty add nothing to the sum).
 */
export function subjectRows(pack: Pack, keys: Iterable<string>): Record<string, string[]> {
  const index = catalogueIndex(pack);
  const sets = new Map<string, Set<string>>();
  const sources = new Map(pack.tables.map((t) => [t.id, subjectSource(t)]));
  for (const k of keys) {
    const { table, row } = splitCellKey(k);
    const source = sources.get(table);
    if (!source || index[source.catalogue]?.get(row)?.level !== '项') continue;
    let set = sets.get(table);
    if (!set) sets.set(table, (set = new Set()));
    set.add(row);
  }
  return Object.fromEntries([...sets].map(([t, set]) => [t, [...set].sort()]));
}

export interface AssembleInput {
  pack: Pack;
  /** The format the department's reports were chosen by (differs from `pack` when the year has its own catalogues). */
  base: Pack;
  roles: ConsolidationRoles;
  record: UnitRecord;
  members: readonly DeptMember[];
  /** Members that have a report for the year (summed or not). */
  hasReport: (code: string) => boolean;
  /** Members whose report is left out (another format), with the reason. */
  excluded: ReadonlyMap<string, string>;
  /** Σ over the summed reports' input cells; a key is present when any report stores the cell (even 0). */
  sums: Map<CellKey, number>;
  /** Per summed member, its cells in the columns pairs and adminOnly read. */
  memberCells: Map<string, Map<CellKey, number>>;
  /** The summed reports' own 科目 names (texts `subject.*`), the first report's name first. */
  ownTexts: Record<string, string>;
  overrides: Map<string, Override>;
  /** What the clerk wrote for the department itself. */
  deptTexts: Record<string, string>;
  describe?: (table: string, row: string, col: string) => string;
  rowName?: (table: string, row: string) => string;
}

export interface Assembled {
  consolidation: Consolidation;
  /** The consolidated input cells (named tables left out: each unit's own rows). */
  inputs: Record<CellKey, number>;
  /** The 科目 rows of the consolidated report. */
  rows: Record<string, string[]>;
  texts: Record<string, string>;
  /** The department as its report names it, with the kind it is audited as. */
  unit: Unit;
  /** The members whose reports are summed, in tree order. */
  summed: UnitRecord[];
}

/**
 * The 科目 rows of the consolidated report for the cells `keys` hold: 科目 outside the catalogue (a
 * unit's own, or dropped by the year's file) are summed like any other.
 */
export function consolidatedRows(pack: Pack, base: Pack, ownTexts: Record<string, string>, keys: Iterable<string>): Record<string, string[]> {
  const all = [...keys];
  const first = subjectRows(withClerkSubjects(pack, subjectNamesFromTexts(ownTexts)), all);
  const shipped = pack === base ? {} : subjectRows(base, all);
  const merged: Record<string, string[]> = { ...first };
  for (const [t, codes] of Object.entries(shipped)) merged[t] = [...new Set([...(merged[t] ?? []), ...codes])].sort();
  return merged;
}

/** The department's texts: what the clerk wrote for it, over the 单位构成 generated from the register. */
export function consolidatedTexts(input: Pick<AssembleInput, 'members' | 'roles' | 'hasReport' | 'memberCells' | 'deptTexts'>): Record<string, string> {
  const { members, roles, memberCells } = input;
  const composed: ComposedUnit[] = members.map((m) => ({ code: m.record.code, name: m.record.name, kind: m.record.kind, reportKind: m.record.reportKind }));
  const generated = compositionTexts(composed);
  const opexCells = roles.adminOnly.map((a) => cellKey(a.table, a.row, a.col));
  const opexUnits = composed
    .filter((u) => input.hasReport(u.code) && ADMIN_KINDS.includes(u.kind))
    .map((u) => ({ ...u, opex: opexCells.reduce((s, k) => s + (memberCells.get(u.code)?.get(k) ?? 0), 0) }));
  const sentence = opexSentence(opexUnits);
  if (sentence && members.length > 1) generated['narrative.opexUnits'] = sentence;
  return { ...generated, ...input.deptTexts };
}

/** The named tables (rows the clerk names, each unit's own): never summed into a department. */
export function namedTables(pack: Pack): Set<string> {
  return new Set(pack.tables.filter((t) => namedSource(t)).map((t) => t.id));
}

export function assembleConsolidated(input: AssembleInput): Assembled {
  const { pack, base, roles, record, members, sums, memberCells } = input;
  const withOwn = (keys: Iterable<string>) => consolidatedRows(pack, base, input.ownTexts, keys);
  const summed = members.filter((m) => input.hasReport(m.record.code) && !input.excluded.has(m.record.code)).map((m) => m.record);
  const consolidation = new Consolidation(
    roles,
    summed,
    { rows: withOwn(sums.keys()), sums, memberCells },
    input.overrides,
    input.describe ?? ((table, row, col) => cellKey(table, row, col)),
    input.rowName ?? ((_table, row) => row),
  );
  // Rows the clerk names (projects) are each unit's own: N1 of one unit is not N1 of another, so a
  // named table is not summed into the department's report.
  const named = namedTables(pack);
  const inputs = Object.fromEntries(Object.entries(consolidation.inputs()).filter(([k]) => !named.has(splitCellKey(k).table)));
  // A 调整表 amount the clerk typed may fall on a 科目 row only the other side of the pair has.
  const rows = withOwn([...sums.keys(), ...Object.keys(inputs)]);
  const texts = consolidatedTexts(input);
  // 机关运行经费 sums the 行政/参公 units only; with no 行政/参公 unit summed the department is audited as 其他事业单位.
  const anyAdmin = summed.some((u) => ADMIN_KINDS.includes(u.kind));
  const kind = !anyAdmin ? '其他事业单位' : ADMIN_KINDS.includes(record.kind) ? record.kind : ADMIN_KINDS[0]!;
  return { consolidation, inputs, rows, texts, unit: { code: record.code, name: record.name, kind, parent: record.parent }, summed };
}
