/**
 * One report's cells: layout from the pack and the added 科目 rows, inputs from the store, every
 * computed cell derived by the pack's formulas and the implied tree sums. An edit recomputes only
 * the cells that depend on it, in topological order (Excel's dirty-set recalculation); adding or
 * removing a row is rare and rebuilds the graph.
 */
import { cellKey, splitCellKey, type CellKey } from '../base/cellKey';
import { AppError } from '../base/errors';
import { MAX_FEN } from '../money/fen';
import { cellKindIn, cellTypeIn, cellValueProblem, codecOf, isStringKind, type CellType, type CellValue } from '../pack/cellKind';
import { isNamedRowId, namedRowNumber, namedSource, rowNameProblem, type RowNames } from '../pack/namedRows';
import { clerkCodeProblem, levelOfCode, withClerkSubjects, type SubjectNames } from '../pack/clerkSubjects';
import { TOTAL_ROW, type Pack, type TableDef, type ValueKind } from '../pack/model';
import { catalogueEntries } from './catalogueIndex';
import { buildCellGraph, type CellGraph } from './cellGraph';
import { columnTitle, rowTitle } from './labels';
import { buildTableLayout, subjectSource, type BuiltTable } from './layout';
import { bindRates, evaluateRate, splitFormulas, type RateInstance } from './rateFormulas';
import type { EditRequest, LayoutRow, ReportEngineApi, RowChange, TableLayout } from './types';

export interface ReportEngineData {
  rows: Record<string, string[]>;
  inputs: Record<CellKey, number>;
  /** 科目 the catalogue lacks, with the names given (report texts `subject.*`). */
  subjects?: SubjectNames;
  /** Text, decimal and percent input cells: the text, or the canonical decimal string. */
  strings?: Record<CellKey, string>;
  /** Names of the rows the clerk added to named sides (report texts `rowname.*`). */
  rowNames?: RowNames;
  /** The highest named-row number given per table (report texts `rowseq.*`). */
  rowSeq?: Record<string, number>;
}

export class ReportEngine implements ReportEngineApi {
  /** The pack with the report's own 科目 added to its catalogues. */
  pack: Pack;
  private readonly basePack: Pack;
  private readonly subjects: SubjectNames = {};
  private readonly tablesById = new Map<string, TableDef>();
  private readonly added = new Map<string, Set<string>>();
  private readonly inputValues = new Map<CellKey, number>();
  /** Text and decimal inputs as stored; a decimal's scaled value is in `values` too. */
  private readonly stringValues = new Map<CellKey, string>();
  private readonly names: RowNames = {};
  private readonly seq: Record<string, number> = {};
  private readonly shape = new Map<string, BuiltTable>();
  private graph: CellGraph;
  private rates: RateInstance[] = [];
  /** Graph ids of rate cells that are empty (a division by zero). */
  private readonly emptyRates = new Set<number>();
  private values: Float64Array;
  private mark: Uint32Array;
  private stamp = 0;

  constructor(pack: Pack, data: ReportEngineData) {
    this.basePack = pack;
    for (const [catalogue, codes] of Object.entries(data.subjects ?? {})) this.subjects[catalogue] = { ...codes };
    this.pack = withClerkSubjects(pack, this.subjects);
    for (const table of pack.tables) this.tablesById.set(table.id, table);
    for (const [table, rows] of Object.entries(data.rowNames ?? {})) this.names[table] = { ...rows };
    Object.assign(this.seq, data.rowSeq ?? {});
    for (const [tableId, codes] of Object.entries(data.rows)) {
      if (codes.length === 0) continue;
      const table = this.requireTable(tableId);
      if (namedSource(table)) this.checkNamedIds(table, codes);
      else this.checkAddable(table, codes);
      this.added.set(tableId, new Set(codes));
    }
    for (const table of pack.tables) this.shape.set(table.id, this.buildLayout(table));
    this.graph = this.buildGraph();
    this.values = new Float64Array(this.graph.keys.length);
    this.mark = new Uint32Array(this.graph.keys.length);
    const stored: [CellKey, CellValue][] = [...Object.entries(data.inputs), ...Object.entries(data.strings ?? {})];
    for (const [key, value] of stored) {
      const { table, row, col } = splitCellKey(key);
      const problem = this.checkEdit({ table, row, col, value });
      if (problem) throw new AppError(`报表数据有误：${problem}`, { table, row, column: col });
      this.storeInput(key, value);
    }
    this.loadAndComputeAll();
  }

  private buildLayout(table: TableDef): BuiltTable {
    return buildTableLayout(this.pack, table, this.added.get(table.id) ?? [], this.names);
  }

  /** The linear graph with the rate cells as placeholders, and the rate cells bound. */
  private buildGraph(): CellGraph {
    const { linear, rates } = splitFormulas(this.basePack);
    this.rates = rates.size > 0 ? bindRates(this.shape, rates) : [];
    return buildCellGraph(this.shape, linear, this.rates.map((r) => r.target));
  }

  private storeInput(key: CellKey, value: CellValue): void {
    if (typeof value === 'string') this.stringValues.set(key, value);
    else this.inputValues.set(key, value);
  }

  tableIds(): string[] {
    return this.pack.tables.map((t) => t.id);
  }

  layout(tableId: string): TableLayout {
    const built = this.shape.get(tableId);
    if (!built) throw new AppError(`没有表 ${tableId}`, { table: tableId });
    return built.layout;
  }

  /** The layout row of a table, or undefined. */
  row(tableId: string, rowId: string): LayoutRow | undefined {
    return this.shape.get(tableId)?.rows.get(rowId);
  }

  kindOf(table: string, row: string, col: string): ValueKind | undefined {
    const layoutRow = this.row(table, row);
    if (!layoutRow || !layoutRow.cells.includes(col)) return undefined;
    return cellKindIn(this.tablesById.get(table), layoutRow, col);
  }

  value(table: string, row: string, col: string): number | undefined {
    const id = this.graph.index.get(cellKey(table, row, col));
    return id === undefined ? undefined : this.values[id];
  }

  cellType(table: string, row: string, col: string): CellType | undefined {
    const layoutRow = this.row(table, row);
    if (!layoutRow || !layoutRow.cells.includes(col)) return undefined;
    return cellTypeIn(this.tablesById.get(table), layoutRow, col);
  }

  cellValue(table: string, row: string, col: string): CellValue | null | undefined {
    const key = cellKey(table, row, col);
    const id = this.graph.index.get(key);
    const type = this.cellType(table, row, col);
    if (id === undefined || !type) return undefined;
    if (!isStringKind(type)) return this.values[id] ?? 0;
    if (this.graph.isInput[id]) return this.stringValues.get(key) ?? null;
    if (this.emptyRates.has(id)) return null;
    return codecOf(type).fromEngineNumber(this.values[id] ?? 0, type);
  }

  /** Everything the engine was built from, as it stands now: a copy of it is an engine to try a change on. */
  data(): ReportEngineData {
    return {
      rows: this.addedRows(),
      inputs: this.inputs(),
      subjects: this.subjectNames(),
      strings: this.strings(),
      rowNames: this.rowNames(),
      rowSeq: this.rowSeq(),
    };
  }

  strings(): Record<CellKey, string> {
    return Object.fromEntries(this.stringValues);
  }

  rowNames(): RowNames {
    const out: RowNames = {};
    for (const [table, rows] of Object.entries(this.names)) {
      const present = this.added.get(table);
      const kept = Object.entries(rows).filter(([id]) => present?.has(id));
      if (kept.length > 0) out[table] = Object.fromEntries(kept);
    }
    return out;
  }

  rowSeq(): Record<string, number> {
    return { ...this.seq };
  }

  addNamedRow(tableId: string, name: string): { id: string } {
    const table = this.requireTable(tableId);
    if (!namedSource(table)) throw new AppError(`${table.title} 的行不是填报人命名的，不能添加命名行`, { table: tableId });
    const set = this.added.get(tableId) ?? new Set<string>();
    const problem = rowNameProblem(name, [...set].map((id) => this.names[tableId]?.[id] ?? ''));
    if (problem) throw new AppError(`${table.title}：${problem}`, { table: tableId });
    const highest = Math.max(this.seq[tableId] ?? 0, ...[...set].map(namedRowNumber));
    const id = `N${highest + 1}`;
    set.add(id);
    this.added.set(tableId, set);
    this.seq[tableId] = highest + 1;
    (this.names[tableId] ??= {})[id] = name.trim();
    this.rebuild(table);
    return { id };
  }

  /** Puts back stored named rows (ids as stored) — what loading a report does, one table at a time. */
  restoreNamedRows(tableId: string, ids: readonly string[]): void {
    const table = this.requireTable(tableId);
    if (!namedSource(table)) throw new AppError(`${table.title} 的行不是填报人命名的`, { table: tableId });
    this.checkNamedIds(table, ids);
    const set = this.added.get(tableId) ?? new Set<string>();
    for (const id of ids) set.add(id);
    this.added.set(tableId, set);
    this.seq[tableId] = Math.max(this.seq[tableId] ?? 0, ...ids.map(namedRowNumber));
    this.rebuild(table);
  }

  renameRow(tableId: string, rowId: string, name: string): void {
    const table = this.requireTable(tableId);
    const row = this.row(tableId, rowId);
    if (!row?.named) throw new AppError(`${table.title} 没有可改名的“${rowId}”行`, { table: tableId, row: rowId });
    const others = Object.entries(this.names[tableId] ?? {}).filter(([id]) => id !== rowId && this.added.get(tableId)?.has(id)).map(([, n]) => n);
    const problem = rowNameProblem(name, others);
    if (problem) throw new AppError(`${table.title} 第“${row.label}”行：${problem}`, { table: tableId, row: rowId });
    (this.names[tableId] ??= {})[rowId] = name.trim();
    this.shape.set(tableId, this.buildLayout(table));
  }

  /**
   * A cell as Σ coefficient × input cell (every formula is linear): how much each input contributes,
   * so a consolidated cell can be split by unit. Undefined when the cell does not exist.
   */
  inputTerms(table: string, row: string, col: string): Map<CellKey, number> | undefined {
    const start = this.graph.index.get(cellKey(table, row, col));
    if (start === undefined) return undefined;
    const { isInput, termStart, termCell, termCoef, keys } = this.graph;
    const out = new Map<CellKey, number>();
    const memo = new Map<number, Map<number, number>>();
    const expand = (c: number): Map<number, number> => {
      const known = memo.get(c);
      if (known) return known;
      const terms = new Map<number, number>();
      if (isInput[c]) terms.set(c, 1);
      else {
        for (let k = termStart[c] ?? 0; k < (termStart[c + 1] ?? 0); k++) {
          const coef = termCoef[k] ?? 0;
          for (const [input, w] of expand(termCell[k] ?? 0)) terms.set(input, (terms.get(input) ?? 0) + coef * w);
        }
      }
      memo.set(c, terms);
      return terms;
    };
    for (const [input, w] of expand(start)) if (w !== 0) out.set(keys[input] ?? '', w);
    return out;
  }

  isInput(table: string, row: string, col: string): boolean {
    const id = this.graph.index.get(cellKey(table, row, col));
    return id !== undefined && this.graph.isInput[id] === 1;
  }

  checkEdit(edit: EditRequest): string | null {
    const table = this.tablesById.get(edit.table);
    if (!table) return `没有表“${edit.table}”`;
    const row = this.shape.get(edit.table)?.rows.get(edit.row);
    if (!row) {
      const source = subjectSource(table);
      const entry = source ? catalogueEntries(this.pack, source.catalogue).get(edit.row) : undefined;
      return entry
        ? `${table.title} 还没有“${entry.code} ${entry.name}”行，请先添加该科目`
        : `${table.title} 没有“${edit.row}”行`;
    }
    if (!row.cells.includes(edit.col)) {
      const known = table.columns.some((c) => c.id === edit.col);
      return known
        ? `${table.title} 第“${rowTitle(row)}”行没有“${columnTitle(table, edit.col)}”栏`
        : `${table.title} 没有“${edit.col}”列`;
    }
    const where = `${table.title} 第“${rowTitle(row)}”行“${columnTitle(table, edit.col)}”`;
    if (!row.inputs.includes(edit.col)) return `${where}是自动计算的单元格，不能直接输入`;
    if (edit.value === null) return null;
    const type = cellTypeIn(table, row, edit.col);
    if (isStringKind(type) || typeof edit.value === 'string') {
      const problem = cellValueProblem(edit.value, type);
      return problem ? `${where}${problem}` : null;
    }
    if (!Number.isSafeInteger(edit.value)) return `${where}的值必须是整数（金额以分计）`;
    const isCount = codecOf(type).whole;
    if (Math.abs(edit.value) > MAX_FEN) {
      return isCount ? `${where}的数量超出允许范围` : `${where}的金额超出允许范围（绝对值最大 1,000,000,000,000 元）`;
    }
    return null;
  }

  setInputs(edits: EditRequest[]): CellKey[] {
    for (const edit of edits) {
      const problem = this.checkEdit(edit);
      if (problem) throw new AppError(problem, { table: edit.table, row: edit.row, column: edit.col });
    }
    const last = new Map<CellKey, CellValue | null>();
    for (const edit of edits) last.set(cellKey(edit.table, edit.row, edit.col), edit.value);
    const before = new Map<CellKey, CellValue | undefined>();
    const touched: number[] = [];
    const changedInputKeys: CellKey[] = [];
    for (const [key, value] of last) {
      const old = this.inputValues.get(key) ?? this.stringValues.get(key);
      if (old === (value ?? undefined)) continue;
      before.set(key, old);
      this.writeInput(key, value);
      changedInputKeys.push(key);
      touched.push(this.graph.index.get(key) ?? 0);
    }
    if (touched.length === 0) return [];
    const { changed, overflow } = this.recompute(touched);
    if (overflow) {
      for (const [key, old] of before) this.writeInput(key, old ?? null);
      this.recompute(touched);
      throw new AppError('修改后合计金额超出可精确计算的范围，修改未保存');
    }
    return [...changedInputKeys, ...changed.map((id) => this.graph.keys[id] ?? ''), ...this.computeRates().map((id) => this.graph.keys[id] ?? '')];
  }

  /**
   * `names` gives the name of each code the catalogue lacks (a 项 the bureau's file or the clerk
   * uses anyway); such a 科目 is added to the report's own catalogue and marked (src clerk).
   */
  addRows(tableId: string, codes: string[], names: Readonly<Record<string, string>> = {}): RowChange {
    const table = this.requireTable(tableId);
    if (namedSource(table)) throw new AppError(`${table.title} 的行由填报人命名添加，请用“添加一行”`, { table: tableId });
    const extended = this.withNames(table, codes, names);
    if (extended) {
      const before = this.pack;
      this.pack = extended.pack;
      try {
        this.checkAddable(table, codes);
      } catch (err) {
        this.pack = before;
        throw err;
      }
      this.subjects[extended.catalogue] = extended.names;
      this.rebuildAll();
    }
    this.checkAddable(table, codes);
    const beforeRows = this.rowIds(tableId);
    const set = this.added.get(tableId) ?? new Set<string>();
    const fresh = codes.filter((c) => !set.has(c));
    if (fresh.length === 0) return { added: [], removed: [], droppedInputs: [] };
    for (const code of fresh) set.add(code);
    this.added.set(tableId, set);
    this.rebuild(table);
    const added = [...this.rowIds(tableId)].filter((id) => !beforeRows.has(id));
    return { added, removed: [], droppedInputs: [] };
  }

  removeRow(tableId: string, rowId: string): RowChange {
    const table = this.requireTable(tableId);
    const built = this.shape.get(tableId);
    const row = built?.rows.get(rowId);
    if (!built || !row) throw new AppError(`${table.title} 没有“${rowId}”行`, { table: tableId, row: rowId });
    if (!row.removable) throw new AppError(`${table.title} 的“${rowTitle(row)}”行不能删除`, { table: tableId, row: rowId });
    const isUnder = (code: string): boolean => {
      for (let c: string | undefined = code; c && c !== TOTAL_ROW; c = built.parentOf.get(c)) if (c === rowId) return true;
      return false;
    };
    const set = this.added.get(tableId) ?? new Set<string>();
    for (const code of [...set]) if (isUnder(code)) set.delete(code);
    const beforeRows = this.rowIds(tableId);
    this.rebuild(table);
    const afterRows = this.rowIds(tableId);
    const removed = [...beforeRows].filter((id) => !afterRows.has(id));
    const droppedInputs: CellKey[] = [];
    const gone = new Set(removed);
    for (const map of [this.inputValues, this.stringValues]) {
      for (const key of [...map.keys()]) {
        const { table: t, row: r } = splitCellKey(key);
        if (t === tableId && gone.has(r)) {
          droppedInputs.push(key);
          map.delete(key);
        }
      }
    }
    for (const id of removed) if (this.names[tableId]) delete this.names[tableId][id];
    if (droppedInputs.length > 0) this.loadAndComputeAll();
    return { added: [], removed, droppedInputs };
  }

  inputs(): Record<CellKey, number> {
    return Object.fromEntries(this.inputValues);
  }

  /** What the clerk typed into one cell; null when it is empty. */
  inputValue(table: string, row: string, col: string): CellValue | null {
    const key = cellKey(table, row, col);
    return this.inputValues.get(key) ?? this.stringValues.get(key) ?? null;
  }

  /** The report's own 科目 (not in the catalogue) with their names — the store's view. */
  subjectNames(): SubjectNames {
    const out: SubjectNames = {};
    for (const [catalogue, codes] of Object.entries(this.subjects)) if (Object.keys(codes).length > 0) out[catalogue] = { ...codes };
    return out;
  }

  /**
   * The pack with the named codes the catalogue lacks added (and remembered), or null when every
   * code is known. Throws for a code that cannot be a 项 of the catalogue or has no name.
   */
  private withNames(
    table: TableDef,
    codes: readonly string[],
    names: Readonly<Record<string, string>>,
  ): { pack: Pack; catalogue: string; names: Record<string, string> } | null {
    const source = subjectSource(table);
    if (!source) return null;
    const catalogue = this.basePack.catalogues[source.catalogue];
    if (!catalogue) return null;
    const known = catalogueEntries(this.pack, source.catalogue);
    const fresh: Record<string, string> = {};
    for (const code of codes) {
      if (known.has(code)) continue;
      const name = names[code]?.trim();
      if (name === undefined) continue;
      const problem = clerkCodeProblem(catalogue, code);
      if (problem) throw new AppError(`${table.title}：${problem}`, { table: table.id, row: code });
      if (levelOfCode(catalogue, code) !== '项') {
        throw new AppError(`${table.title}：“${code}”不是项级科目编码（应为 ${catalogue.codeLength.项} 位），只能添加项级科目`, { table: table.id, row: code });
      }
      if (name === '') throw new AppError(`${table.title}：科目“${code}”不在${catalogue.title}中，请填写科目名称`, { table: table.id, row: code });
      if (name.length > 60) throw new AppError(`${table.title}：科目“${code}”的名称过长（最多 60 字）`, { table: table.id, row: code });
      fresh[code] = name;
    }
    if (Object.keys(fresh).length === 0) return null;
    const merged = { ...(this.subjects[source.catalogue] ?? {}), ...fresh };
    const next: SubjectNames = { ...this.subjects, [source.catalogue]: merged };
    return { pack: withClerkSubjects(this.basePack, next), catalogue: source.catalogue, names: merged };
  }

  private rebuildAll(): void {
    for (const table of this.pack.tables) this.shape.set(table.id, this.buildLayout(table));
    this.graph = this.buildGraph();
    this.values = new Float64Array(this.graph.keys.length);
    this.mark = new Uint32Array(this.graph.keys.length);
    this.stamp = 0;
    this.loadAndComputeAll();
  }

  addedRows(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [table, set] of this.added) if (set.size > 0) out[table] = [...set].sort();
    return out;
  }

  private requireTable(tableId: string): TableDef {
    const table = this.tablesById.get(tableId);
    if (!table) throw new AppError(`没有表“${tableId}”`, { table: tableId });
    return table;
  }

  private checkNamedIds(table: TableDef, ids: readonly string[]): void {
    for (const id of ids) {
      if (!isNamedRowId(id)) throw new AppError(`${table.title}：“${id}”不是命名行的编号（应为 N1、N2 …）`, { table: table.id, row: id });
    }
  }

  private checkAddable(table: TableDef, codes: readonly string[]): void {
    const source = subjectSource(table);
    if (!source) throw new AppError(`${table.title} 的行是固定的，不能添加科目行`, { table: table.id });
    const entries = catalogueEntries(this.pack, source.catalogue);
    const catalogueTitle = this.pack.catalogues[source.catalogue]?.title ?? source.catalogue;
    for (const code of codes) {
      const entry = entries.get(code);
      if (!entry) throw new AppError(`${table.title}：科目编码“${code}”不在${catalogueTitle}中`, { table: table.id, row: code });
      if (entry.level !== '项') {
        throw new AppError(
          `${table.title}：“${entry.code} ${entry.name}”是${entry.level}级科目，只能添加项级科目（上级科目行会自动出现）`,
          { table: table.id, row: code },
        );
      }
    }
  }

  private rowIds(tableId: string): Set<string> {
    return new Set(this.shape.get(tableId)?.rows.keys() ?? []);
  }

  private rebuild(table: TableDef): void {
    this.shape.set(table.id, this.buildLayout(table));
    this.graph = this.buildGraph();
    this.values = new Float64Array(this.graph.keys.length);
    this.mark = new Uint32Array(this.graph.keys.length);
    this.stamp = 0;
    this.loadAndComputeAll();
  }

  private writeInput(key: CellKey, value: CellValue | null): void {
    this.inputValues.delete(key);
    this.stringValues.delete(key);
    if (value !== null) this.storeInput(key, value);
    const id = this.graph.index.get(key);
    if (id !== undefined) this.values[id] = value === null ? 0 : this.engineNumber(key, value);
  }

  /** The number the graph computes with: 分, a count, a scaled decimal; 0 for text. */
  private engineNumber(key: CellKey, value: CellValue): number {
    if (typeof value === 'number') return value;
    const { table, row, col } = splitCellKey(key);
    const type = this.cellType(table, row, col);
    return type ? (codecOf(type).engineNumber(value, type) ?? 0) : 0;
  }

  private loadAndComputeAll(): void {
    const { graph, values } = this;
    values.fill(0);
    for (const [key, value] of this.inputValues) {
      const id = graph.index.get(key);
      if (id !== undefined) values[id] = value;
    }
    for (const [key, value] of this.stringValues) {
      const id = graph.index.get(key);
      if (id !== undefined) values[id] = this.engineNumber(key, value);
    }
    for (const c of graph.order) values[c] = this.evaluate(c);
    this.emptyRates.clear();
    this.computeRates();
  }

  /** Evaluates every rate cell after the linear pass; returns the ids whose value or emptiness changed. */
  private computeRates(): number[] {
    if (this.rates.length === 0) return [];
    const changed: number[] = [];
    const read = (table: string, row: string, col: string): number => {
      const id = this.graph.index.get(cellKey(table, row, col));
      return id === undefined ? 0 : (this.values[id] ?? 0);
    };
    for (const rate of this.rates) {
      const id = this.graph.index.get(rate.target);
      if (id === undefined) continue;
      const next = evaluateRate(rate, read);
      const wasEmpty = this.emptyRates.has(id);
      if (next === null) {
        if (!wasEmpty) changed.push(id);
        this.emptyRates.add(id);
        this.values[id] = 0;
      } else {
        if (wasEmpty || this.values[id] !== next) changed.push(id);
        this.emptyRates.delete(id);
        this.values[id] = next;
      }
    }
    return changed;
  }

  private evaluate(c: number): number {
    const { termStart, termCell, termCoef, constant } = this.graph;
    const values = this.values;
    let sum = constant[c] ?? 0;
    const end = termStart[c + 1] ?? 0;
    for (let k = termStart[c] ?? 0; k < end; k++) sum += (termCoef[k] ?? 0) * (values[termCell[k] ?? 0] ?? 0);
    return sum;
  }

  /** Recomputes every computed cell reachable from `sources`, in topological order. */
  private recompute(sources: number[]): { changed: number[]; overflow: boolean } {
    const { depStart, depList, rank } = this.graph;
    const mark = this.mark;
    if (++this.stamp === 0xffffffff) {
      mark.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    const dirty: number[] = [];
    const stack: number[] = [...sources];
    while (stack.length > 0) {
      const c = stack.pop() ?? 0;
      const end = depStart[c + 1] ?? 0;
      for (let k = depStart[c] ?? 0; k < end; k++) {
        const d = depList[k] ?? 0;
        if (mark[d] === stamp) continue;
        mark[d] = stamp;
        dirty.push(d);
        stack.push(d);
      }
    }
    dirty.sort((a, b) => (rank[a] ?? 0) - (rank[b] ?? 0));
    const changed: number[] = [];
    let overflow = false;
    for (const c of dirty) {
      const next = this.evaluate(c);
      if (!Number.isSafeInteger(next)) overflow = true;
      if (next !== this.values[c]) {
        this.values[c] = next;
        changed.push(c);
      }
    }
    return { changed, overflow };
  }
}
