/**
 * The live audit over one report: every rule instance evaluated once, then after each edit only the
 * instances that read a cell the edit changed (the keys ReportEngine.setInputs returns — inputs and
 * computed cells alike, so direct reads are enough). Adding or removing 科目 rows changes which
 * instances exist and rebinds everything, as the engine rebuilds its graph.
 */
import type { CellKey } from '../base/cellKey';
import type { UnitKind } from '../base/unit';
import type { Shape } from '../engine/bind';
import { buildCellGraph, type CellGraph } from '../engine/cellGraph';
import { buildTableLayout, type BuiltTable } from '../engine/layout';
import { parsedFormulas } from '../engine/parsedFormulas';
import type { ReportEngine } from '../engine/reportEngine';
import { compareHolds } from './compare';
import type { BoundSide, Term } from './auditBind';
import { storedExplanation } from './explanations';
import { bindRules, type CompareInstance, type Instance } from './instances';
import type { RuleSet } from './loadRules';
import { FAILED_OP, fillTemplate, formatValue } from './messages';
import type { KindScope } from './kindScope';
import type { AuditDelta, AuditResult } from './types';

/** Text key the importer sets to the unit of the workbook a report came from (元 or 万元). */
export const SOURCE_UNIT_KEY = 'meta.sourceUnit';
/** 0.01 万元 in 分: the rounding one 万元 cell may carry. */
export const TAIL_PER_ADDEND = 10_000;

export interface AuditContext {
  unitKind: UnitKind;
  texts?: Readonly<Record<string, string>>;
  /** Last year's report of the same unit; without it, rules reading last year are skipped. */
  previous?: ReportEngine | null;
  /**
   * Values stated by a source for computed cells (e.g. the totals printed in an imported workbook):
   * they replace the engine's value, so identities the engine keeps by construction are checked
   * against what the source says.
   */
  stated?: ReadonlyMap<CellKey, number>;
  /** A department with units of several kinds: what the checks restricted to unit kinds read. */
  kindScope?: KindScope | null;
}

export function shapeOf(engine: ReportEngine): Shape {
  const added = engine.addedRows();
  const shape = new Map<string, BuiltTable>();
  for (const table of engine.pack.tables) shape.set(table.id, buildTableLayout(engine.pack, table, added[table.id] ?? []));
  return shape;
}

export class AuditEngine {
  private instances: Instance[] = [];
  private readers = new Map<CellKey, number[]>();
  private current: (AuditResult | null)[] = [];
  private seen = new Uint32Array(0);
  private stamp = 0;
  private sorted: AuditResult[] | null = null;
  private skipped = new Set<string>();
  private shape: Shape = new Map();
  private graph: CellGraph | null = null;
  private texts: Readonly<Record<string, string>>;
  private unitKind: UnitKind;
  private previous: ReportEngine | null;
  private stated: ReadonlyMap<CellKey, number>;
  private readonly kindScope: KindScope | null;

  constructor(
    private readonly engine: ReportEngine,
    private readonly rules: RuleSet,
    context: AuditContext,
  ) {
    this.texts = context.texts ?? {};
    this.unitKind = context.unitKind;
    this.previous = context.previous ?? null;
    this.stated = context.stated ?? new Map();
    this.kindScope = context.kindScope ?? null;
    this.rowsChanged();
  }

  /** Failing instances, in rule order then row order. */
  results(): readonly AuditResult[] {
    if (!this.sorted) this.sorted = this.current.filter((r): r is AuditResult => r !== null);
    return this.sorted;
  }

  /** Number of rule instances (for the bench and the panel's footer). */
  instanceCount(): number {
    return this.instances.length;
  }

  /** Rules not evaluated because they read last year's report and there is none. */
  notEvaluated(): string[] {
    return [...this.skipped];
  }

  /** Re-evaluates the instances that read any of the changed cells. */
  update(changed: readonly CellKey[]): AuditDelta {
    const delta: AuditDelta = { added: [], removed: [], updated: [] };
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    for (const key of changed) {
      const list = this.readers.get(key);
      if (!list) continue;
      for (const i of list) {
        if (this.seen[i] === this.stamp) continue;
        this.seen[i] = this.stamp;
        this.evaluateAt(i, delta);
      }
    }
    return delta;
  }

  /** After rows were added or removed (or on first use): rebinds every rule and evaluates all. */
  rowsChanged(): AuditDelta {
    this.shape = shapeOf(this.engine);
    this.graph = null;
    const prevShape = this.previous ? shapeOf(this.previous) : null;
    const unbound = new Set<string>();
    this.instances = bindRules(this.rules, { pack: this.engine.pack, shape: this.shape, prevShape, unitKind: this.unitKind, unbound });
    this.readers = new Map();
    this.skipped = unbound;
    this.instances.forEach((inst, i) => {
      if (inst.type !== 'compare') return;
      if (inst.usesPrev && !this.previous) this.skipped.add(inst.rule.def.id);
      for (const side of inst.when ? [inst.left, inst.right, inst.when.left, inst.when.right] : [inst.left, inst.right]) {
        for (const term of side.terms) {
          if (term.prev) continue;
          const list = this.readers.get(term.key);
          if (list) {
            if (list[list.length - 1] !== i) list.push(i);
          } else this.readers.set(term.key, [i]);
        }
      }
    });
    const before = new Map<string, AuditResult>();
    for (const r of this.current) if (r) before.set(r.id, r);
    this.current = new Array<AuditResult | null>(this.instances.length).fill(null);
    this.seen = new Uint32Array(this.instances.length);
    this.stamp = 0;
    return this.evaluateAll(before);
  }

  /** Explanations or the source unit changed. */
  setTexts(texts: Readonly<Record<string, string>>): AuditDelta {
    const unitChanged = (texts[SOURCE_UNIT_KEY] ?? '') !== (this.texts[SOURCE_UNIT_KEY] ?? '');
    this.texts = texts;
    if (unitChanged) return this.reevaluate();
    const delta: AuditDelta = { added: [], removed: [], updated: [] };
    this.current.forEach((r, i) => {
      if (!r) return;
      const explanation = storedExplanation(texts, r.id, r.level);
      if (explanation === r.explanation) return;
      this.current[i] = { ...r, explanation };
      delta.updated.push(r.id);
    });
    if (delta.updated.length > 0) this.sorted = null;
    return delta;
  }

  setPrevious(previous: ReportEngine | null): AuditDelta {
    this.previous = previous;
    return this.rowsChanged();
  }

  setUnitKind(kind: UnitKind): AuditDelta {
    this.unitKind = kind;
    return this.rowsChanged();
  }

  setStated(stated: ReadonlyMap<CellKey, number>): AuditDelta {
    this.stated = stated;
    this.graph = null;
    return this.reevaluate();
  }

  /** Every instance from scratch (what the bench calls full evaluation). */
  reevaluate(): AuditDelta {
    const before = new Map<string, AuditResult>();
    for (const r of this.current) if (r) before.set(r.id, r);
    return this.evaluateAll(before);
  }

  private evaluateAll(before: ReadonlyMap<string, AuditResult>): AuditDelta {
    const delta: AuditDelta = { added: [], removed: [], updated: [] };
    const after = new Set<string>();
    for (let i = 0; i < this.instances.length; i++) {
      const result = this.outcome(i);
      this.current[i] = result;
      if (!result) continue;
      after.add(result.id);
      const old = before.get(result.id);
      if (!old) delta.added.push(result.id);
      else if (old.message !== result.message || old.level !== result.level || old.explanation !== result.explanation) delta.updated.push(result.id);
    }
    for (const id of before.keys()) if (!after.has(id)) delta.removed.push(id);
    this.sorted = null;
    return delta;
  }

  private evaluateAt(i: number, delta: AuditDelta): void {
    const old = this.current[i] ?? null;
    const next = this.outcome(i);
    if (old === null && next === null) return;
    this.current[i] = next;
    this.sorted = null;
    if (old === null && next) delta.added.push(next.id);
    else if (old && next === null) delta.removed.push(old.id);
    else if (old && next && (old.message !== next.message || old.level !== next.level)) delta.updated.push(next.id);
  }

  private read(term: Term, scoped = false): number {
    if (term.prev) return this.previous?.value(term.table, term.row, term.col) ?? 0;
    if (scoped && this.kindScope) {
      const value = this.kindScope.values[term.key];
      if (value !== undefined) return value;
    }
    if (this.stated.size > 0) {
      const stated = this.stated.get(term.key);
      if (stated !== undefined) return stated;
    }
    return this.engine.value(term.table, term.row, term.col) ?? 0;
  }

  private evaluateSide(side: BoundSide, scoped = false): number {
    let sum = side.constant;
    for (const term of side.terms) sum += term.coef * this.read(term, scoped);
    return sum;
  }

  private outcome(i: number): AuditResult | null {
    const inst = this.instances[i];
    if (!inst) return null;
    const def = inst.rule.def;
    if (inst.type === 'structure') {
      return {
        id: inst.id,
        ruleId: def.id,
        ruleTitle: def.title,
        level: def.level,
        ruleLevel: def.level,
        tail: false,
        table: inst.table,
        row: inst.row,
        message: inst.message,
        left: { words: inst.leftWords, amount: null, kind: 'money', cells: inst.cells },
        right: { words: inst.rightWords, amount: null, kind: 'money', cells: [] },
        difference: null,
        focus: inst.cells[0] ?? null,
        explanation: storedExplanation(this.texts, inst.id, def.level),
      };
    }
    if (inst.usesPrev && !this.previous) return null;
    const scoped = inst.kindScoped === true && this.kindScope !== null;
    let whenLeft = 0;
    if (inst.when) {
      whenLeft = this.evaluateSide(inst.when.left, scoped);
      if (!compareHolds(inst.when.op, whenLeft, this.evaluateSide(inst.when.right, scoped), 0)) return null;
    }
    const left = this.evaluateSide(inst.left, scoped);
    const right = this.evaluateSide(inst.right, scoped);
    const scopeWords = scoped ? (this.kindScope?.words ?? '') : '';
    const leftWords = inst.leftWords + scopeWords;
    const rightWords = inst.rightWords + scopeWords;
    if (compareHolds(inst.op, left, right, def.tolerance ?? 0)) return null;
    const difference = Math.abs(left - right);
    const tail = inst.op === '=' && this.texts[SOURCE_UNIT_KEY] === '万元' && difference <= TAIL_PER_ADDEND * this.addends(inst);
    const level = tail ? '提示' : def.level;
    const message =
      fillTemplate(inst.template, {
        table: this.engine.pack.tables.find((t) => t.id === inst.table)?.title ?? inst.table,
        row: inst.row ?? '',
        leftWords,
        rightWords,
        left: formatValue(left, inst.leftKind),
        right: formatValue(right, inst.rightKind),
        diff: formatValue(difference, inst.leftKind),
        op: FAILED_OP[inst.op],
        when: formatValue(whenLeft, inst.whenKind),
      }) + (tail ? '（万元尾差）' : '');
    const leftCells = currentCells(inst.left);
    const rightCells = currentCells(inst.right);
    return {
      id: inst.id,
      ruleId: def.id,
      ruleTitle: def.title,
      level,
      ruleLevel: def.level,
      tail,
      table: inst.table,
      row: inst.row,
      message,
      left: { words: leftWords, amount: left, kind: inst.leftKind, cells: leftCells },
      right: { words: rightWords, amount: right, kind: inst.rightKind, cells: rightCells },
      difference,
      focus: leftCells[0] ?? rightCells[0] ?? null,
      explanation: storedExplanation(this.texts, inst.id, level),
    };
  }

  /**
   * Independently rounded numbers behind a comparison: the non-zero input (or stated) cells its
   * sides are summed from. Only needed when an equality fails on a 万元 report.
   */
  private addends(inst: CompareInstance): number {
    this.graph ??= buildCellGraph(this.shape, parsedFormulas(this.engine.pack));
    const graph = this.graph;
    const visited = new Set<number>();
    let count = 0;
    const visit = (key: CellKey): void => {
      const id = graph.index.get(key);
      if (id === undefined || visited.has(id)) return;
      visited.add(id);
      const isLeaf = graph.isInput[id] === 1 || this.stated.has(key);
      if (isLeaf) {
        const [table = '', row = '', col = ''] = key.split(':');
        if (this.read({ key, table, row, col, coef: 1, prev: false }) !== 0) count++;
        return;
      }
      for (let k = graph.termStart[id] ?? 0; k < (graph.termStart[id + 1] ?? 0); k++) visit(graph.keys[graph.termCell[k] ?? 0] ?? '');
    };
    for (const side of [inst.left, inst.right]) {
      for (const term of side.terms) {
        if (term.prev) count++;
        else visit(term.key);
      }
    }
    return Math.max(count, 1);
  }
}

function currentCells(side: BoundSide): CellKey[] {
  return side.terms.filter((t) => !t.prev).map((t) => t.key);
}
