/**
 * The exchange file (报送文件) a unit sends its department: the report file (cells, 科目 rows, cover,
 * texts, 出错说明, pack id) with the unit's register entry, the department it is for, and a sha256
 * fingerprint of all of it. Keys are sorted, so the same report gives the same bytes wherever it is
 * exported — a department re-exporting a unit's imported report gives back the unit's file.
 *
 * Import into a department: the file is checked whole (format, fingerprint, department, pack, every
 * cell), the differences from what is stored are listed, and only a confirmed plan is written, in one
 * transaction. A file for another department or another 报表格式 is refused with the reason.
 */
import type { KindLike } from '../../../shared/pack/cellKind';
import { createHash, randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { z } from 'zod';
import { splitCellKey, type ReportData, type ReportRef, type Unit } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { ACCOUNTING_SYSTEMS, BUDGET_LEVELS, REPORT_KINDS, type ChangeLine, type ExchangePlanView, type UnitRecord } from '../../../shared/api/registerContract';
import { cellTitle } from '../../../shared/engine/labels';
import { formatStillInUse } from '../formatInUse';
import type { Pack } from '../../../shared/pack/model';
import { stringifyOrdered, type OrderedJson } from '../orderedJson';
import { parseReportFile, reportFileText } from '../reportFile';
import type { ReportSessions } from '../reportSessions';
import { sqliteCode } from '../store/database';
import type { RegisterStore } from '../store/registerStore';
import { deptMembers } from './deptMembers';

export const EXCHANGE_FORMAT = 'juesuan-exchange';
export const EXCHANGE_VERSION = 1;

const registerFields = z.object({
  creditCode: z.string().nullable(),
  budgetLevel: z.enum(BUDGET_LEVELS).nullable(),
  accountingSystem: z.enum(ACCOUNTING_SYSTEMS).nullable(),
  reportKind: z.enum(REPORT_KINDS),
});

const fileSchema = z.object({
  format: z.literal(EXCHANGE_FORMAT),
  version: z.literal(EXCHANGE_VERSION),
  department: z.string().min(1).max(40),
  register: registerFields,
  report: z.record(z.string(), z.unknown()),
  fingerprint: z.string().regex(/^sha256:[0-9a-f]{64}$/),
});

type JsonValue = OrderedJson;

function fingerprintOf(department: string, register: Record<string, JsonValue>, report: JsonValue): string {
  const canonical = stringifyOrdered({ department, register, report });
  return `sha256:${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
}

/** The department a unit reports to: the top of its branch of the register. */
export function departmentOf(all: readonly UnitRecord[], code: string): string {
  const byCode = new Map(all.map((u) => [u.code, u]));
  let current = byCode.get(code);
  const seen = new Set<string>();
  while (current && current.parent !== null && byCode.has(current.parent) && !seen.has(current.code)) {
    seen.add(current.code);
    current = byCode.get(current.parent);
  }
  return current?.code ?? code;
}

/** The exchange file text of a unit's stored report for a year. */
export async function exchangeFileText(sessions: ReportSessions, register: RegisterStore, ref: ReportRef): Promise<string> {
  if (ref.consolidated) throw new AppError('报送文件是单位报表的文件；部门汇总表请导出 Excel 或打印');
  if (!(await sessions.store.findReport(ref.unit, ref.year))) throw new AppError(`单位 ${ref.unit} 没有 ${ref.year} 年度的报表，无法导出报送文件`);
  const session = await sessions.open(ref);
  const all = await register.list();
  const record = all.find((u) => u.code === ref.unit);
  if (!record) throw new AppError(`单位 ${ref.unit} 不存在`);
  const report = JSON.parse(reportFileText(session)) as JsonValue;
  const department = departmentOf(all, ref.unit);
  const fields: Record<string, JsonValue> = {
    creditCode: record.creditCode,
    budgetLevel: record.budgetLevel,
    accountingSystem: record.accountingSystem,
    reportKind: record.reportKind,
  };
  const content = new Map<string, JsonValue>([
    ['format', EXCHANGE_FORMAT],
    ['version', EXCHANGE_VERSION],
    ['department', department],
    ['register', fields],
    ['report', report],
    ['fingerprint', fingerprintOf(department, fields, report)],
  ]);
  return `${stringifyOrdered(content, 2)}\n`;
}

export interface ExchangePlan {
  view: ExchangePlanView;
  /** The file's name, for messages. */
  file: string;
  dept: string;
  unit: Unit;
  register: z.infer<typeof registerFields>;
  pack: Pack;
  data: ReportData;
}

function diffInputs(
  pack: Pack,
  before: ReportData | null,
  after: ReportData,
  label: (t: string, r: string, c: string) => string,
  kindOf: (t: string, r: string, c: string) => KindLike | undefined,
): ChangeLine[] {
  // Amounts and counts, and the text and decimal cells beside them.
  const valueOf = (data: ReportData | null, key: string) => data?.inputs[key] ?? data?.strings?.[key] ?? null;
  const keys = new Set([...Object.keys(before?.inputs ?? {}), ...Object.keys(after.inputs), ...Object.keys(before?.strings ?? {}), ...Object.keys(after.strings ?? {})]);
  const out: ChangeLine[] = [];
  for (const key of [...keys].sort()) {
    const b = valueOf(before, key);
    const a = valueOf(after, key);
    if (b === a) continue;
    const { table, row, col } = splitCellKey(key);
    const kind = kindOf(table, row, col);
    out.push({ table, row, col, label: label(table, row, col), before: b, after: a, ...(kind ? { kind } : {}) });
  }
  void pack;
  return out;
}

/** Checks an exchange file for department `dept` and lists what importing it would change. */
export async function planExchange(sessions: ReportSessions, register: RegisterStore, dept: string, text: string, fileLabel: string): Promise<ExchangePlan> {
  const name = basename(fileLabel);
  const fail = (message: string) => new AppError(`报送文件 ${name}：${message}`, { file: name });
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw fail('不是有效的 JSON 文件');
  }
  if (typeof raw === 'object' && raw !== null && 'format' in raw && raw.format === 'juesuan-report') {
    throw fail('这是报表文件（export-json），不是报送文件；请在单位端用“导出报送文件”生成');
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.path[0] === 'format') throw fail(`不是决算工作站的报送文件（format 应为 "${EXCHANGE_FORMAT}"）`);
    if (issue?.path[0] === 'version') throw fail(`不支持的文件版本（本程序读取版本 ${EXCHANGE_VERSION}）`);
    throw fail(`${issue ? issue.path.join('.') : '内容'} 不正确`);
  }
  const file = parsed.data;
  const fields: Record<string, JsonValue> = { ...file.register };
  if (fingerprintOf(file.department, fields, file.report as JsonValue) !== file.fingerprint) {
    throw fail('文件内容与其指纹不符（文件在导出后被修改或已损坏），拒绝导入');
  }
  const all = await register.list();
  const deptRecord = all.find((u) => u.code === dept);
  if (!deptRecord) throw fail(`部门 ${dept} 不存在`);
  const report = parseReportFile(JSON.stringify(file.report), fileLabel, sessions.packs, sessions);
  const members = deptMembers(all, dept, report.year);
  const memberCodes = new Set(members.map((m) => m.record.code));
  if (file.department !== dept && !memberCodes.has(file.department)) {
    const target = all.find((u) => u.code === file.department);
    throw fail(`此文件是报送给 ${target ? `${target.name}（${file.department}）` : file.department} 的，不属于本部门 ${deptRecord.name}（${dept}）`);
  }
  const existing = all.find((u) => u.code === report.unit.code);
  if (existing) {
    if (!memberCodes.has(existing.code)) throw fail(`单位 ${existing.name}（${existing.code}）不属于本部门 ${deptRecord.name}（${dept}）`);
  } else if (report.unit.parent === null || !memberCodes.has(report.unit.parent)) {
    throw fail(`单位 ${report.unit.name}（${report.unit.code}）的上级单位 ${report.unit.parent ?? '（无）'} 不在本部门 ${deptRecord.name}（${dept}）中`);
  }
  const deptReport = await sessions.store.findReport(dept, report.year);
  const deptPack = deptReport ? sessions.packById(deptReport.packId) : (formatStillInUse(sessions, report.year) ?? sessions.packForYear(report.year));
  if (deptPack.id !== report.pack.id) {
    throw fail(`文件的报表格式 ${report.pack.id} 与本部门 ${report.year} 年度的报表格式 ${deptPack.id} 不同`);
  }
  const stored = await sessions.store.findReport(report.unit.code, report.year);
  const before = stored ? await sessions.store.loadReportData(stored.id) : null;
  if (stored && stored.packId !== report.pack.id) throw fail(`库中该单位 ${report.year} 年度报表的格式为 ${stored.packId}，与文件的 ${report.pack.id} 不同`);
  const engine = sessions.buildEngine(report.pack, report.data.rows, {}, '报送文件', undefined, { texts: report.data.texts });
  const label = (t: string, r: string, c: string) => {
    const table = report.pack.tables.find((x) => x.id === t);
    const row = engine.row(t, r) ?? (before ? sessions.buildEngine(report.pack, before.rows, {}, '库中报表', undefined, { texts: before.texts }).row(t, r) : undefined);
    return table && row ? cellTitle(table, row, c) : `${t}:${r}:${c}`;
  };
  const changes = diffInputs(report.pack, before, report.data, label, (t, r, c) => engine.cellType(t, r, c));
  const textKeys = new Set([...Object.keys(before?.texts ?? {}), ...Object.keys(report.data.texts)]);
  const texts = [...textKeys]
    .sort()
    .filter((k) => (before?.texts[k] ?? null) !== (report.data.texts[k] ?? null))
    .map((k) => ({ key: k, before: before?.texts[k] ?? null, after: report.data.texts[k] ?? null }));
  const rowsBefore = new Set(Object.entries(before?.rows ?? {}).flatMap(([t, rs]) => rs.map((r) => `${t}:${r}`)));
  const rowsAfter = new Set(Object.entries(report.data.rows).flatMap(([t, rs]) => rs.map((r) => `${t}:${r}`)));
  const added = [...rowsAfter].filter((r) => !rowsBefore.has(r)).sort();
  const removed = [...rowsBefore].filter((r) => !rowsAfter.has(r)).sort();
  const unitChanged =
    existing !== undefined &&
    (existing.name !== report.unit.name ||
      existing.kind !== report.unit.kind ||
      existing.parent !== report.unit.parent ||
      existing.creditCode !== file.register.creditCode ||
      existing.budgetLevel !== file.register.budgetLevel ||
      existing.accountingSystem !== file.register.accountingSystem ||
      existing.reportKind !== file.register.reportKind);
  const same = stored !== undefined && changes.length === 0 && texts.length === 0 && added.length === 0 && removed.length === 0 && !unitChanged;
  return {
    view: {
      unit: report.unit,
      year: report.year,
      packId: report.pack.id,
      fingerprint: file.fingerprint,
      fresh: stored === undefined,
      same,
      changes,
      texts,
      rows: { table: '', added, removed },
    },
    file: name,
    dept,
    unit: report.unit,
    register: file.register,
    pack: report.pack,
    data: report.data,
  };
}

/**
 * Writes a planned exchange import — the unit (added or updated, with its register fields), its report
 * and the record of the file — in one transaction: a failure anywhere leaves the database as it was,
 * and the clerk is told which file and unit were not imported, and why.
 */
export async function commitExchange(sessions: ReportSessions, register: RegisterStore, plan: ExchangePlan): Promise<void> {
  const { unit, view } = plan;
  try {
    await sessions.backupNow('import');
    await sessions.store.replaceReport({ unit, year: view.year, packId: plan.pack.id, data: plan.data }, { how: 'import', note: '报送文件' }, async (tx) => {
      const record = await register.get(unit.code, tx);
      if (!record) throw new AppError(`单位 ${unit.code} 未能写入单位名录`);
      await register.save({ ...record, ...plan.register }, tx);
      await register.recordExchange(unit.code, view.year, { deptCode: plan.dept, fingerprint: view.fingerprint, importedAt: new Date().toISOString() }, tx);
    });
  } catch (err) {
    const cause = err instanceof AppError ? err.message : `数据库写入失败（${sqliteCode(err) ?? '未知原因'}）`;
    const name = plan.file;
    throw new AppError(`报送文件 ${name}：${unit.name}（${unit.code}）${view.year} 年度报表未导入，库中数据保持导入前的样子。原因：${cause}`, { file: name });
  } finally {
    // Whatever happened, the next look reads the store again.
    sessions.drop({ unit: unit.code, year: view.year });
  }
}

export function newPlanId(): string {
  return randomBytes(16).toString('hex');
}
