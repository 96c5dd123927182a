/**
 * A new year from last year in one step: the 科目 rows, cover and basic-information texts carry over
 * for editing, and every 年初 cell the pack names (consolidation.json `carry`) takes last year's 年末.
 * Last year's report stays as it is and becomes the new year's 上年数. The plan is shown first; the
 * commit writes the new report in one transaction and refuses to overwrite a report that exists.
 */
import { cellKey, type CellKey } from '../../../shared/api/contract';
import { rowNameKey, rowSeqKey } from '../../../shared/pack/namedRows';
import { AppError } from '../../../shared/api/errors';
import type { ChangeLine, RolloverPlanView } from '../../../shared/api/registerContract';
import { NO_ROLES, type ConsolidationRoles } from '../../../shared/consolidate/roles';
import { cellTitle } from '../../../shared/engine/labels';
import type { Pack } from '../../../shared/pack/model';
import { subjectTexts, type SubjectNames } from '../../../shared/pack/clerkSubjects';
import { packForYear } from '../../../shared/pack/years';
import type { ReportSessions } from '../reportSessions';

export interface RolloverPlan {
  view: RolloverPlanView;
  pack: Pack;
  inputs: Record<CellKey, number>;
  rows: Record<string, string[]>;
  texts: Record<string, string>;
}

/**
 * The format of the new year: the one that serves it (2021 → 2022 moves from yn-2020 to yn-2025), else
 * last year's (a format stays in use until a new one is installed).
 */
function targetPack(sessions: ReportSessions, from: Pack, to: number): Pack {
  return packForYear(sessions.packs, to) ?? from;
}

export async function planRollover(sessions: ReportSessions, roles: ReadonlyMap<string, ConsolidationRoles>, unit: string, from: number): Promise<RolloverPlan> {
  await sessions.requireUnit(unit);
  const to = from + 1;
  const source = await sessions.store.findReport(unit, from);
  if (!source) throw new AppError(`单位 ${unit} 没有 ${from} 年度的报表，无法结转到 ${to} 年度`);
  if (await sessions.store.findReport(unit, to)) {
    throw new AppError(`单位 ${unit} 已有 ${to} 年度的报表，不能再从 ${from} 年度结转；如需重新结转，请先删除 ${to} 年度报表（删除前自动备份）`);
  }
  const old = await sessions.open({ unit, year: from });
  const base = targetPack(sessions, sessions.packById(source.packId), to);
  // The new year's own catalogues (the bureau's file), when kept, decide which 科目 rows still fit.
  const { pack } = await sessions.packOfYear(base, to);
  const carry = (roles.get(pack.id) ?? NO_ROLES).carry;
  // The report's own 科目 (outside the catalogue) travel with their names.
  const subjects = old.engine.subjectNames();

  // 科目 rows the new year's catalogue still has; the rest are listed, not silently dropped.
  const rows: Record<string, string[]> = {};
  const dropped: string[] = [];
  for (const [table, codes] of Object.entries(old.engine.addedRows())) {
    const target = pack.tables.find((t) => t.id === table);
    const fits = (list: string[]): boolean => {
      if (!target) return false;
      try {
        sessions.buildEngine(pack, { [table]: list }, {}, '新年度报表', subjects);
        return true;
      } catch {
        return false;
      }
    };
    const keep: string[] = [];
    if (fits(codes)) keep.push(...codes);
    else for (const code of codes) (fits([code]) ? keep : dropped).push(fits([code]) ? code : `${table} ${code}`);
    if (keep.length > 0) rows[table] = keep;
  }
  // Names kept only for 科目 (and their parents) the new catalogue lacks and a kept row uses.
  const used = Object.values(rows).flat();
  const own: SubjectNames = {};
  for (const [catalogue, codes] of Object.entries(subjects)) {
    const have = new Set(pack.catalogues[catalogue]?.entries.map((e) => e.code) ?? []);
    for (const [code, name] of Object.entries(codes)) if (!have.has(code) && used.some((u) => u.startsWith(code))) (own[catalogue] ??= {})[code] = name;
  }
  const engine = sessions.buildEngine(pack, rows, {}, '新年度报表', own);
  const ownTexts = subjectTexts(own);

  const inputs: Record<CellKey, number> = {};
  const carried: ChangeLine[] = [];
  for (const c of carry) {
    const pairs: [string, string][] = [];
    if (c.to.row !== undefined && c.from.row !== undefined) pairs.push([c.from.row, c.to.row]);
    else if (old.pack.tables.some((t) => t.id === c.from.table)) {
      for (const r of old.engine.layout(c.from.table).sides.flatMap((s) => s.rows)) if (r.level === '项' && r.inputs.length > 0) pairs.push([r.id, r.id]);
    }
    for (const [fromRow, toRow] of pairs) {
      // Across formats a cell last year's format lacks has nothing to carry (value undefined).
      const value = old.engine.value(c.from.table, fromRow, c.from.col) ?? 0;
      if (value === 0 || !engine.isInput(c.to.table, toRow, c.to.col)) continue;
      inputs[cellKey(c.to.table, toRow, c.to.col)] = value;
      const table = pack.tables.find((t) => t.id === c.to.table);
      const row = engine.row(c.to.table, toRow);
      const kind = engine.cellType(c.to.table, toRow, c.to.col);
      carried.push({ table: c.to.table, row: toRow, col: c.to.col, label: table && row ? cellTitle(table, row, c.to.col) : cellKey(c.to.table, toRow, c.to.col), before: null, after: value, ...(kind ? { kind } : {}) });
    }
  }
  const prefixes = (roles.get(pack.id) ?? NO_ROLES).carryTexts;
  // Rows the clerk named (projects, indicators) go on with their names and numbering.
  const namedTexts: Record<string, string> = {};
  for (const [table, ids] of Object.entries(rows)) {
    for (const id of ids) if (old.texts[rowNameKey(table, id)] !== undefined) namedTexts[rowNameKey(table, id)] = old.texts[rowNameKey(table, id)] ?? '';
    if (old.texts[rowSeqKey(table)] !== undefined) namedTexts[rowSeqKey(table)] = old.texts[rowSeqKey(table)] ?? '';
  }
  const texts = {
    ...Object.fromEntries(Object.entries(old.texts).filter(([k]) => prefixes.some((p) => k === p || (p.endsWith('.') && k.startsWith(p))))),
    ...ownTexts,
    ...namedTexts,
  };
  return {
    view: { unit, from, to, packId: pack.id, carried, rows, texts: Object.keys(texts).sort(), dropped },
    pack,
    inputs,
    rows,
    texts,
  };
}

export async function commitRollover(sessions: ReportSessions, plan: RolloverPlan): Promise<void> {
  const { unit, to } = plan.view;
  // Checked again inside the commit: a report made meanwhile is never overwritten.
  if (await sessions.store.findReport(unit, to)) throw new AppError(`单位 ${unit} 已有 ${to} 年度的报表，未结转`);
  await sessions.backupNow('rollover');
  await sessions.store.replaceReportData(unit, to, plan.pack.id, { rows: plan.rows, inputs: plan.inputs, texts: plan.texts }, { how: 'import', note: `由 ${plan.view.from} 年度结转`, dataVersion: sessions.dataVersion });
  sessions.drop({ unit, year: to });
}
