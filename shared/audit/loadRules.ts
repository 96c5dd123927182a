/**
 * Reading rules.json against a pack: JSON shape, unique ids, every comparison parses, names only
 * tables, rows and columns the pack has, and binds on the largest report the pack allows. A bad rule
 * is the pack's fault: PackError naming rules.json and the rule.
 */
import { z } from 'zod';
import { collectRefs, FUNCTIONS, refText, type Expr, type Formula } from '../engine/ast';
import { BindError, type Shape } from '../engine/bind';
import { buildTableLayout, type BuiltTable } from '../engine/layout';
import { sampleSubjectRows } from '../engine/sampleReport';
import { FormulaSyntaxError, parseFormula } from '../engine/parse';
import { PackError } from '../pack/errors';
import { cellTypeIn, isNumericKind } from '../pack/cellKind';
import { columnTitle } from '../engine/labels';
import type { Pack, TableDef } from '../pack/model';
import { bindSide } from './auditBind';
import { PREV } from './prevYear';
import type { BuiltinCheck, CheckDef, RuleDef } from './ruleModel';
import { rulesFileSchema } from './ruleSchema';

export const RULES_FILE = 'rules.json';

const zhCN = z.locales.zhCN().localeError;

export interface ParsedCheck {
  def: CheckDef;
  formula: Formula;
  when: Formula | null;
}

export interface ParsedRule {
  def: RuleDef;
  checks: ParsedCheck[];
  builtins: BuiltinCheck[];
}

export interface RuleSet {
  packId: string;
  rules: ParsedRule[];
}

const PLACEHOLDERS = new Set(['table', 'row', 'leftWords', 'rightWords', 'left', 'right', 'diff', 'op', 'when']);

/** A report with every row kind of the pack (shared/engine/sampleReport), to check rules on. */
export function fullShape(pack: Pack, sources: readonly string[] = []): Shape {
  const shape = new Map<string, BuiltTable>();
  for (const table of pack.tables) shape.set(table.id, buildTableLayout(pack, table, sampleSubjectRows(pack, table, sources)));
  return shape;
}

export function loadRules(pack: Pack, json: unknown, file = RULES_FILE): RuleSet {
  const parsed = rulesFileSchema.safeParse(json, { error: zhCN });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') ?? '';
    throw new PackError(`审核规则文件“${file}”格式错误：${path ? `${path}：` : ''}${issue?.message ?? '格式不正确'}`, { file });
  }
  const tables = new Map(pack.tables.map((t) => [t.id, t]));
  const shape = fullShape(
    pack,
    parsed.data.rules.flatMap((r) => (r.checks ?? []).flatMap((c) => [c.check, c.when ?? ''])),
  );
  const seen = new Set<string>();
  const rules: ParsedRule[] = [];
  for (const def of parsed.data.rules) {
    const fail = (fault: string): never => {
      throw new PackError(`审核规则文件“${file}”中规则 ${def.id}：${fault}`, { file, row: def.id });
    };
    if (seen.has(def.id)) fail('规则编号重复');
    seen.add(def.id);
    if (!tables.has(def.table)) fail(`所属表“${def.table}”不在报表套中`);
    if (!def.checks && !def.builtins) fail('既没有 checks 也没有 builtins');
    const checks = (def.checks ?? []).map((check, i) => parseCheck(check, i, tables, shape, fail));
    for (const builtin of def.builtins ?? []) checkBuiltin(builtin, tables, fail);
    rules.push({ def, checks, builtins: def.builtins ?? [] });
  }
  return { packId: pack.id, rules };
}

function parseCheck(
  def: CheckDef,
  i: number,
  tables: ReadonlyMap<string, TableDef>,
  shape: Shape,
  fail: (fault: string) => never,
): ParsedCheck {
  const where = `第 ${i + 1} 条检查`;
  const parse = (source: string): Formula => {
    try {
      return parseFormula(source);
    } catch (err) {
      if (err instanceof FormulaSyntaxError) return fail(`${where}“${source}”无法解析：${err.message}`);
      throw err;
    }
  };
  const formula = parse(def.check);
  const when = def.when === undefined ? null : parse(def.when);
  for (const f of when ? [formula, when] : [formula]) {
    for (const expr of [f.left, f.right]) {
      checkCalls(expr, false, (fault) => fail(`${where}“${f.source}”：${fault}`));
      for (const { ref } of collectRefs(expr)) {
        const table = tables.get(ref.table);
        if (!table) fail(`${where}“${f.source}”：引用的表“${ref.table}”不在报表套中`);
        else if (ref.col !== null && !table.columns.some((c) => c.id === ref.col)) {
          fail(`${where}“${f.source}”：${table.title}没有“${ref.col}”列（${refText(ref)}）`);
        } else if (ref.type === 'cell' && !shape.get(ref.table)?.rows.has(ref.row)) {
          fail(`${where}“${f.source}”：${table.title}没有“${ref.row}”行（${refText(ref)}）`);
        } else if (ref.col !== null && !isNumericKind(cellTypeIn(table, ref.type === 'cell' ? shape.get(ref.table)?.rows.get(ref.row) : undefined, ref.col))) {
          // Text is not a number: a rule that reads a text column can never be evaluated.
          fail(`${where}“${f.source}”：${table.title}的“${columnTitle(table, ref.col)}”栏是文字，审核公式不能读取（${refText(ref)}）`);
        }
      }
      try {
        bindSide(expr, shape, shape, null);
      } catch (err) {
        if (!(err instanceof BindError)) throw err;
        // A row set outside SUM is fine when the check has a driving row; bind once with one.
        const row = firstDrivenRow(formula, shape);
        if (row === null) fail(`${where}“${f.source}”：${err.message}`);
        try {
          bindSide(expr, shape, shape, row);
        } catch (again) {
          if (again instanceof BindError) fail(`${where}“${f.source}”：${again.message}`);
          throw again;
        }
      }
    }
  }
  for (const words of [def.left, def.right, def.message ?? '']) {
    for (const m of words.matchAll(/\{([^}]*)\}/g)) {
      if (!PLACEHOLDERS.has(m[1] ?? '')) fail(`${where}的文字中有未知的占位符“{${m[1] ?? ''}}”`);
    }
  }
  return { def, formula, when };
}

function checkCalls(expr: Expr, insidePrev: boolean, fail: (fault: string) => never): void {
  switch (expr.type) {
    case 'call':
      if (expr.name === PREV) {
        if (insidePrev) fail('PREV( ) 里不能再写 PREV( )');
        if (expr.args.length !== 1) fail('PREV( ) 只能有一个参数');
      } else if (!FUNCTIONS.has(expr.name)) fail(`未知的函数“${expr.name}”`);
      for (const arg of expr.args) {
        if (expr.name !== PREV && arg.type === 'call' && arg.name === PREV) fail('PREV( ) 不能写在 SUM( ) 里');
        checkCalls(arg, insidePrev || expr.name === PREV, fail);
      }
      return;
    case 'neg':
      checkCalls(expr.operand, insidePrev, fail);
      return;
    case 'binary':
      checkCalls(expr.left, insidePrev, fail);
      checkCalls(expr.right, insidePrev, fail);
      return;
    default:
      return;
  }
}

function firstDrivenRow(formula: Formula, shape: Shape): string | null {
  const refs = [...collectRefs(formula.left), ...collectRefs(formula.right)];
  const driver = refs.find((r) => r.ref.type === 'set' && !r.inAggregate)?.ref;
  if (!driver || driver.type !== 'set') return null;
  for (const row of shape.get(driver.table)?.rows.values() ?? []) {
    if ((driver.selector === '*' || row.level === driver.selector) && row.cells.includes(driver.col)) return row.id;
  }
  return null;
}

function checkBuiltin(builtin: BuiltinCheck, tables: ReadonlyMap<string, TableDef>, fail: (fault: string) => never): void {
  const need = (id: string): TableDef => tables.get(id) ?? fail(`内置检查 ${builtin.type} 引用的表“${id}”不在报表套中`);
  switch (builtin.type) {
    case 'treeSums': {
      const table = need(builtin.table);
      const hasTree = table.sides.some((s) => s.rows.some((r) => r.type !== 'fixed'));
      if (!hasTree) fail(`内置检查 treeSums：${table.title}没有科目行，无从核对上下级之和`);
      return;
    }
    case 'nonNegative':
      for (const id of builtin.tables ?? []) need(id);
      return;
    case 'catalogueNames':
    case 'childlessParents':
      return;
  }
}

const ruleSets = new WeakMap<Pack, RuleSet>();

/** The parsed rules of a loaded pack (checked when the pack was loaded), parsed once per pack object. */
export function packRuleSet(pack: Pack): RuleSet {
  let set = ruleSets.get(pack);
  if (!set) {
    set = pack.rules?.length ? loadRules(pack, { rules: pack.rules }) : { packId: pack.id, rules: [] };
    ruleSets.set(pack, set);
  }
  return set;
}
