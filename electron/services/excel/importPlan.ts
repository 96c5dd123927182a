/**
 * What importing a bureau workbook would do, worked out before anything is written: values new,
 * changed (old → new) and cleared, 科目 rows added and removed, everything on the sheets that could
 * not be placed (sheet, cell, reason), computed cells whose figure in the file differs from what the
 * engine computes, sheets ignored, and the 金额单位 the file states. The workbook replaces the tables
 * it contains; tables it does not contain keep their figures.
 */
import { createHash } from 'node:crypto';
import { cellKey, splitCellKey, type CellKey, type ReportData } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { ReportEngine } from '../../../shared/engine/reportEngine';
import { cellTitle, rowTitle } from '../../../shared/engine/labels';
import type { EditRequest } from '../../../shared/engine/types';
import { formatAmount, type MoneyUnit } from '../../../shared/money/fen';
import { cellTypeIn, displayCellValue, type CellType, type CellValue, type KindLike } from '../../../shared/pack/cellKind';
import { rowNameKey, rowSeqKey } from '../../../shared/pack/namedRows';
import { engineData } from '../../../shared/engine/engineData';
import { namedRowIds, type NamedRowIds } from './namedImport';
import { subjectTextKey, type SubjectNames } from '../../../shared/pack/clerkSubjects';
import { subjectSource } from '../../../shared/engine/layout';
import { COVER_FIELDS, COVER_SHEET } from './cover';
import { identifySheet, statedUnit, type SheetMatch } from './findTables';
import { gridText, type Grid } from './grid';
import { readSanGongForm } from './sanGongForm';
import { readTable, type FoundValue, type TableRead } from './readTable';
import type { NotPlaced } from '../../../shared/api/xlsxPlan';
import type { ReportTarget } from './reportTarget';
import type { ComputedDifference, ImportPlan, PlanCell, RowChange, SheetConflict, TextChange, UnreadTable, ValueChange } from '../../../shared/api/xlsxPlan';

export type { ComputedDifference, ImportPlan, PlanCell, RowChange, TextChange, ValueChange };
import { normalizeText } from './words';

export interface PlanInput {
  /** The workbook's sheets, read (in the reading worker) before the plan is made. */
  grids: Grid[];
  fileLabel: string;
  target: ReportTarget;
  /** Table id → the sheet the clerk chose when several sheets claim that table. */
  choices?: Record<string, string>;
}

/** Rows and non-zero inputs, in a fixed order, hashed: what a commit checks has not moved. */
export function reportFingerprint(exists: boolean, data: Pick<ReportData, 'rows' | 'inputs' | 'strings'>): string {
  const rows = Object.entries(data.rows)
    .filter(([, codes]) => codes.length > 0)
    .map(([t, codes]) => [t, [...codes].sort()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const inputs = Object.entries(data.inputs)
    .filter(([, v]) => v !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const strings = Object.entries(data.strings ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(strings.length > 0 ? { exists, rows, inputs, strings } : { exists, rows, inputs })).digest('hex');
}

function nonZero(inputs: Record<CellKey, number>, strings: Record<CellKey, string> = {}): Map<CellKey, CellValue> {
  return new Map<CellKey, CellValue>([...Object.entries(inputs).filter(([, v]) => v !== 0), ...Object.entries(strings)]);
}

function sameInUnit(a: CellValue, b: CellValue, unit: MoneyUnit, kind: KindLike): boolean {
  // Equal as the clerk sees them in the file's unit (万元 figures are rounded per cell).
  return a === b || displayCellValue(a, kind, { unit }) === displayCellValue(b, kind, { unit });
}

function coverTexts(grid: Grid, current: Record<string, string>): TextChange[] {
  const changes: TextChange[] = [];
  for (const field of COVER_FIELDS) {
    for (const [r, cells] of grid.rows) {
      const hit = [...cells.entries()].find(([, c]) => normalizeText(c.text).replace(/:$/, '') === field.label);
      if (!hit) continue;
      const after = [...cells.entries()]
        .filter(([c, cell]) => c > hit[0] && !cell.mergedCopy)
        .map(([c]) => gridText(grid, r, c))
        .find((t) => t !== '');
      if (after !== undefined && after !== (current[field.key] ?? '')) {
        changes.push({ key: field.key, label: field.label, before: current[field.key] ?? null, after });
      }
      break;
    }
  }
  return changes;
}

function isCoverSheet(grid: Grid): boolean {
  if (normalizeText(grid.name) === COVER_SHEET) return true;
  let labels = 0;
  for (const cells of grid.rows.values()) {
    for (const c of cells.values()) if (COVER_FIELDS.some((f) => normalizeText(c.text).replace(/:$/, '') === f.label)) labels++;
  }
  return labels >= 2;
}

interface Claim {
  grid: Grid;
  match: Extract<SheetMatch, { kind: 'table' }>;
}

function readClaim(claim: Claim, pack: ImportPlanPack, unit: MoneyUnit, named: NamedRowIds): TableRead {
  const { grid, match } = claim;
  if (match.layout === 'sanGong12') return readSanGongForm(grid, match.target, match.headerRow, unit);
  return readTable(grid, pack, match.table, match.titleRow, unit, named);
}

/** Empty as the file says it: a zero amount, or an empty text or decimal. */
const isEmpty = (value: CellValue): boolean => value === 0 || value === '';

type ImportPlanPack = ReportTarget['pack'];

export function planWorkbookImport(input: PlanInput): ImportPlan {
  const { target, fileLabel } = input;
  const { pack } = target;
  const { grids } = input;
  const reads: TableRead[] = [];
  const tables: ImportPlan['tables'] = [];
  const ignoredSheets: ImportPlan['ignoredSheets'] = [];
  const unreadTables: UnreadTable[] = [];
  const conflicts: SheetConflict[] = [];
  const notes: string[] = [];
  const unitOf = new Map<string, MoneyUnit>();
  let textChanges: TextChange[] = [];
  const named = namedRowIds(target.current.rows, target.current.texts);

  // Every sheet says what it is first, so that two sheets claiming one table are seen before either is read.
  const claims = new Map<string, Claim[]>();
  const order: Claim[][] = [];
  for (const grid of grids) {
    const match = identifySheet(grid, pack, target.unit.name);
    if (match.kind === 'none') {
      if (isCoverSheet(grid)) {
        textChanges = coverTexts(grid, target.current.texts);
        continue;
      }
      ignoredSheets.push({ sheet: grid.name, reason: grid.rows.size === 0 ? '空工作表' : '不是可识别的决算表' });
      continue;
    }
    if (match.kind === 'unreadable') {
      unreadTables.push({ sheet: grid.name, title: match.title, reason: match.reason });
      continue;
    }
    const list = claims.get(match.table.id);
    if (list) list.push({ grid, match });
    else {
      const fresh = [{ grid, match }];
      claims.set(match.table.id, fresh);
      order.push(fresh);
    }
  }

  for (const list of order) {
    const first = list[0];
    if (!first) continue;
    const table = first.match.table;
    let claim = first;
    if (list.length > 1) {
      const chosen = list.find((c) => c.grid.name === input.choices?.[table.id]);
      if (!chosen) {
        conflicts.push({ table: table.id, title: table.title, sheets: list.map((c) => c.grid.name) });
        continue;
      }
      claim = chosen;
      for (const other of list) {
        if (other !== chosen) ignoredSheets.push({ sheet: other.grid.name, reason: `与工作表“${chosen.grid.name}”是同一张表（${table.title}），已按选择使用“${chosen.grid.name}”` });
      }
    }
    const { grid, match } = claim;
    const stated = statedUnit(grid, match.titleRow, Math.min(grid.lastRow, match.titleRow + 6));
    const unit = stated ?? '元';
    const read = readClaim(claim, pack, unit, named);
    if (read.fatal) {
      unreadTables.push({ sheet: grid.name, title: table.title, table: table.id, reason: read.fatal });
      continue;
    }
    if (!stated) notes.push(`工作表“${grid.name}”没有写明金额单位，按“元”导入`);
    if (match.layout === 'sanGong12') notes.push(`工作表“${grid.name}”是横排的“三公”经费表（12 栏），其中的数导入${table.title}的对应行，本表其余各行保持不变`);
    unitOf.set(table.id, unit);
    reads.push(read);
    tables.push({ table: table.id, title: table.title, sheet: grid.name, unit });
  }
  if (reads.length === 0 && conflicts.length === 0) {
    const names = grids.map((g) => `“${g.name}”`).join('、') || '（无工作表）';
    const unread = unreadTables.map((u) => `工作表“${u.sheet}”（${u.title}）：${u.reason}`).join('；');
    throw new AppError(`文件“${fileLabel}”中没有找到可识别的决算表（工作表：${names}${unread ? `；${unread}` : ''}），未导入任何数据`, { file: fileLabel });
  }
  const sourceUnit: MoneyUnit = [...unitOf.values()].includes('万元') ? '万元' : '元';
  if (sourceUnit === '万元') notes.push('文件以万元为单位：金额已换算为元，精度为 0.01 万元（100 元），合计数可能有尾差');
  if (target.borrowedPack) notes.push(`${target.year} 年度没有自己的报表格式，按 ${pack.years.from} 年度格式（${pack.id}）导入，作为 ${target.year + 1} 年度的上年数`);

  const readOf = new Map(reads.map((r) => [r.table.id, r]));
  const rows: Record<string, string[]> = {};
  for (const [t, codes] of Object.entries(target.current.rows)) {
    const read = readOf.get(t);
    if (!read || read.scope) rows[t] = [...codes];
  }
  for (const read of reads) if (read.subjectRows.length > 0) rows[read.table.id] = [...new Set([...(rows[read.table.id] ?? []), ...read.subjectRows])];
  // Named rows: the names on the sheet are the table's rows; a new name is a new row, named in texts.
  const texts: Record<string, string> = { ...target.current.texts };
  for (const read of reads) {
    for (const r of read.namedRows ?? []) {
      if (!r.fresh) continue;
      const key = rowNameKey(read.table.id, r.id);
      texts[key] = r.name;
      textChanges.push({ key, label: `${read.table.title} 新增行 ${r.id}`, before: target.current.texts[key] ?? null, after: r.name });
    }
    if ((read.namedRows ?? []).some((r) => r.fresh)) {
      const key = rowSeqKey(read.table.id);
      const after = String(named.seq(read.table.id));
      texts[key] = after;
      textChanges.push({ key, label: `${read.table.title} 行编号`, before: target.current.texts[key] ?? null, after });
    }
  }

  const fileValues = new Map<CellKey, FoundValue>();
  for (const read of reads) for (const v of read.inputs) fileValues.set(cellKey(v.table, v.row, v.col), v);

  // What the stored report keeps: tables the file lacks, and in the tables it has, what the file could not read.
  const kept: Record<CellKey, number> = {};
  const keptStrings: Record<CellKey, string> = {};
  const keptInFound = new Map<CellKey, CellValue>();
  const currentValues: [CellKey, CellValue][] = [...Object.entries(target.current.inputs), ...Object.entries(target.current.strings ?? {})];
  for (const [key, value] of currentValues) {
    const { table, row, col } = splitCellKey(key);
    const read = readOf.get(table);
    if (!read) {
      if (typeof value === 'string') keptStrings[key] = value;
      else kept[key] = value;
    } else if (read.keep.has(`${row}:${col}`)) keptInFound.set(key, value);
    else if (read.scope && !read.scope.has(`${row}:${col}`)) keptInFound.set(key, value);
    else if ((read.keepRows?.has(row) || read.keepCols?.has(col)) && !fileValues.has(key)) keptInFound.set(key, value);
  }

  const notPlaced: NotPlaced[] = reads.flatMap((r) => r.notPlaced);
  // 项 the catalogue lacks: kept with the sheet's names (report texts subject.*), listed by audit G-1.
  const subjects: SubjectNames = Object.fromEntries(Object.entries(target.subjects).map(([c, names]) => [c, { ...names }]));
  for (const read of reads) {
    notes.push(...(read.notes ?? []));
    const catalogue = subjectSource(read.table)?.catalogue;
    if (!catalogue) continue;
    for (const [code, name] of Object.entries(read.ownSubjects ?? {})) {
      (subjects[catalogue] ??= {})[code] = name;
      const key = subjectTextKey(catalogue, code);
      if (target.current.texts[key] !== name) textChanges.push({ key, label: `目录外科目 ${code}`, before: target.current.texts[key] ?? null, after: name });
      notes.push(`${read.table.title}：科目“${code} ${name}”不在本年度科目目录中，按文件中的名称导入（审核“提示”G-1 列出，请核对）`);
    }
  }
  let engine: ReportEngine;
  try {
    engine = new ReportEngine(pack, { ...engineData({ rows, inputs: kept, strings: keptStrings, texts }), subjects });
  } catch (err) {
    throw new AppError(`文件“${fileLabel}”不能导入：${err instanceof Error ? err.message : String(err)}`, { file: fileLabel });
  }
  const source = new Map<CellKey, Pick<FoundValue, 'sheet' | 'cell'>>();
  for (const read of reads) {
    for (const [rowCol, cell] of read.keep) source.set(`${read.table.id}:${rowCol}`, { sheet: read.sheet, cell });
  }
  const edits: EditRequest[] = [];
  const unreadKeys = new Set<CellKey>();
  for (const [key, v] of fileValues) {
    source.set(key, v);
    if (keptInFound.has(key) && !readOf.get(v.table)?.keepRows?.has(v.row) && !readOf.get(v.table)?.keepCols?.has(v.col)) continue;
    const problem = engine.checkEdit({ table: v.table, row: v.row, col: v.col, value: v.value === 0 ? 1 : v.value === '' ? null : v.value });
    if (problem) {
      notPlaced.push({ sheet: v.sheet, cell: v.cell, reason: `${problem}，未导入` });
      const stored = target.current.inputs[key] ?? target.current.strings?.[key];
      if (stored !== undefined) keptInFound.set(key, stored);
      continue;
    }
    keptInFound.delete(key);
    if (!isEmpty(v.value)) edits.push({ table: v.table, row: v.row, col: v.col, value: v.value });
  }
  for (const [key, value] of keptInFound) {
    const { table, row, col } = splitCellKey(key);
    if (engine.checkEdit({ table, row, col, value }) === null) {
      edits.push({ table, row, col, value });
      unreadKeys.add(key);
    }
  }
  try {
    engine.setInputs(edits);
  } catch (err) {
    throw new AppError(`文件“${fileLabel}”不能导入：${err instanceof Error ? err.message : String(err)}`, { file: fileLabel });
  }

  const before = new ReportEngine(pack, { ...engineData(target.current), subjects: target.subjects });
  const describe = (eng: ReportEngine, table: string, row: string, col: string): string => {
    const def = pack.tables.find((t) => t.id === table);
    const layoutRow = eng.row(table, row);
    return def && layoutRow ? cellTitle(def, layoutRow, col) : `表 ${table} 行 ${row} 列 ${col}`;
  };
  const kindOf = (eng: ReportEngine, table: string, row: string, col: string): CellType => {
    return cellTypeIn(pack.tables.find((t) => t.id === table), eng.row(table, row), col);
  };
  const change = (eng: ReportEngine, key: CellKey, b: CellValue | null, a: CellValue | null): ValueChange => {
    const { table, row, col } = splitCellKey(key);
    const from = source.get(key);
    return {
      table,
      row,
      col,
      where: describe(eng, table, row, col),
      kind: kindOf(eng, table, row, col),
      ...(from ? { sheet: from.sheet, cell: from.cell } : {}),
      before: b,
      after: a,
    };
  };
  const oldInputs = nonZero(target.current.inputs, target.current.strings);
  const newInputs = nonZero(engine.inputs(), engine.strings());
  const newValues: ValueChange[] = [];
  const changedValues: ValueChange[] = [];
  const clearedValues: ValueChange[] = [];
  for (const [key, value] of newInputs) {
    const old = oldInputs.get(key);
    if (old === undefined) newValues.push(change(engine, key, null, value));
    else if (old !== value) changedValues.push(change(engine, key, old, value));
  }
  for (const [key, old] of oldInputs) if (!newInputs.has(key)) clearedValues.push(change(before, key, old, null));
  const keptValues = [...unreadKeys].filter((k) => oldInputs.has(k)).map((k) => change(engine, k, oldInputs.get(k) ?? null, oldInputs.get(k) ?? null));

  const rowChanges = (from: Record<string, string[]>, to: Record<string, string[]>, eng: ReportEngine): RowChange[] => {
    const out: RowChange[] = [];
    for (const [table, codes] of Object.entries(to)) {
      const had = new Set(from[table] ?? []);
      const title = pack.tables.find((t) => t.id === table)?.title ?? table;
      for (const code of codes) {
        if (had.has(code)) continue;
        const layoutRow = eng.row(table, code);
        out.push({ table, row: code, label: `${title}：${layoutRow ? rowTitle(layoutRow) : code}` });
      }
    }
    return out;
  };
  const newRows = rowChanges(target.current.rows, engine.addedRows(), engine);
  const removedRows = rowChanges(engine.addedRows(), target.current.rows, before);

  const computedDifferences: ComputedDifference[] = [];
  for (const read of reads) {
    const unit = unitOf.get(read.table.id) ?? '元';
    for (const v of read.computed) {
      // A rate or text cell the file gives is re-computed here; only amounts and counts are compared.
      if (typeof v.value !== 'number') continue;
      const computed = engine.value(v.table, v.row, v.col);
      if (computed === undefined) {
        if (v.value === 0) continue;
        computedDifferences.push({ table: v.table, row: v.row, col: v.col, where: `${read.table.title} 第“${v.row}”行（导入后没有该行下的项级科目）`, kind: v.kind, sheet: v.sheet, cell: v.cell, inFile: v.value, computed: null });
        continue;
      }
      if (sameInUnit(v.value, computed, unit, v.kind)) continue;
      computedDifferences.push({ table: v.table, row: v.row, col: v.col, where: describe(engine, v.table, v.row, v.col), kind: v.kind, sheet: v.sheet, cell: v.cell, inFile: v.value, computed });
    }
    // A figure the file gives whole but the pack keeps in parts (公务接待费 = 国内 + 国（境）外): it cannot be split.
    for (const v of read.splitTotals ?? []) {
      if (typeof v.value !== 'number') continue;
      const computed = engine.value(v.table, v.row, v.col) ?? 0;
      if (sameInUnit(v.value, computed, unit, v.kind)) continue;
      notPlaced.push({
        sheet: v.sheet,
        cell: v.cell,
        reason: `“${v.label}”在文件中为 ${formatAmount(v.value)} 元，${read.table.title}把它分为下级各项分别填写（现合计 ${formatAmount(computed)} 元），文件没有分项数，未导入；请在${read.table.title}中填写各分项`,
      });
    }
  }

  const complete = notPlaced.length === 0 && unreadTables.length === 0 && conflicts.length === 0;
  return {
    fileLabel,
    unit: target.unit.code,
    unitName: target.unit.name,
    year: target.year,
    packId: pack.id,
    sourceUnit,
    tables,
    ignoredSheets,
    newValues,
    changedValues,
    clearedValues,
    newRows,
    removedRows,
    notPlaced,
    computedDifferences,
    textChanges,
    notes,
    unreadTables,
    conflicts,
    keptValues,
    replaces: replacesText(target, reads, pack.tables),
    complete,
    data: { rows: engine.addedRows(), inputs: engine.inputs(), ...(Object.keys(engine.strings()).length > 0 ? { strings: engine.strings() } : {}) },
    base: reportFingerprint(target.exists, target.current),
  };
}

/** One sentence: which stored tables the import replaces (with how many figures they hold now) and which stay. */
function replacesText(target: ReportTarget, reads: readonly TableRead[], tables: readonly { id: string; title: string }[]): string {
  if (!target.exists) return '';
  const count = (table: string, scope?: Set<string>) =>
    Object.entries(target.current.inputs).filter(([key, v]) => {
      const k = splitCellKey(key);
      return v !== 0 && k.table === table && (!scope || scope.has(`${k.row}:${k.col}`));
    }).length;
  const replaced = reads
    .map((r) => ({ r, held: count(r.table.id, r.scope) }))
    .filter(({ held }) => held > 0)
    .map(({ r, held }) => `${r.table.title}（现有 ${held} 个数${r.scope ? '，仅文件中有的各项' : ''}）`);
  if (replaced.length === 0) return '';
  const found = new Set(reads.map((r) => r.table.id));
  const keptTables = tables.filter((t) => !found.has(t.id) && count(t.id) > 0).map((t) => t.title);
  const unit = `单位 ${target.unit.code} ${target.unit.name} ${target.year} 年度的报表`;
  return `导入将替换${unit}中${replaced.join('、')}的数据${keptTables.length > 0 ? `；${keptTables.join('、')}保持不变` : ''}`;
}
