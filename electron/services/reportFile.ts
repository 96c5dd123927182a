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
 *                                           decimal strings in 元 (at most 2 decimals), counts integer strings
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
import { UNIT_KINDS, apiSchemas, splitCellKey, type ReportData, type ReportRef, type Unit } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { EditRequest } from '../../shared/engine/types';
import { parseCellText } from '../../shared/pack/cellKind';
import { packServesYear, type Pack } from '../../shared/pack/model';
import { packForYear } from '../../shared/pack/years';
import { subjectNamesFromTexts, subjectTextKey } from '../../shared/pack/clerkSubjects';
import { catalogueEntries } from '../../shared/engine/catalogueIndex';
import { subjectSource } from '../../shared/engine/layout';
import { cellIndex } from './cellKinds';
import { stringifyOrdered, type OrderedJson } from './orderedJson';
import type { ReportSessions, Session } from './reportSessions';
import { valueText } from './reportValues';

export const REPORT_FILE_FORMAT = 'juesuan-report';
export const REPORT_FILE_VERSION = 1;

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
  rows: z.record(z.string(), z.array(z.string())).default({}),
  tables: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.string()))).default({}),
  texts: z.record(z.string(), z.string()).default({}),
});

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
    default:
      return `${path} 不正确：${issue.message}`;
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
  // Its own years, or the 上年数 year before them when no other format serves that year.
  if (!packServesYear(pack, file.year) && packForYear(packs, file.year)?.id !== pack.id) {
    const span = pack.years.from === pack.years.to ? `${pack.years.from} 年度` : `${pack.years.from}–${pack.years.to} 年度`;
    throw fail(`年度 ${file.year} 与报表格式 ${pack.id}（${span}）不符`);
  }
  if (file.unit.parent === file.unit.code) throw fail(`单位 ${file.unit.code} 不能是自己的上级单位`);

  const engine = sessions.buildEngine(pack, {}, {}, `报表文件 ${name} 的内容`);
  const index = cellIndex(engine, pack);
  // 科目 the catalogue lacks come with their names in texts (subject.<catalogue>.<code>).
  const ownSubjects = subjectNamesFromTexts(file.texts);
  for (const [table, codes] of Object.entries(file.rows)) {
    if (!index.hasTable(table)) throw fail(`表 ${table} 不存在`, { table });
    if (codes.length === 0) continue;
    const def = pack.tables.find((t) => t.id === table);
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
  for (const [table, rows] of Object.entries(file.tables)) {
    if (!cells.hasTable(table)) throw fail(`表 ${table} 不存在`, { table });
    for (const [row, cols] of Object.entries(rows)) {
      if (!cells.row(table, row)) throw fail(`表 ${table} 行 ${row} 不存在`, { table, row });
      for (const [col, textValue] of Object.entries(cols)) {
        const where = { table, row, column: col };
        const kind = cells.kind(table, row, col);
        if (!kind) throw fail(`表 ${table} 行 ${row} 列 ${col} 不存在`, where);
        const value = parseCellText(textValue, kind);
        if (!value.ok) throw fail(`表 ${table} 行 ${row} 列 ${col}：${value.message}`, where);
        if (value.fen === null) continue;
        const edit: EditRequest = { table, row, col, value: value.fen };
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
    data: { rows: engine.addedRows(), inputs: engine.inputs(), texts: file.texts },
  };
}

/** The report file text of an open report. */
export function reportFileText(session: Session): string {
  const index = cellIndex(session.engine, session.pack);
  const tables: Record<string, Record<string, Record<string, string>>> = {};
  for (const [key, value] of Object.entries(session.engine.inputs())) {
    const { table, row, col } = splitCellKey(key);
    const kind = index.kind(table, row, col) ?? 'money';
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

/** Checks a report file and, if all of it is good, replaces the report in one transaction. */
export function importReport(sessions: ReportSessions, text: string, fileLabel: string): Promise<ParsedReportFile> {
  return sessions.serial(async () => {
    const parsed = parseReportFile(text, fileLabel, sessions.packs, sessions);
    const ref = { unit: parsed.unit.code, year: parsed.year };
    try {
      await sessions.store.replaceReport({ unit: parsed.unit, year: parsed.year, packId: parsed.pack.id, data: parsed.data });
    } catch (err) {
      if (err instanceof AppError) throw new AppError(`报表文件 ${basename(fileLabel)}：${err.message}`, { file: basename(fileLabel) });
      throw err;
    }
    sessions.drop(ref);
    return parsed;
  });
}
