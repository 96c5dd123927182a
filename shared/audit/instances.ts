/**
 * Rule instances: every rule bound to one report's rows. A comparison with a row set gives one
 * instance per row it runs over; a built-in check gives one per parent cell, input cell or 科目 row.
 * Each instance knows the cells it reads, which is what the incremental audit indexes.
 */
import type { UnitKind } from '../base/unit';
import { cellKey, type CellKey } from '../base/cellKey';
import type { CompareOp } from '../engine/ast';
import { BindError, driverOf, setRows, type Shape } from '../engine/bind';
import { catalogueEntries } from '../engine/catalogueIndex';
import { CLERK_SRC } from '../pack/clerkSubjects';
import { columnTitle, rowTitle, sideCellWords } from '../engine/labels';
import type { LayoutRow } from '../engine/types';
import { cellKindIn, cellTypeIn, codecOf, isDecimalKind, type KindLike } from '../pack/cellKind';
import type { CatalogueId, Pack, TableDef, ValueKind } from '../pack/model';
import { bindSide, type BoundSide } from './auditBind';
import type { ParsedCheck, ParsedRule, RuleSet } from './loadRules';
import { readsPrevious } from './prevYear';
import type { BuiltinCheck } from './ruleModel';

export interface CompareInstance {
  type: 'compare';
  /** Result id, stable across edits: rule id, part number when the rule has several, `@row`. */
  id: string;
  rule: ParsedRule;
  /** Table the result is filed under and whose title opens the message. */
  table: string;
  row: string | null;
  op: CompareOp;
  left: BoundSide;
  right: BoundSide;
  when: { op: CompareOp; left: BoundSide; right: BoundSide } | null;
  leftWords: string;
  rightWords: string;
  /** Message template (see CheckDef.message). */
  template: string;
  leftKind: KindLike;
  rightKind: KindLike;
  whenKind: KindLike;
  /** Reads last year's report: not evaluated without one. */
  usesPrev: boolean;
  /** The check is restricted to unit kinds: in a department it reads the figures of those units (KindScope). */
  kindScoped?: boolean;
}

/** A structural fault found from the layout alone (G-1, G-3): it fails or holds until rows change. */
export interface StructureInstance {
  type: 'structure';
  id: string;
  rule: ParsedRule;
  table: string;
  row: string;
  cells: CellKey[];
  message: string;
  leftWords: string;
  rightWords: string;
}

export type Instance = CompareInstance | StructureInstance;

export const DEFAULT_TEMPLATE = '{table}：{leftWords} {left} {op} {rightWords} {right}，差 {diff}';

export interface BindContext {
  pack: Pack;
  shape: Shape;
  prevShape: Shape | null;
  unitKind: UnitKind;
  /**
   * Collects the ids of rules whose last-year part cannot be bound to last year's report (a Y−1
   * report of another pack lacks the row); those instances are left out, reported as not evaluated.
   */
  unbound?: Set<string>;
}

export function bindRules(rules: RuleSet, ctx: BindContext): Instance[] {
  const out: Instance[] = [];
  for (const rule of rules.rules) {
    const numbered = rule.checks.length + rule.builtins.length > 1;
    rule.checks.forEach((check, i) => bindCheck(rule, check, numbered ? `${rule.def.id}.${i + 1}` : rule.def.id, ctx, out));
    rule.builtins.forEach((builtin, j) => {
      const part = rule.checks.length + j + 1;
      bindBuiltin(rule, builtin, numbered ? `${rule.def.id}.${part}` : rule.def.id, ctx, out);
    });
  }
  return out;
}

function tableOf(pack: Pack, id: string): TableDef | undefined {
  return pack.tables.find((t) => t.id === id);
}

function cellKind(ctx: BindContext, table: string, row: string, col: string): ValueKind {
  return cellKindIn(tableOf(ctx.pack, table), ctx.shape.get(table)?.rows.get(row), col);
}

function sideKind(ctx: BindContext, side: BoundSide, other: BoundSide): KindLike {
  const terms = side.terms.length > 0 ? side.terms : other.terms;
  if (terms.length === 0) return 'money';
  if (terms.every((t) => codecOf(cellKind(ctx, t.table, t.row, t.col)).whole)) return 'count';
  // Decimal cells of one type (a rule over 得分 or 完成率) are shown with their places.
  const types = terms.map((t) => cellTypeIn(tableOf(ctx.pack, t.table), ctx.shape.get(t.table)?.rows.get(t.row), t.col));
  const [first] = types;
  if (first && isDecimalKind(first) && types.every((t) => t.kind === first.kind && t.decimals === first.decimals)) return first;
  return 'money';
}

/** 10^places when every cell of the sides is a decimal of the same places, else 1. */
function decimalScale(ctx: BindContext, sides: readonly BoundSide[]): number {
  const terms = sides.flatMap((side) => side.terms);
  if (terms.length === 0) return 1;
  const types = terms.map((t) => cellTypeIn(tableOf(ctx.pack, t.table), (t.prev ? ctx.prevShape : ctx.shape)?.get(t.table)?.rows.get(t.row), t.col));
  const [first] = types;
  if (!first || !isDecimalKind(first) || !types.every((t) => isDecimalKind(t) && t.decimals === first.decimals)) return 1;
  return 10 ** first.decimals;
}

function rowWords(ctx: BindContext, table: string, row: string | null): string {
  if (row === null) return '';
  const r = ctx.shape.get(table)?.rows.get(row);
  return r ? rowTitle(r) : row;
}

function bindCheck(rule: ParsedRule, check: ParsedCheck, id: string, ctx: BindContext, out: Instance[]): void {
  if (check.def.unitKinds && !check.def.unitKinds.includes(ctx.unitKind)) return;
  const { formula, when } = check;
  const driver = driverOf(formula);
  const rows: (string | null)[] = driver ? setRows(ctx.shape, driver).map((r) => r.id) : [null];
  const usesPrev = [formula.left, formula.right, ...(when ? [when.left, when.right] : [])].some(readsPrevious);
  for (const row of rows) {
    let left: BoundSide, right: BoundSide, boundWhen: CompareInstance['when'];
    try {
      left = bindSide(formula.left, ctx.shape, ctx.prevShape, row);
      right = bindSide(formula.right, ctx.shape, ctx.prevShape, row);
      boundWhen = when
        ? { op: when.op, left: bindSide(when.left, ctx.shape, ctx.prevShape, row), right: bindSide(when.right, ctx.shape, ctx.prevShape, row) }
        : null;
    } catch (err) {
      // This report's side was checked against the pack on load; only last year's can miss a row.
      if (!(err instanceof BindError) || !usesPrev || !ctx.prevShape) throw err;
      ctx.unbound?.add(rule.def.id);
      continue;
    }
    // A comparison over decimal cells of one type (得分 <= 100) is written in their natural units; the
    // cells are kept scaled by 10^places, so the rule's numbers are scaled the same way.
    const scale = decimalScale(ctx, [left, right]);
    if (scale !== 1) {
      left = { ...left, constant: left.constant * scale };
      right = { ...right, constant: right.constant * scale };
    }
    if (boundWhen) {
      const whenScale = decimalScale(ctx, [boundWhen.left, boundWhen.right]);
      if (whenScale !== 1) boundWhen = { ...boundWhen, left: { ...boundWhen.left, constant: boundWhen.left.constant * whenScale }, right: { ...boundWhen.right, constant: boundWhen.right.constant * whenScale } };
    }
    const words = rowWords(ctx, driver?.table ?? rule.def.table, row);
    out.push({
      type: 'compare',
      id: row === null ? id : `${id}@${row}`,
      rule,
      table: rule.def.table,
      row,
      op: formula.op,
      left,
      right,
      when: boundWhen,
      leftWords: check.def.left.replaceAll('{row}', words),
      rightWords: check.def.right.replaceAll('{row}', words),
      template: check.def.message ?? DEFAULT_TEMPLATE,
      leftKind: sideKind(ctx, left, right),
      rightKind: sideKind(ctx, right, left),
      whenKind: boundWhen ? sideKind(ctx, boundWhen.left, boundWhen.right) : 'money',
      usesPrev,
      kindScoped: check.def.unitKinds !== undefined,
    });
  }
}

const single = (key: CellKey, table: string, row: string, col: string): BoundSide => ({
  constant: 0,
  terms: [{ key, table, row, col, coef: 1, prev: false }],
});

function bindBuiltin(rule: ParsedRule, builtin: BuiltinCheck, id: string, ctx: BindContext, out: Instance[]): void {
  switch (builtin.type) {
    case 'treeSums':
      treeSums(rule, builtin.table, id, ctx, out);
      return;
    case 'nonNegative':
      nonNegative(rule, builtin.kind, builtin.tables ?? null, id, ctx, out);
      return;
    case 'catalogueNames':
      catalogueNames(rule, builtin.fixedRows, id, ctx, out);
      return;
    case 'childlessParents':
      childlessParents(rule, id, ctx, out);
      return;
  }
}

function childrenOf(ctx: BindContext, table: string): Map<string, string[]> {
  const built = ctx.shape.get(table);
  const children = new Map<string, string[]>();
  if (!built) return children;
  for (const [child, parent] of built.parentOf) {
    const list = children.get(parent) ?? [];
    list.push(child);
    children.set(parent, list);
  }
  return children;
}

function treeSums(rule: ParsedRule, tableId: string, id: string, ctx: BindContext, out: Instance[]): void {
  const built = ctx.shape.get(tableId);
  if (!built) return;
  const table = built.layout.table;
  const children = childrenOf(ctx, tableId);
  for (const side of built.layout.sides) {
    for (const row of side.rows) {
      const kids = children.get(row.id);
      if (!kids || kids.length === 0) continue;
      for (const col of row.cells) {
        if (row.inputs.includes(col)) continue;
        const right: BoundSide = { constant: 0, terms: [] };
        for (const kid of kids) {
          if (built.rows.get(kid)?.cells.includes(col)) {
            right.terms.push({ key: cellKey(tableId, kid, col), table: tableId, row: kid, col, coef: 1, prev: false });
          }
        }
        const left = single(cellKey(tableId, row.id, col), tableId, row.id, col);
        out.push({
          type: 'compare',
          id: `${id}@${row.id}.${col}`,
          rule,
          table: tableId,
          row: row.id,
          op: '=',
          left,
          right,
          when: null,
          leftWords: sideCellWords(table, side.def, row, col),
          // A one-column side of a two-sided table needs no column word (T06: 决算数).
          rightWords: table.sides.length > 1 && side.def.columns.length === 1 ? '其下级科目之和' : `其下级科目${columnTitle(table, col)}之和`,
          template: DEFAULT_TEMPLATE,
          leftKind: 'money',
          rightKind: 'money',
          whenKind: 'money',
          usesPrev: false,
        });
      }
    }
  }
}

function nonNegative(rule: ParsedRule, kind: ValueKind, tables: string[] | null, id: string, ctx: BindContext, out: Instance[]): void {
  for (const [tableId, built] of ctx.shape) {
    if (tables && !tables.includes(tableId)) continue;
    const table = built.layout.table;
    for (const side of built.layout.sides) {
      for (const row of side.rows) {
        for (const col of row.inputs) {
          if (cellKind(ctx, tableId, row.id, col) !== kind) continue;
          out.push({
            type: 'compare',
            id: `${id}@${tableId}.${row.id}.${col}`,
            rule,
            table: tableId,
            row: row.id,
            op: '>=',
            left: single(cellKey(tableId, row.id, col), tableId, row.id, col),
            right: { constant: 0, terms: [] },
            when: null,
            leftWords: sideCellWords(table, side.def, row, col),
            rightWords: '0',
            template: '{table}：{leftWords}为负数 {left}',
            leftKind: kind,
            rightKind: kind,
            whenKind: kind,
            usesPrev: false,
          });
        }
      }
    }
  }
}

function catalogueOfRow(table: TableDef, row: LayoutRow, fixedRows: CatalogueId): CatalogueId | null {
  if (!row.code) return null;
  for (const side of table.sides) {
    for (const source of side.rows) {
      if (source.type === 'fixed') {
        if (source.rows.some((r) => r.id === row.id)) return fixedRows;
      } else if (source.type !== 'named') return source.catalogue;
    }
  }
  return null;
}

function catalogueNames(rule: ParsedRule, fixedRows: CatalogueId, id: string, ctx: BindContext, out: Instance[]): void {
  for (const [tableId, built] of ctx.shape) {
    const table = built.layout.table;
    for (const side of built.layout.sides) {
      for (const row of side.rows) {
        const catalogue = catalogueOfRow(table, row, fixedRows);
        if (!catalogue || !row.code) continue;
        const entry = catalogueEntries(ctx.pack, catalogue).get(row.code);
        const title = ctx.pack.catalogues[catalogue]?.title ?? catalogue;
        const ownSubject = entry?.src === CLERK_SRC;
        if (entry && !ownSubject && entry.name === row.label && entry.level === (row.level ?? entry.level)) continue;
        const message = !entry || ownSubject
          ? `${table.title}：科目“${row.code} ${row.label}”不在本年度科目目录中，请核对`
          : entry.name !== row.label
            ? `${table.title}：科目“${row.code}”的名称“${row.label}”与${title}中的“${entry.name}”不一致`
            : `${table.title}：科目“${row.code} ${row.label}”在${title}中是${entry.level}级，表中是${row.level ?? ''}级`;
        out.push({
          type: 'structure',
          id: `${id}@${tableId}.${row.id}`,
          rule,
          table: tableId,
          row: row.id,
          cells: row.cells.map((c) => cellKey(tableId, row.id, c)),
          message,
          leftWords: `“${rowTitle(row)}”`,
          rightWords: entry && !ownSubject ? `${title}“${entry.code} ${entry.name}”` : `本年度${title}`,
        });
      }
    }
  }
}

function childlessParents(rule: ParsedRule, id: string, ctx: BindContext, out: Instance[]): void {
  for (const [tableId, built] of ctx.shape) {
    const table = built.layout.table;
    const children = childrenOf(ctx, tableId);
    for (const side of built.layout.sides) {
      const tree = side.def.rows.find((s) => s.type !== 'fixed');
      if (!tree) continue;
      const bottom = tree.type === 'catalogue' ? tree.inputLevel : '项';
      for (const row of side.rows) {
        if (!row.level || row.level === bottom || row.level === '项') continue;
        if ((children.get(row.id)?.length ?? 0) > 0) continue;
        out.push({
          type: 'structure',
          id: `${id}@${tableId}.${row.id}`,
          rule,
          table: tableId,
          row: row.id,
          cells: row.cells.map((c) => cellKey(tableId, row.id, c)),
          message: `${table.title}：${row.level}级科目“${rowTitle(row)}”下没有${row.level === '类' ? '款' : '项'}级科目，数据应填在最明细一级`,
          leftWords: `“${rowTitle(row)}”`,
          rightWords: '下级科目',
        });
      }
    }
  }
}
