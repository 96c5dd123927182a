/**
 * Reports for the audit tests, built with ReportEngine from the real yn-2020 pack and audited with
 * its real rules.json: a balanced report on which every rule holds, and helpers to break one thing.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cellKey, type CellKey, type UnitKind } from '../../../shared/api/contract';
import { AuditEngine, type AuditContext } from '../../../shared/audit/auditEngine';
import { loadRules, type RuleSet } from '../../../shared/audit/loadRules';
import type { AuditResult } from '../../../shared/audit/types';
import { ReportEngine, type ReportEngineData } from '../../../shared/engine/reportEngine';
import { parseAmount } from '../../../shared/money/fen';
import type { Pack } from '../../../shared/pack/model';
import { REAL_PACK_DIR, realPack } from '../pack/packFixtures';

export { realPack };

let rules: Promise<unknown> | undefined;

export function rulesJson(): Promise<unknown> {
  rules ??= readFile(join(REAL_PACK_DIR, 'rules.json'), 'utf8').then((text): unknown => JSON.parse(text));
  return rules;
}

export async function realRules(pack?: Pack): Promise<RuleSet> {
  return loadRules(pack ?? (await realPack()), await rulesJson());
}

/** 元 text → 分. */
export function yuan(text: string): number {
  const parsed = parseAmount(text);
  if (!parsed.ok || parsed.fen === null) throw new Error(`bad amount ${text}`);
  return parsed.fen;
}

const ITEM = '2010301';

/**
 * A 行政单位's report on which every rule holds: one 项 (2010301 行政运行) carries all money;
 * T01 balances, T04/T05 agree, T06 = T05 基本支出, T09 matches T06, 机关运行经费 = 公用经费.
 */
export function balancedData(): ReportEngineData {
  const y = yuan;
  const inputs: Record<CellKey, number> = {
    [cellKey('T02', ITEM, 'c2')]: y('1000000'),
    [cellKey('T02', ITEM, 'c7')]: y('10000'),
    [cellKey('T03', ITEM, 'c2')]: y('800000'),
    [cellKey('T03', ITEM, 'c3')]: y('210000'),
    [cellKey('T05', ITEM, 'c1')]: y('50000'),
    [cellKey('T05', ITEM, 'c2')]: y('1000000'),
    [cellKey('T05', ITEM, 'c4')]: y('800000'),
    [cellKey('T05', ITEM, 'c5')]: y('200000'),
    [cellKey('T05', ITEM, 'c6')]: y('50000'),
    [cellKey('T04', 'I01', 'c1')]: y('1000000'),
    [cellKey('T04', 'IBEG1', 'c1')]: y('50000'),
    [cellKey('T04', 'EEND', 'c3')]: y('50000'),
    [cellKey('T01', 'IBEG', 'c1')]: y('60000'),
    [cellKey('T01', 'EEND', 'c2')]: y('60000'),
    [cellKey('T06', '30101', 'c1')]: y('500000'),
    [cellKey('T06', '30302', 'c1')]: y('100000'),
    [cellKey('T06', '30201', 'c1')]: y('145000'),
    [cellKey('T06', '30217', 'c1')]: y('5000'),
    [cellKey('T06', '30231', 'c1')]: y('30000'),
    [cellKey('T06', '31013', 'c1')]: y('20000'),
    [cellKey('T09', 'SGCARBUY', 'c1')]: y('20000'),
    [cellKey('T09', 'SGCARBUY', 'c2')]: y('20000'),
    [cellKey('T09', 'SGCAROPS', 'c1')]: y('40000'),
    [cellKey('T09', 'SGCAROPS', 'c2')]: y('30000'),
    [cellKey('T09', 'SGRECDOM', 'c1')]: y('8000'),
    [cellKey('T09', 'SGRECDOM', 'c2')]: y('5000'),
    [cellKey('T09', 'OPEX', 'c2')]: y('200000'),
    [cellKey('T09', 'NCARBUY', 'c2')]: 1,
    [cellKey('T09', 'NCARHOLD', 'c2')]: 2,
    [cellKey('T09', 'NDOMBAT', 'c2')]: 3,
    [cellKey('T09', 'NDOMPER', 'c2')]: 20,
    [cellKey('T10', 'TOTAL', 'c2')]: y('100000'),
    [cellKey('T10', 'TOTAL', 'c4')]: y('500000'),
    [cellKey('T10', 'TOTAL', 'c5')]: y('300000'),
  };
  return { rows: { T02: [ITEM], T03: [ITEM], T05: [ITEM] }, inputs };
}

export interface Audited {
  pack: Pack;
  engine: ReportEngine;
  audit: AuditEngine;
}

export async function audited(
  data: ReportEngineData = balancedData(),
  context: Partial<AuditContext> & { pack?: Pack } = {},
): Promise<Audited> {
  const pack = context.pack ?? (await realPack());
  const engine = new ReportEngine(pack, data);
  const audit = new AuditEngine(engine, await realRules(pack), { unitKind: '行政单位' satisfies UnitKind, ...context });
  return { pack, engine, audit };
}

/** Applies one input edit (value in 分, or a count) and feeds the changed keys to the audit. */
export function edit(a: Audited, table: string, row: string, col: string, value: number | null): void {
  a.audit.update(a.engine.setInputs([{ table, row, col, value }]));
}

export function failing(a: Audited, ruleId: string): AuditResult[] {
  return a.audit.results().filter((r) => r.ruleId === ruleId);
}

export const ITEM_CODE = ITEM;
