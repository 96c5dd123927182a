/**
 * Validation of a pack read from its files (above the narrative layer: it checks the rules and the
 * template too): JSON shapes, ids, columns, catalogues, and formulas
 * (syntax, references, one formula per computed cell, no cycles). A pack that passes can be opened
 * by the engine for any set of 科目 rows: the formula checks run on the largest report the pack
 * allows (every 项 of the catalogue in every 科目 table), whose cells and dependencies include those
 * of every smaller one.
 */
import { z } from 'zod';
import { collectRefs, EXACT_FUNCTIONS, FUNCTIONS, refText, type Expr, type Formula, type Ref } from '../engine/ast';
import { bindRates, evaluateRate, isRateFormula } from '../engine/rateFormulas';
import { cellTypeIn, isDecimalKind, isNumericKind } from '../pack/cellKind';
import { buildCellGraph } from '../engine/cellGraph';
import { buildTableLayout, subjectSource, type BuiltTable } from '../engine/layout';
import { sampleSubjectRows } from '../engine/sampleReport';
import { FormulaSyntaxError, parseFormula } from '../engine/parse';
import { checkCatalogue } from '../pack/catalogueCheck';
import { PackError } from '../pack/errors';
import {
  DEFAULT_CODE_LENGTHS,
  DEFAULT_COVER_FIELDS,
  DEFAULT_IMPORT_WORDS,
  TOTAL_ROW,
  type Catalogue,
  type CatalogueId,
  type Pack,
  type PackManifest,
  type TableDef,
} from '../pack/model';
import { manifestSchema, tableSchema } from '../pack/schema';

import { loadRules } from '../audit/loadRules';
import { validateTemplate } from '../narrative/validateTemplate';
export { PackError } from '../pack/errors';

const zhCN = z.locales.zhCN().localeError;

/** A JSON file of the pack: a table, or the rules. */
export interface PackTableFile {
  file: string;
  json: unknown;
}

export type PackCatalogueFiles = Record<CatalogueId, { file: string; rows: Record<string, string>[] }>;

function parseShape<T>(schema: z.ZodType<T>, value: unknown, file: string, what: string): T {
  const result = schema.safeParse(value, { error: zhCN });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  throw new PackError(`${what}“${file}”格式错误：${path ? `${path}：` : ''}${issue?.message ?? '格式不正确'}`, { file });
}

/**
 * `rules` is the pack's rules file when the manifest names one; its rules are checked against the
 * finished tables (shared/audit/loadRules) and kept on the pack as written.
 */
export interface PackExtraFiles {
  rules?: PackTableFile;
  narrative?: PackTableFile;
}

export function validatePack(manifest: unknown, tables: PackTableFile[], catalogues: PackCatalogueFiles, extra: PackExtraFiles = {}): Pack {
  const m: PackManifest = parseShape(manifestSchema, manifest, 'pack.json', '报表套描述文件');
  const cats: Record<CatalogueId, Catalogue> = {};
  for (const [id, ref] of Object.entries(m.catalogues)) {
    const given = catalogues[id];
    if (!given) throw new PackError(`pack.json 列出的科目表文件“${ref.file}”没有读到`, { file: ref.file });
    const codeLength = ref.levels ?? DEFAULT_CODE_LENGTHS;
    if (!(codeLength.类 < codeLength.款 && codeLength.款 < codeLength.项)) {
      throw new PackError(`pack.json：科目表“${id}”的编码长度须逐级增加（类 < 款 < 项）`, { file: 'pack.json' });
    }
    cats[id] = { id, title: ref.title, codeLength, entries: checkCatalogue(given.file, given.rows, codeLength) };
  }
  const from = m.year;
  const to = m.lastYear ?? m.year;
  if (to < from) throw new PackError(`pack.json：适用的最后年度 lastYear（${to}）早于 year（${from}）`, { file: 'pack.json' });
  const words = m.importWords ?? {};
  const importWords = {
    codeHeaders: [...DEFAULT_IMPORT_WORDS.codeHeaders, ...(words.codeHeaders ?? [])],
    nameHeaders: [...DEFAULT_IMPORT_WORDS.nameHeaders, ...(words.nameHeaders ?? [])],
    synonyms: { ...DEFAULT_IMPORT_WORDS.synonyms, ...(words.synonyms ?? {}) },
  };
  const cover = m.cover ?? DEFAULT_COVER_FIELDS;
  const coverKeys = new Set<string>();
  for (const field of cover) {
    if (coverKeys.has(field.key)) throw new PackError(`pack.json：封面字段“${field.key}”重复`, { file: 'pack.json' });
    coverKeys.add(field.key);
  }

  const byFile = new Map(tables.map((t) => [t.file, t]));
  const defs: TableDef[] = [];
  const fileOf = new Map<string, string>();
  for (const file of m.tables) {
    const given = byFile.get(file);
    if (!given) throw new PackError(`pack.json 列出的表文件“${file}”没有读到`, { file });
    const def = parseShape(tableSchema, given.json, file, '表文件');
    const other = fileOf.get(def.id);
    if (other !== undefined) throw new PackError(`表文件“${file}”：表编号 ${def.id} 与表文件“${other}”重复`, { file, table: def.id });
    fileOf.set(def.id, file);
    defs.push(def);
  }

  const pack: Pack = {
    id: m.id,
    name: m.name,
    year: m.year,
    years: { from, to },
    region: m.region,
    cover,
    importWords,
    catalogues: cats,
    tables: defs,
  };
  for (const def of defs) checkStructure(pack, def, fileOf.get(def.id) ?? '');

  // A report with every kind of row: one 项 under each 款 of each 科目 table, and the 项 formulas name.
  const shape = new Map<string, BuiltTable>();
  for (const def of defs) {
    const built = buildTableLayout(pack, def, sampleSubjectRows(pack, def));
    const count = built.layout.sides.reduce((n, s) => n + s.rows.length, 0);
    if (count !== built.rows.size) {
      const seen = new Set<string>();
      for (const side of built.layout.sides) {
        for (const row of side.rows) {
          if (seen.has(row.id)) throw new PackError(`表文件“${fileOf.get(def.id)}”：行编号“${row.id}”重复`, { file: fileOf.get(def.id), table: def.id, row: row.id });
          seen.add(row.id);
        }
      }
    }
    shape.set(def.id, built);
  }

  const parsed = new Map<string, Formula[]>();
  const rates = new Map<string, Formula[]>();
  for (const def of defs) {
    const file = fileOf.get(def.id) ?? '';
    const all = def.formulas.map((source, i) => checkFormula(source, i, def, file, shape, pack));
    parsed.set(def.id, all.filter((f) => !isRateFormula(pack, def.id, f)));
    rates.set(def.id, all.filter((f) => isRateFormula(pack, def.id, f)));
  }
  try {
    // Rate formulas are bound and tried once (functions, arguments, text cells they may not read).
    const rateCells = bindRates(shape, rates);
    for (const rate of rateCells) evaluateRate(rate, () => 1);
    buildCellGraph(shape, parsed, rateCells.map((r) => r.target));
  } catch (err) {
    if (err instanceof PackError) {
      const table = err.where?.table;
      const file = table ? fileOf.get(table) : undefined;
      throw new PackError(file ? `表文件“${file}”：${err.message}` : err.message, { ...err.where, ...(file ? { file } : {}) });
    }
    throw err;
  }
  const { rules, narrative } = extra;
  if (m.rules !== undefined) {
    if (!rules || rules.file !== m.rules) throw new PackError(`pack.json 列出的审核规则文件“${m.rules}”没有读到`, { file: m.rules });
    pack.rules = loadRules(pack, rules.json, rules.file).rules.map((r) => r.def);
  }
  if (m.narrative !== undefined) {
    if (!narrative || narrative.file !== m.narrative) throw new PackError(`pack.json 列出的情况说明模板“${m.narrative}”没有读到`, { file: m.narrative });
    pack.narrative = validateTemplate(narrative.json, narrative.file, pack);
  }
  return pack;
}

function checkStructure(pack: Pack, def: TableDef, file: string): void {
  const fail = (fault: string): never => {
    throw new PackError(`表文件“${file}”：${fault}`, { file, table: def.id });
  };
  const columnIds = new Set<string>();
  for (const col of def.columns) {
    if (columnIds.has(col.id)) fail(`列编号“${col.id}”重复`);
    columnIds.add(col.id);
  }
  let subjectSides = 0;
  def.sides.forEach((side, s) => {
    const sideName = side.label ? `“${side.label}”部分` : `第 ${s + 1} 部分`;
    const sideCols = new Set(side.columns);
    for (const col of side.columns) if (!columnIds.has(col)) fail(`${sideName}列出的列“${col}”不在表的列（columns）中`);
    for (const source of side.rows) {
      const fixedRows = source.type === 'fixed' ? source.rows : source.type === 'catalogue' ? (source.footer ?? []) : [];
      for (const row of fixedRows) {
        if (row.id === TOTAL_ROW && subjectSource(def)) fail(`行编号 ${TOTAL_ROW} 留给科目表的合计行`);
        const rowCols = row.columns ?? side.columns;
        for (const col of rowCols) if (!sideCols.has(col)) fail(`“${row.id} ${row.label}”行的列“${col}”不在${sideName}的列中`);
        for (const col of row.inputs ?? []) if (!rowCols.includes(col)) fail(`“${row.id} ${row.label}”行的输入列“${col}”不是该行的列`);
        if (row.level && !/^\d+$/.test(row.id)) fail(`“${row.id}”行标了科目级次“${row.level}”，行编号须是科目编码`);
      }
      if (source.type === 'subject' || source.type === 'catalogue') {
        if (!pack.catalogues[source.catalogue]) fail(`${sideName}引用的科目表“${source.catalogue}”不在 pack.json 的 catalogues 中`);
        for (const col of source.inputs) if (!sideCols.has(col)) fail(`${sideName}的输入列“${col}”不在该部分的列中`);
      }
      if (source.type === 'subject') subjectSides++;
      if (source.type === 'catalogue') {
        const catalogue = pack.catalogues[source.catalogue];
        const entries = catalogue?.entries ?? [];
        for (const code of source.under) {
          const entry = entries.find((e) => e.code === code);
          if (!entry) fail(`${sideName}引用的科目“${code}”不在${catalogue?.title ?? source.catalogue}中`);
          else if (entry.level !== '类') fail(`${sideName}的 under 只能列类级科目，“${code}”是${entry.level}级`);
        }
      }
    }
  });
  if (subjectSides > 1) fail('一张表最多只能有一处科目行（subject）');
}

function checkFormula(source: string, i: number, def: TableDef, file: string, shape: Map<string, BuiltTable>, pack: Pack): Formula {
  const fail = (fault: string): never => {
    throw new PackError(`表文件“${file}”第 ${i + 1} 条公式“${source}”${fault}`, { file, table: def.id });
  };
  let formula: Formula;
  try {
    formula = parseFormula(source);
  } catch (err) {
    if (err instanceof FormulaSyntaxError) return fail(`无法解析：${err.message}`);
    throw err;
  }
  const target = formula.left;
  if (formula.op !== '=' || (target.type !== 'cell' && target.type !== 'set')) {
    fail('：计算公式须写成“单元格 = 表达式”或“行集合 = 表达式”');
  }
  if ((target.type === 'cell' || target.type === 'set') && target.table !== def.id) {
    fail(`：只能计算本表（${def.id}）的单元格，不能计算 ${target.table} 的`);
  }
  const refs = collectRefs(formula.left).concat(collectRefs(formula.right));
  for (const { ref, inAggregate } of refs) {
    const problem = refProblem(ref, shape);
    if (problem) fail(`：${problem}`);
    if (ref.type === 'set' && !inAggregate && target.type !== 'set') {
      fail(`：行集合“${refText(ref)}”只能写在 SUM( ) 中，或写在以行集合为目标的公式里`);
    }
  }
  const rate = isRateFormula(pack, def.id, formula);
  const unknown = findUnknownFunction(formula.right, rate ? RATE_FUNCTIONS : FUNCTIONS) ?? findUnknownFunction(formula.left, FUNCTIONS);
  if (unknown) fail(`：未知的函数“${unknown}”${rate ? '' : '（×、÷、MIN、MAX、IF、ROUND 只能用于小数或百分比栏的计算公式）'}`);
  // A linear formula adds 分 and counts: a text or decimal cell in it is a fault of the pack.
  if (!rate) {
    for (const { ref } of refs) {
      const built = shape.get(ref.table);
      if (!built) continue;
      const col = ref.type === 'set' ? ref.col : (ref.col ?? built.rows.get(ref.row)?.cells[0]);
      if (!col) continue;
      const type = cellTypeIn(built.layout.table, ref.type === 'cell' ? built.rows.get(ref.row) : undefined, col);
      const targetRef = ref === formula.left;
      if (!isNumericKind(type)) fail(`：“${refText(ref)}”是文字栏，不能参与计算`);
      if (isDecimalKind(type) && !targetRef) fail(`：“${refText(ref)}”是小数栏，只能由小数或百分比栏的计算公式读取`);
    }
  }
  if (target.type === 'cell') {
    const row = shape.get(target.table)?.rows.get(target.row);
    const col = target.col ?? row?.cells[0];
    if (row && col && row.inputs.includes(col)) fail(`：目标“${refText(target)}”是输入单元格，不能由公式计算`);
  }
  return formula;
}

/** Functions a rate formula may use: the exact ones that read this year's cells. */
const RATE_FUNCTIONS: ReadonlySet<string> = new Set([...EXACT_FUNCTIONS].filter((f) => !['PREV', 'HASPREV', 'CHANGED', 'IN', 'FILLED', 'OPT'].includes(f)));

function findUnknownFunction(expr: Expr, known: ReadonlySet<string>): string | null {
  switch (expr.type) {
    case 'call':
      if (!known.has(expr.name)) return expr.name;
      for (const arg of expr.args) {
        const found = findUnknownFunction(arg, known);
        if (found) return found;
      }
      return null;
    case 'neg':
    case 'not':
      return findUnknownFunction(expr.operand, known);
    case 'binary':
    case 'compare':
    case 'logic':
      return findUnknownFunction(expr.left, known) ?? findUnknownFunction(expr.right, known);
    default:
      return null;
  }
}

/** What is wrong with a reference against the largest report, or null. */
function refProblem(ref: Ref, shape: Map<string, BuiltTable>): string | null {
  const built = shape.get(ref.table);
  if (!built) return `引用了不存在的表“${ref.table}”`;
  const table = built.layout.table;
  if (ref.type === 'set') {
    if (!table.columns.some((c) => c.id === ref.col)) return `引用了表 ${ref.table} 中不存在的列“${ref.col}”`;
    return null;
  }
  const row = built.rows.get(ref.row);
  if (!row) return `引用了表 ${ref.table} 中不存在的行“${ref.row}”`;
  if (ref.col === null) {
    if (row.cells.length !== 1) return `“${refText(ref)}”所指的行有 ${row.cells.length} 个栏，须写明列`;
    return null;
  }
  if (!table.columns.some((c) => c.id === ref.col)) return `引用了表 ${ref.table} 中不存在的列“${ref.col}”`;
  if (!row.cells.includes(ref.col)) return `表 ${ref.table} 的“${ref.row}”行没有列“${ref.col}”`;
  return null;
}
