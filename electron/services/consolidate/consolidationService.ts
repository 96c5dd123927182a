/**
 * The consolidated reports of departments, as sessions like any report (read-only): built from the
 * store's sums over the member reports, kept in memory and followed edit by edit, so opening a
 * department after one unit's edit costs a few cells, not a re-sum. Another connection's commit
 * (PRAGMA data_version) or a change of rows, units or reports makes the next open rebuild it.
 */
import { namedSource } from '../../../shared/pack/namedRows';
import type { ReportRef } from '../../../shared/api/contract';
import { cellKey, splitCellKey } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import type { CellBreakdown, ConsolidationMember, ConsolidationView, UnitRecord } from '../../../shared/api/registerContract';
import { householdCounts, type ComposedUnit } from '../../../shared/consolidate/composition';
import { ADMIN_KINDS, Consolidation, trackedColumns, type CellEditDelta } from '../../../shared/consolidate/consolidation';
import { NO_ROLES, type ConsolidationRoles } from '../../../shared/consolidate/roles';
import { cellTitle, rowTitle } from '../../../shared/engine/labels';
import { formatAmount } from '../../../shared/money/fen';
import type { ReportEngine } from '../../../shared/engine/reportEngine';
import type { Pack } from '../../../shared/pack/model';
import { reportSubjects, type ReportSessions, type Session } from '../reportSessions';
import type { RegisterStore, ReportListing } from '../store/registerStore';
import { assembleConsolidated } from './assemble';
import { activeIn, deptMembers, type DeptMember } from './deptMembers';
import { adminFigures, followAdminEdits, type AdminFigures } from './kindScope';

export interface ConsolidatedState {
  dept: UnitRecord;
  year: number;
  pack: Pack;
  /** The format the department's format was chosen by (`pack` with the year's own catalogues, if any). */
  base: Pack;
  roles: ConsolidationRoles;
  members: DeptMember[];
  reports: Map<string, ReportListing>;
  excluded: Map<string, string>;
  consolidation: Consolidation;
  session: Session;
  /** The 行政/参公 units' own figures X-12 reads, in a department that also has other units. */
  admin: AdminFigures | null;
  dataVersion: number;
}

export function money(fen: number): string {
  return `${formatAmount(fen, { unit: '元' })}元`;
}

function key(dept: string, year: number): string {
  return `${dept}\u0000${year}`;
}

function mostUsedPack(reports: Iterable<ReportListing>): string | undefined {
  const counts = new Map<string, number>();
  for (const r of reports) counts.set(r.packId, (counts.get(r.packId) ?? 0) + 1);
  let best: string | undefined;
  for (const [id, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = id;
  return best;
}

export class ConsolidationService {
  private readonly states = new Map<string, ConsolidatedState>();

  constructor(
    private readonly sessions: ReportSessions,
    readonly register: RegisterStore,
    private readonly roles: ReadonlyMap<string, ConsolidationRoles>,
  ) {}

  allRoles(): ReadonlyMap<string, ConsolidationRoles> {
    return this.roles;
  }

  rolesFor(pack: Pack): ConsolidationRoles {
    return this.roles.get(pack.id) ?? NO_ROLES;
  }

  private async dataVersion(): Promise<number> {
    const row = await this.register.db.get<{ data_version: number }>('PRAGMA data_version');
    return row?.data_version ?? 0;
  }

  /** The department's members this year, with their stored reports of the year. */
  async membersOf(dept: string, year: number): Promise<{ dept: UnitRecord; members: DeptMember[]; reports: Map<string, ReportListing> }> {
    const all = await this.register.list();
    const record = all.find((u) => u.code === dept);
    if (!record) throw new AppError(`单位 ${dept} 不存在`);
    const members = deptMembers(all, dept, year);
    if (members.length === 0) throw new AppError(`单位 ${record.name}（${dept}）已于 ${record.archivedFrom ?? year} 年度归档，没有 ${year} 年度的部门汇总`);
    const codes = new Set(members.map((m) => m.record.code));
    const reports = new Map((await this.register.reportsOfYear(year)).filter((r) => codes.has(r.unitCode)).map((r) => [r.unitCode, r]));
    return { dept: record, members, reports };
  }

  /** True when at least one unit of the department has a report for the year. */
  async exists(dept: string, year: number): Promise<boolean> {
    try {
      return (await this.membersOf(dept, year)).reports.size > 0;
    } catch {
      return false;
    }
  }

  /** The consolidated session, current: rebuilt only when something other than a followed edit changed. */
  async open(ref: ReportRef): Promise<Session> {
    return (await this.state(ref.unit, ref.year)).session;
  }

  async state(dept: string, year: number): Promise<ConsolidatedState> {
    const cached = this.states.get(key(dept, year));
    if (cached && cached.dataVersion === (await this.dataVersion())) return cached;
    const built = await this.build(dept, year);
    this.states.set(key(dept, year), built);
    return built;
  }

  /** Forgets consolidations of a year (all years when omitted): rows, units or whole reports changed. */
  invalidate(year?: number): void {
    for (const [k, s] of this.states) if (year === undefined || s.year === year) this.states.delete(k);
  }

  /** Follows a unit's committed cell edits into every cached department that contains the unit. */
  followEdits(unit: string, year: number, deltas: readonly CellEditDelta[]): void {
    for (const state of this.states.values()) {
      if (state.year !== year || !state.reports.has(unit) || state.excluded.has(unit)) continue;
      // The 情况说明 names each 行政/参公 unit's 机关运行经费 (narrative.opexUnits): such an edit rebuilds it.
      if (deltas.some((d) => state.consolidation.isAdminOnly(cellKey(d.table, d.row, d.col)))) {
        this.states.delete(key(state.dept.code, year));
        continue;
      }
      if (state.admin && state.members.some((m) => m.record.code === unit && ADMIN_KINDS.includes(m.record.kind))) {
        if (followAdminEdits(state.admin, deltas)) state.session.kindScope = state.admin.scope;
        else {
          this.states.delete(key(state.dept.code, year));
          continue;
        }
      }
      const changed = state.consolidation.applyEdits(unit, deltas);
      if (changed.size === 0) continue;
      // A named table is not summed (see build).
      const edits = [...changed].map(([k, value]) => ({ ...splitCellKey(k), value })).filter((e) => !namedSource(state.session.pack.tables.find((t) => t.id === e.table) ?? { sides: [] }));
      if (edits.length === 0) continue;
      try {
        state.session.engine.setInputs(edits);
      } catch {
        // A sum the engine cannot take (out of range): rebuild on next open, which reports it properly.
        this.states.delete(key(state.dept.code, year));
      }
    }
  }

  /** A report appeared in a unit of a cached department (first write of a new report): rebuild those. */
  reportCreated(unit: string, year: number): void {
    for (const [k, s] of this.states) if (s.year === year && s.members.some((m) => m.record.code === unit)) this.states.delete(k);
  }

  private async build(dept: string, year: number): Promise<ConsolidatedState> {
    const dataVersion = await this.dataVersion();
    const { dept: record, members, reports } = await this.membersOf(dept, year);
    const own = reports.get(dept);
    // The department's format is its own report's, else the one most of its units' reports use (a year the
    // units rolled into keeps last year's format when none is installed for it), else the year's; with the
    // year's own catalogues (the bureau's file) as the units' reports use them.
    const base = this.sessions.packById(own?.packId ?? mostUsedPack(reports.values()) ?? this.sessions.packForYear(year).id);
    const { pack, yearCatalogues } = await this.sessions.packOfYear(base, year);
    const roles = this.rolesFor(pack);
    const excluded = new Map<string, string>();
    for (const [code, r] of reports) {
      if (r.packId !== pack.id) excluded.set(code, `报表格式为 ${r.packId}，与部门的 ${pack.id} 不同，未纳入汇总`);
    }
    const ids = [...reports.values()].filter((r) => !excluded.has(r.unitCode)).map((r) => r.id);
    const codeOf = new Map([...reports.values()].map((r) => [r.id, r.unitCode]));
    const sums = await this.register.sumCells(ids);
    const cellsById = await this.register.cellsIn(ids, trackedColumns(roles));
    const memberCells = new Map<string, Map<string, number>>();
    for (const [id, cells] of cellsById) memberCells.set(codeOf.get(id) ?? '', cells);
    for (const id of ids) if (!memberCells.has(codeOf.get(id) ?? '')) memberCells.set(codeOf.get(id) ?? '', new Map());
    const ownTexts = await this.register.subjectTexts(ids);
    const overrides = await this.register.adjustments(dept, year);
    // Names for the 调整表 come from the engine built below (the lines only need them when listed).
    let engine: ReportEngine | null = null;
    const assembled = assembleConsolidated({
      pack,
      base,
      roles,
      record,
      members,
      hasReport: (code) => reports.has(code),
      excluded,
      sums,
      memberCells,
      ownTexts,
      overrides,
      deptTexts: await this.register.deptTexts(dept, year),
      describe: (table, row, col) => {
        const t = pack.tables.find((x) => x.id === table);
        const r = engine?.row(table, row);
        return t && r ? cellTitle(t, r, col) : cellKey(table, row, col);
      },
      rowName: (table, row) => {
        const r = engine?.row(table, row);
        return r ? rowTitle(r) : row;
      },
    });
    const { consolidation, inputs, rows: allRows, texts } = assembled;
    engine = this.sessions.buildEngine(pack, allRows, inputs, `部门 ${record.name} ${year} 年度的汇总数据`, reportSubjects(pack, base, allRows, ownTexts));
    // 机关运行经费 sums the 行政/参公 units only, so X-12 (= 公用经费合计 for 行政/参公 units) compares it with
    // those units' own 公用经费合计 (the kind scope) when the department has other units too; with no
    // 行政/参公 unit nothing is summed and the ≤ form of the rule applies.
    const adminCodes = new Set(assembled.summed.filter((u) => ADMIN_KINDS.includes(u.kind)).map((u) => u.code));
    const adminIds = [...reports.values()].filter((r) => adminCodes.has(r.unitCode)).map((r) => r.id);
    const session: Session = {
      reportId: -1,
      unit: assembled.unit,
      year,
      pack,
      yearCatalogues,
      engine,
      texts,
      unfit: [],
      consolidated: true,
    };
    const admin = await adminFigures(this.sessions, this.register, engine, adminIds, ids.length);
    session.kindScope = admin?.scope ?? null;
    return { dept: record, year, pack, base, roles, members, reports, excluded, consolidation, session, admin, dataVersion };
  }

  async view(dept: string, year: number): Promise<ConsolidationView> {
    const state = await this.state(dept, year);
    const hints: string[] = [];
    const missing = state.members.filter((m) => !state.reports.has(m.record.code)).map((m) => m.record.name);
    if (missing.length > 0) hints.push(`尚未填报 ${year} 年度报表的单位（按零汇总）：${missing.join('、')}`);
    for (const [code, reason] of state.excluded) hints.push(`${state.members.find((m) => m.record.code === code)?.record.name ?? code}：${reason}`);
    hints.push(...state.consolidation.mismatchHints(money));
    const orphans = state.consolidation.orphanOverrides();
    if (orphans.length > 0) hints.push(`调整表中有 ${orphans.length} 项抵销数对应的数据已不存在，未使用：${orphans.join('、')}`);
    if (state.roles.pairs.length === 0) hints.push(`报表格式 ${state.pack.id} 没有定义抵销项目（consolidation.json），未做抵销`);
    const members: ConsolidationMember[] = state.members.map((m) => ({
      code: m.record.code,
      name: m.record.name,
      kind: m.record.kind,
      parent: m.record.parent,
      depth: m.depth,
      hasReport: state.reports.has(m.record.code),
      excluded: state.excluded.get(m.record.code) ?? null,
    }));
    const counts = await this.counts(state);
    return { dept: state.dept, year, packId: state.pack.id, members, lines: state.consolidation.lines(), hints, counts };
  }

  /** 户数 this year and last: the department's units that have a report for the year. */
  private async counts(state: ConsolidatedState): Promise<ConsolidationView['counts']> {
    const all = await this.register.list();
    const lastMembers = deptMembers(all, state.dept.code, state.year - 1);
    const lastReports = new Set((await this.register.reportsOfYear(state.year - 1)).map((r) => r.unitCode));
    const toComposed = (m: DeptMember): ComposedUnit => ({ code: m.record.code, name: m.record.name, kind: m.record.kind, reportKind: m.record.reportKind });
    const now = state.members.filter((m) => state.reports.has(m.record.code)).map(toComposed);
    const before = lastMembers.filter((m) => lastReports.has(m.record.code) && activeIn(m.record, state.year - 1)).map(toComposed);
    return householdCounts(now, before);
  }

  async setAdjustment(dept: string, year: number, lineKey: string, amount: number | null, note: string): Promise<void> {
    const state = await this.state(dept, year);
    const exists = state.consolidation.lines().some((l) => l.key === lineKey) || state.consolidation.orphanOverrides().includes(lineKey);
    if (!exists) throw new AppError(`调整表中没有“${lineKey}”这一项`);
    await this.register.setAdjustment(dept, year, lineKey, amount === null ? null : { amount, note });
    this.states.delete(key(dept, year));
  }

  /** The units that make up one consolidated cell: each unit's share by the cell's linear formula over inputs. */
  async breakdown(dept: string, year: number, table: string, row: string, col: string): Promise<CellBreakdown> {
    const state = await this.state(dept, year);
    const engine = state.session.engine;
    const terms = engine.inputTerms(table, row, col);
    if (!terms) throw new AppError(`部门汇总表没有 ${table} ${row} ${col} 单元格`, { table, row, column: col });
    const t = state.pack.tables.find((x) => x.id === table);
    const r = engine.row(table, row);
    const label = t && r ? cellTitle(t, r, col) : cellKey(table, row, col);
    const columns = [...new Set([...terms.keys()].map((k) => { const c = splitCellKey(k); return `${c.table}:${c.col}`; }))].map((s) => {
      const [tb = '', c = ''] = s.split(':');
      return { table: tb, col: c };
    });
    const summed = [...state.reports.values()].filter((x) => !state.excluded.has(x.unitCode));
    const cells = await this.register.cellsIn(summed.map((x) => x.id), columns);
    const kindOf = new Map(state.members.map((m) => [m.record.code, m.record]));
    const units = summed.map((rep) => {
      const unit = kindOf.get(rep.unitCode);
      const mine = cells.get(rep.id);
      let amount = 0;
      for (const [k, coef] of terms) {
        if (state.consolidation.isAdminOnly(k) && unit && !ADMIN_KINDS.includes(unit.kind)) continue;
        amount += coef * (mine?.get(k) ?? 0);
      }
      return { code: rep.unitCode, name: unit?.name ?? rep.unitCode, amount };
    });
    const order = new Map(state.members.map((m, i) => [m.record.code, i]));
    units.sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
    let eliminated = 0;
    const adjustments = state.consolidation.adjustments();
    for (const [k, coef] of terms) eliminated += coef * (adjustments.get(k) ?? 0);
    return { table, row, col, label, units, eliminated, total: engine.value(table, row, col) ?? 0 };
  }
}
