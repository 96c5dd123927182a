/**
 * The Api methods of the unit register, departments' consolidated reports and 调整表, exchange
 * files, the year's roll-over and report deletion.
 */
import type { Api } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import type { UnitRecord } from '../../../shared/api/registerContract';
import { creditCodeProblem, normalizeCreditCode } from '../../../shared/consolidate/creditCode';
import type { ReportSessions } from '../reportSessions';
import type { ReportStore } from '../store/reportStore';
import { BackupService } from '../backup/backupService';
import type { ConsolidationService } from './consolidationService';
import { commitExchange, exchangeFileText, newPlanId, planExchange, type ExchangePlan } from './exchange';
import { commitRollover, planRollover } from './rollover';
import { unitTree } from './unitStates';

type RegisterMethods = Pick<
  Api,
  | 'listRegister'
  | 'updateUnitRecord'
  | 'moveUnit'
  | 'removeUnit'
  | 'restoreUnit'
  | 'unitTree'
  | 'consolidationView'
  | 'setAdjustment'
  | 'cellBreakdown'
  | 'exportExchange'
  | 'planExchangeImport'
  | 'commitExchangeImport'
  | 'planRollover'
  | 'commitRollover'
  | 'deleteReport'
  | 'reportYears'
>;

/** Data is never removed without a backup: where the services run without a backup service, one backup through the same mechanism. */
async function oneOffBackup(store: ReportStore): Promise<string> {
  const service = new BackupService(store, { periodic: false });
  try {
    return (await service.backupNow('delete')).path;
  } finally {
    service.stop();
  }
}

export interface RegisterDeps {
  sessions: ReportSessions;
  consolidation: ConsolidationService;
  store: ReportStore;
}

const MAX_PLANS = 8;

export function registerMethods({ sessions, consolidation, store }: RegisterDeps): RegisterMethods {
  const register = consolidation.register;
  const plans = new Map<string, ExchangePlan>();
  const changed = () => consolidation.invalidate();

  return {
    listRegister: () => register.list(),

    updateUnitRecord: ({ code, ...patch }) =>
      sessions.serial(async () => {
        const record = await register.require(code);
        const next: UnitRecord = { ...record };
        if (patch.name !== undefined) next.name = patch.name;
        if (patch.kind !== undefined) next.kind = patch.kind;
        if (patch.budgetLevel !== undefined) next.budgetLevel = patch.budgetLevel;
        if (patch.accountingSystem !== undefined) next.accountingSystem = patch.accountingSystem;
        if (patch.reportKind !== undefined) next.reportKind = patch.reportKind;
        if (patch.creditCode !== undefined) {
          if (patch.creditCode === null || patch.creditCode.trim() === '') next.creditCode = null;
          else {
            const problem = creditCodeProblem(patch.creditCode);
            if (problem) throw new AppError(`${record.name}：${problem}`);
            const normalized = normalizeCreditCode(patch.creditCode);
            const owner = await register.creditCodeOwner(normalized, code);
            if (owner) throw new AppError(`统一社会信用代码 ${normalized} 已用于单位 ${owner}`);
            next.creditCode = normalized;
          }
        }
        const saved = await register.save(next);
        for (const year of new Set((await register.reports()).filter((r) => r.unitCode === code).map((r) => r.year))) sessions.drop({ unit: code, year });
        changed();
        return saved;
      }),

    moveUnit: ({ code, parent }) =>
      sessions.serial(async () => {
        const record = await register.require(code);
        if (parent === code) throw new AppError(`单位 ${code} 不能是自己的上级单位`);
        if (parent !== null) {
          const target = await register.require(parent);
          if (target.archivedFrom !== null) throw new AppError(`上级单位 ${target.name} 已归档，不能移入`);
        }
        await store.updateUnit({ code, name: record.name, kind: record.kind, parent });
        for (const year of new Set((await register.reports()).filter((r) => r.unitCode === code).map((r) => r.year))) sessions.drop({ unit: code, year });
        changed();
        return register.require(code);
      }),

    removeUnit: ({ code, from }) =>
      sessions.serial(async () => {
        const record = await register.require(code);
        const last = await register.lastReportYear(code);
        const children = (await register.list()).filter((u) => u.parent === code);
        if (last === null && children.length === 0) {
          await store.removeUnit(code);
          changed();
          return { removed: 'deleted' as const, unit: null };
        }
        const active = children.filter((c) => c.archivedFrom === null);
        if (active.length > 0) {
          throw new AppError(`${record.name} 还有下级单位 ${active.map((c) => c.name).join('、')}，请先移走或归档这些单位`);
        }
        const year = from ?? (last === null ? new Date().getFullYear() : last + 1);
        const saved = await register.save({ ...record, archivedFrom: year });
        changed();
        return { removed: 'archived' as const, unit: saved };
      }),

    restoreUnit: ({ code }) =>
      sessions.serial(async () => {
        const record = await register.require(code);
        if (record.parent !== null) {
          const parent = await register.require(record.parent);
          if (parent.archivedFrom !== null) throw new AppError(`上级单位 ${parent.name} 已归档，请先恢复上级单位`);
        }
        const saved = await register.save({ ...record, archivedFrom: null });
        changed();
        return saved;
      }),

    unitTree: ({ year }) => sessions.serial(() => unitTree(sessions, register, year)),

    reportYears: async () => [...new Set((await register.reports()).map((r) => r.year))].sort((a, b) => b - a),

    consolidationView: ({ unit, year }) => sessions.serial(() => consolidation.view(unit, year)),

    setAdjustment: ({ unit, year, key, amount, note }) =>
      sessions.serial(async () => {
        await consolidation.setAdjustment(unit, year, key, amount, note ?? '');
        return consolidation.view(unit, year);
      }),

    cellBreakdown: ({ unit, year, table, row, col }) => sessions.serial(() => consolidation.breakdown(unit, year, table, row, col)),

    exportExchange: (ref) =>
      sessions.serial(async () => {
        const text = await exchangeFileText(sessions, register, ref);
        const unit = await register.require(ref.unit);
        return { fileName: `${unit.name}${ref.year}年度部门决算报送文件.json`, base64: Buffer.from(text, 'utf8').toString('base64') };
      }),

    planExchangeImport: ({ dept, fileName, base64 }) =>
      sessions.serial(async () => {
        const plan = await planExchange(sessions, register, dept, Buffer.from(base64, 'base64').toString('utf8'), fileName);
        const planId = newPlanId();
        plans.set(planId, plan);
        while (plans.size > MAX_PLANS) plans.delete(plans.keys().next().value!);
        return { planId, plan: plan.view };
      }),

    commitExchangeImport: ({ planId }) =>
      sessions.serial(async () => {
        const plan = plans.get(planId);
        if (!plan) throw new AppError('导入预览已失效，请重新选择文件');
        plans.delete(planId);
        await commitExchange(sessions, register, plan);
        return { unit: plan.unit.code, year: plan.view.year, inputs: Object.keys(plan.data.inputs).length };
      }),

    planRollover: ({ unit, from }) => sessions.serial(async () => (await planRollover(sessions, consolidation.allRoles(), unit, from)).view),

    commitRollover: ({ unit, from }) =>
      sessions.serial(async () => {
        const plan = await planRollover(sessions, consolidation.allRoles(), unit, from);
        await commitRollover(sessions, plan);
        return plan.view;
      }),

    deleteReport: ({ unit, year }) =>
      sessions.serial(async () => {
        await sessions.requireUnit(unit);
        if (!(await store.findReport(unit, year))) throw new AppError(`单位 ${unit} 没有 ${year} 年度的报表`);
        const backup = (await sessions.backupNow('delete')) ?? (await oneOffBackup(store));
        await register.deleteReport(unit, year);
        sessions.drop({ unit, year });
        return { backup };
      }),
  };
}
