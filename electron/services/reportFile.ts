/**
 * The report file: one unit's report for one year as JSON, for moving a report between machines and
 * for scripting. Only what the clerk typed travels; computed cells are re-derived on import.
 *
 * Format (version 1):
 *
 *   {
 *     "format": "juesuan-report",          always this text
 *     "version": 1,
 *     "pack": "yn-2020",                    报表格式 (pack) id; must be installed and match "year"
 *     "year": 2020,                         决算年度
 *     "unit": { "code": "001001", "name": "…", "kind": "行政单位", "parent": null },
 *     "rows": { "T03": ["2010301", …] },    科目 (项) rows added to subject tables; 款/类 parents are implied
 *     "tables": { "T03": { "2010301": { "c2": "1660834.72" } } },
 *                                           input cells only: table → row → column → value; amounts are
 *                                           decimal strings in 元 (at most 2 decimals), counts integer strings,
 *                                           decimals and percents decimal strings with the column's places
 *                                           ("85.50" is 85.50%), texts as they are
 *                                           rows of a named table (N1, N2 …) are listed in "rows" and
 *                                           named in texts (rowname.<table>.<id>, rowseq.<table>)
 *     "texts": { "key": "text" }            texts typed by the clerk
 *   }
 *
 * Every object's keys are sorted, so exporting the same report twice gives the same bytes.
 * Import checks the whole file first (shape, pack and year, every table, row, column and amount) and
 * then replaces the unit's report for that year in one transaction, adding or updating the unit; a bad
 * file changes nothing, and importing the same file twice changes nothing.
 */
import { basename } from 'node:path';
import { z } from 'zod';
import {
  ID_PATTERN,
  MAX_EDITS,
  MAX_ROWS,
  MAX_TEXT_LENGTH,
  TEXT_KEY_PATTERN,
  UNIT_KINDS,
  apiSchemas,
  splitCellKey,
  type ReportData,
  type ReportRef,
  type Unit,
} from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { EditRequest } from '../../shared/engine/types';
import { parseCellText } from '../../shared/pack/cellKind';
import { packServesYear, type Pack } from '../../shared/pack/model';
import { packForYear } from '../../shared/pack/years';
import { subjectNamesFromTexts, subjectTextKey } from '../../shared/pack/clerkSubjects';
import { catalogueEntries } from '../../shared/engine/catalogueIndex';
import { subjectSource } from '../../shared/engine/layout';
import { namedSource } from '../../shared/pack/namedRows';
import { formatStillInUse } from './formatInUse';
import { cellIndex } from './cellKinds';
import { stringifyOrdered, type OrderedJson } from './orderedJson';
import type { ReportSessions, Session } from './reportSessions';
import { valueText } from './reportValues';

export const REPORT_FILE_FORMAT = 'juesuan-report';
export const REPORT_FILE_VERSION = 1;

const fileId = z.string().regex(ID_PATTERN, '名称无效（应为 1–24 位字母、数字或下划线）');

const fileSchema = z.object({
  format: z.literal(REPORT_FILE_FORMAT),
  version: z.literal(REPORT_FILE_VERSION),
  pack: z.string().min(1),
  year: z.number().int(),
  unit: z.object({
    code: apiSchemas.addUnit.shape.code,
    name: apiSchemas.addUnit.shape.name,
    kind: z.enum(UNIT_KINDS),
    parent: apiSchemas.addUnit.shape.code.nullable().default(null),
  }),
  rows: z.record(fileId, z.array(fileId).max(MAX_ROWS, `每张表最多 ${MAX_ROWS.toLocaleString('en-US')} 个科目行`)).default({}),
  tables: z.record(fileId, z.record(fileId, z.record(fileId, z.string().max(MAX_TEXT_LENGTH, '单元格文字过长')))).default({}),
  texts: z
    .record(
      z.string().regex(TEXT_KEY_PATTERN, '文字项的名称无效'),
      z.string().max(MAX_TEXT_LENGTH, `文字过长（最多 ${MAX_TEXT_LENGTH.toLocaleString('en-US')} 字）`),
    )
    .default({}),
});

/** Keys that would reach an object's prototype if a later reader trusted them; the Api refuses them too. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The path of the first forbidden key in parsed JSON, or null. */
function forbiddenKeyPath(value: unknown, path: string[] = []): string[] | null {
  if (typeof value !== 'object' || value === null) return null;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return [...path, key];
    const inner = forbiddenKeyPath((value as Record<string, unknown>)[key], [...path, key]);
    if (inner) return inner;
  }
  return null;
}

/** Largest report file read (the same as the largest workbook). */
export const MAX_REPORT_FILE_BYTES = 20 * 1024 * 1024;

/** A checked report file, ready to be stored. */
export interface ParsedReportFile {
  unit: Unit;
  year: number;
  pack: Pack;
  data: ReportData;
}

/** The value at an issue's path in the raw file (zod does not keep it), to tell "missing" from "wrong type". */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = raw;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || typeof key === 'symbol') return undefined;
    current = Object.getOwnPropertyDescriptor(current, key)?.value;
  }
  return current;
}

function issueText(issue: z.core.$ZodIssue, raw: unknown): string {
  const path = issue.path.map(String).join('.') || '文件内容';
  switch (issue.code) {
    case 'invalid_value':
      if (issue.path[0] === 'format') return `不是决算工作站的报表文件（format 应为 "${REPORT_FILE_FORMAT}"）`;
      if (issue.path[0] === 'version') return `不支持的文件版本（本程序读取版本 ${REPORT_FILE_VERSION}）`;
      return `${path} 的值不正确`;
    case 'invalid_type':
      return `${path} ${valueAt(raw, issue.path) === undefined ? '缺失' : `的类型不正确（应为${typeWord(issue.expected)}）`}`;
    case 'invalid_key': {
      const parent = issue.path.slice(0, -1).map(String).join('.') || '文件内容';
      return `${parent} 中的名称“${String(issue.path[issue.path.length - 1] ?? '')}”无效（只能用字母、数字、下划线等，与工作站的限制相同）`;
    }
    default:
      return `${path} 不正确：${/[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '格式或长度不符合要求'}`;
  }
}

function typeWord(expected: string): string {
  const words: Record<string, string> = { string: '文本', number: '数字', object: '对象', array: '数组' };
  return words[expected] ?? expected;
}

/** Checks a report file's text against the installed packs; throws an AppError naming the place. */
export function parseReportFile(text: string, fileLabel: string, packs: readonly Pack[], sessions: ReportSessions): ParsedReportFile {
  const name = basename(fileLabel);
  const fail = (message: string, where: { table?: string; row?: string; column?: string } = {}): AppError =>
    new AppError(`报表文件 ${name}：${message}`, { file: name, ...where });
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw fail(`不是有效的 JSON（${err instanceof Error ? err.message : String(err)}）`);
  }
  const forbidden = forbiddenKeyPath(raw);
  if (forbidden) throw fail(`${forbidden.join('.')} 使用了不允许的名称“${forbidden[forbidden.length - 1]}”`);
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw fail(issue ? issueText(issue, raw) : '格式不正确');
  }
  const file = parsed.data;
  const pack = packs.find((p) => p.id === file.pack);
  if (!pack) {
    const known = packs.map((p) => p.id).join('、') || '无';
    throw fail(`报表格式 ${file.pack} 不存在（本程序有：${known}）`);
  }
  // Its own years, the 上年数 year before them when no other format serves that year, or a later year
  // no installed format serves (a format stays in use until a new one is installed).
  if (!packServesYear(pack, file.year) && packForYear(packs, file.year)?.id !== pack.id && formatStillInUse(sessions, file.year)?.id !== pack.id) {
    const span = pack.years.from === pack.years.to ? `${pack.years.from} 年度` : `${pack.years.from}–${pack.years.to} 年度`;
    throw fail(`年度 ${file.year} 与报表格式 ${pack.id}（${span}）不符`);
  }
  if (file.unit.parent === file.unit.code) throw fail(`单位 ${file.unit.code} 不能是自己的上级单位`);

  // Names of named rows (and their numbering) come in texts, as the store keeps them.
  const engine = sessions.buildEngine(pack, {}, {}, `报表文件 ${name} 的内容`, undefined, { texts: file.texts });
  const index = cellIndex(engine, pack);
  // 科目 the catalogue lacks come with their names in texts (subject.<catalogue>.<code>).
  const ownSubjects = subjectNamesFromTexts(file.texts);
  for (const [table, codes] of Object.entries(file.rows)) {
    if (!index.hasTable(table)) throw fail(`表 ${table} 不存在`, { table });
    if (codes.length === 0) continue;
    const def = pack.tables.find((t) => t.id === table);
    if (def && namedSource(def)) {
      try {
        engine.restoreNamedRows(table, codes);
      } catch (err) {
        throw fail(`表 ${table} 的行：${err instanceof Error ? err.message : String(err)}`, { table });
      }
      continue;
    }
    const catalogue = def ? subjectSource(def)?.catalogue : undefined;
    try {
      engine.addRows(table, codes, catalogue ? (ownSubjects[catalogue] ?? {}) : {});
    } catch (err) {
      const hint = catalogue && codes.some((c) => !catalogueEntries(engine.pack, catalogue).has(c))
        ? `（目录中没有的科目请在 texts 中写明名称，如 "${subjectTextKey(catalogue, codes.find((c) => !catalogueEntries(engine.pack, catalogue).has(c)) ?? '')}": "科目名称"）`
        : '';
      throw fail(`表 ${table} 的科目行：${err instanceof Error ? err.message : String(err)}${hint}`, { table });
    }
  }
  // The index remembers layouts, so read it only after the rows are in.
  const cells = cellIndex(engine, pack);
  const edits: EditRequest[] = [];
  const cellCount = Object.values(file.tables).reduce((n, rows) => n + Object.values(rows).reduce((m, cols) => m + Object.keys(cols).length, 0), 0);
  if (cellCount > MAX_EDITS) throw fail(`有 ${cellCount.toLocaleString('en-US')} 个单元格，超过上限（${MAX_EDITS.toLocaleString('en-US')} 个）`);
  for (const [table, rows] of Object.entries(file.tables)) {
    if (!cells.hasTable(table)) throw fail(`表 ${table} 不存在`, { table });
    for (const [row, cols] of Object.entries(rows)) {
      if (!cells.row(table, row)) throw fail(`表 ${table} 行 ${row} 不存在`, { table, row });
      for (const [col, textValue] of Object.entries(cols)) {
        const where = { table, row, column: col };
        const type = engine.cellType(table, row, col);
        if (!type) throw fail(`表 ${table} 行 ${row} 列 ${col} 不存在`, where);
        const value = parseCellText(textValue, type);
        if (!value.ok) throw fail(`表 ${table} 行 ${row} 列 ${col}：${value.message}`, where);
        if (value.value === null) continue;
        const edit: EditRequest = { table, row, col, value: value.value };
        const problem = engine.checkEdit(edit);
        if (problem) throw fail(problem, where);
        edits.push(edit);
      }
    }
  }
  if (edits.length > 0) engine.setInputs(edits);
  return {
    unit: { code: file.unit.code, name: file.unit.name, kind: file.unit.kind, parent: file.unit.parent },
    year: file.year,
    pack,
    data: { rows: engine.addedRows(), inputs: engine.inputs(), texts: file.texts, ...withStrings(engine.strings()) },
  };
}

function withStrings(strings: Record<string, string>): { strings?: Record<string, string> } {
  return Object.keys(strings).length > 0 ? { strings } : {};
}

/** The report file text of an open report. */
export function reportFileText(session: Session): string {
  const index = cellIndex(session.engine, session.pack);
  const tables: Record<string, Record<string, Record<string, string>>> = {};
  const values: [string, number | string][] = [...Object.entries(session.engine.inputs()), ...Object.entries(session.engine.strings())];
  for (const [key, value] of values) {
    const { table, row, col } = splitCellKey(key);
    const kind = session.engine.cellType(table, row, col) ?? index.kind(table, row, col) ?? 'money';
    ((tables[table] ??= {})[row] ??= {})[col] = valueText(value, kind);
  }
  const rows: Record<string, string[]> = {};
  for (const [table, codes] of Object.entries(session.engine.addedRows())) {
    if (codes.length > 0) rows[table] = [...codes].sort();
  }
  const { unit } = session;
  const content = new Map<string, OrderedJson>([
    ['format', REPORT_FILE_FORMAT],
    ['version', REPORT_FILE_VERSION],
    ['pack', session.pack.id],
    ['year', session.year],
    ['unit', new Map<string, OrderedJson>([['code', unit.code], ['name', unit.name], ['kind', unit.kind], ['parent', unit.parent]])],
    ['rows', rows],
    ['tables', tables],
    ['texts', session.texts],
  ]);
  return `${stringifyOrdered(content, 2)}\n`;
}

/** Exports a unit's report for a year (opening it, so it must exist as a unit and the year must have a pack). */
export function exportReport(sessions: ReportSessions, ref: ReportRef): Promise<string> {
  return sessions.serial(async () => reportFileText(await sessions.open(ref)));
}

export interface ImportReportOptions {
  /** Let the file change the stored unit's name, kind or parent (otherwise a difference refuses the file). */
  updateUnit?: boolean;
}

export interface ImportedReport extends ParsedReportFile {
  /** How the stored unit was changed (`名称：A → B`), or that it was added; empty when it was as the file says. */
  unitChanges: string[];
  /** Input cells the replaced report held; null when there was no report for the unit and year. */
  replacedInputs: number | null;
}

function unitDifferences(stored: Unit, file: Unit): string[] {
  const out: string[] = [];
  if (stored.name !== file.name) out.push(`名称：“${stored.name}” → “${file.name}”`);
  if (stored.kind !== file.kind) out.push(`类型：${stored.kind} → ${file.kind}`);
  if (stored.parent !== file.parent) out.push(`上级单位：${stored.parent ?? '无'} → ${file.parent ?? '无'}`);
  return out;
}

/**
 * Checks a report file and, if all of it is good, replaces the report in one transaction. The unit
 * is added when the database lacks it; a stored unit whose name, kind or parent differ from the
 * file's is changed only when `updateUnit` says so — otherwise the file is refused, naming each
 * difference, because the unit's name and kind apply to every year of it.
 */
export function importReport(sessions: ReportSessions, text: string, fileLabel: string, options: ImportReportOptions = {}): Promise<ImportedReport> {
  return sessions.serial(async () => {
    await sessions.sync();
    const name = basename(fileLabel);
    if (text.length > MAX_REPORT_FILE_BYTES) {
      throw new AppError(`报表文件 ${name}：文件过大，超过上限（${MAX_REPORT_FILE_BYTES / 1024 / 1024} MB）`, { file: name });
    }
    const parsed = parseReportFile(text, fileLabel, sessions.packs, sessions);
    const ref = { unit: parsed.unit.code, year: parsed.year };
    if (parsed.unit.parent !== null && !(await sessions.store.getUnit(parsed.unit.parent))) {
      throw new AppError(`报表文件 ${name}：上级单位 ${parsed.unit.parent} 不存在，请先添加该单位`, { file: name });
    }
    const storedUnit = await sessions.store.getUnit(parsed.unit.code);
    const differences = storedUnit ? unitDifferences(storedUnit, parsed.unit) : [];
    if (differences.length > 0 && options.updateUnit !== true) {
      throw new AppError(
        `报表文件 ${name}：单位 ${parsed.unit.code} 与数据库中的不一致（${differences.join('；')}），未导入。单位的名称和类型对所有年度都有效；如确需按文件修改，请加 --update-unit`,
        { file: name },
      );
    }
    const existing = await sessions.store.findReport(parsed.unit.code, parsed.year);
    const replacedInputs = existing ? Object.values((await sessions.store.loadReportData(existing.id)).inputs).filter((v) => v !== 0).length : null;
    // A backup first: an import replaces a whole report, and a wrong file must be undoable.
    await sessions.backupNow('import');
    try {
      await sessions.store.replaceReport(
        { unit: parsed.unit, year: parsed.year, packId: parsed.pack.id, data: parsed.data },
        { how: 'import', note: basename(fileLabel), dataVersion: sessions.dataVersion },
      );
    } catch (err) {
      if (err instanceof AppError) throw new AppError(`报表文件 ${basename(fileLabel)}：${err.message}`, { file: basename(fileLabel) });
      throw err;
    }
    sessions.drop(ref);
    return { ...parsed, unitChanges: storedUnit ? differences : ['新增单位'], replacedInputs };
  });
}
