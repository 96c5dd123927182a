/**
 * Template + this year's figures + last year's figures + the clerk's texts → the 情况说明 document.
 * Pure: the renderer calls it on every change (the text follows the numbers live) and Node calls it
 * for export, so both always print the same words.
 */
import type { MoneyUnit } from '../money/fen';
import { percent } from '../money/fen';
import type { TableLayout } from '../engine/types';
import type { Block, NarrativeDoc, Run, ShareGroup } from './document';
import { cellsOf, evaluate, parseExpr, type EvalScope, type Expr } from './expr';
import { formInputs, keyRead } from './exprNodes';
import { amountText, chineseNumber, className, DEFAULT_STYLE, hundredthsText, percentText, shortName, type FigureStyle } from './format';
import { segments, type Segment } from './placeholders';
import { fieldsByKey, type EachSource, type FieldDef, type NarrativeTemplate, type Part } from './template';
import { parseFieldValue } from './fieldValues';

/** What the generator reads of this year's report; ReportEngine satisfies it. */
export interface NarrativeReport {
  value(table: string, row: string, col: string): number | undefined;
  layout(tableId: string): TableLayout;
  tableIds(): string[];
}

/** Last year's figures: from year Y−1 in the database, or typed in by hand (see lastYear.ts). */
export interface LastYearValues {
  value(table: string, row: string, col: string): number | null;
}

export interface NarrativeOptions {
  unit: MoneyUnit;
  /** List every 类 / income source even when 0 (S001), or only the non-zero ones (SH-T “不涉及的不列”). */
  zeroItems: 'all' | 'nonZero';
  /** 100% or 100.00%, 0元 or 0.00元, thousands separators: S001's style when not given. */
  style?: FigureStyle;
}

export interface NarrativeInput {
  template: NarrativeTemplate;
  report: NarrativeReport;
  unitName: string;
  year: number;
  /** The report's texts: clerk fields (narrative.*), form values (info.*, purchase.*, asset.*, …). */
  texts: Readonly<Record<string, string>>;
  lastYear: LastYearValues | null;
  options: NarrativeOptions;
}

interface Item {
  row: string;
  label: string;
  code: string;
  index: number;
}

interface Ctx {
  input: NarrativeInput;
  fields: Map<string, FieldDef>;
  scope: EvalScope;
  item: Item | null;
  /** Collects the first share of each item of a list whose shares should add up to 100 %. */
  shareSink: { shares: string[]; taken: boolean } | null;
  /** Every share group of the document, filled while rendering. */
  groups: ShareGroup[];
  /** Template id of the block being rendered. */
  blockId: string;
}

function hasInput(e: Expr): string | null {
  return formInputs(e)[0] ?? null;
}

/** The first form key of `e` that is empty, for the «label» placeholder (not inside PREV, a test or a condition). */
function missingInput(e: Expr, scope: EvalScope): string | null {
  const key = keyRead(e, 'IN');
  if (key !== null) return scope.input(key) === null ? key : null;
  switch (e.type) {
    case 'call':
      if (e.name !== 'ABS' && e.name !== 'MIN' && e.name !== 'MAX' && e.name !== 'ROUND' && e.name !== 'SUM') return null;
      for (const a of e.args) {
        const found = missingInput(a, scope);
        if (found) return found;
      }
      return null;
    case 'neg':
      return missingInput(e.operand, scope);
    case 'binary':
      return missingInput(e.left, scope) ?? missingInput(e.right, scope);
    default:
      return null;
  }
}

/** The form label as a placeholder in running text: 其中：行政单位（个） → 行政单位. */
function labelOf(ctx: Ctx, key: string): string {
  const label = ctx.fields.get(key)?.label ?? key;
  return label.replace(/^其中：/, '').replace(/（[^（）]*）$/, '') || label;
}

/**
 * The «…» of a figure a form value is missing for: its own «label» from the template, else — for a figure
 * built from several form values — all of their names (a sum is never named after its first term).
 */
function figureLabel(ctx: Ctx, seg: { label?: string }, ...exprs: Expr[]): string | undefined {
  if (seg.label !== undefined) return seg.label;
  const sides = exprs.map((e) => formInputs(e).map((k) => labelOf(ctx, k)));
  if (sides.flat().length <= 1) return undefined;
  return sides.map((labels) => labels.join('＋')).filter((t) => t !== '').join('／');
}

function emptyInput(ctx: Ctx, key: string, label?: string): Run {
  return { kind: 'input', text: `«${label ?? labelOf(ctx, key)}»`, key, empty: true };
}

function styleOf(ctx: Ctx): FigureStyle {
  return ctx.input.options.style ?? DEFAULT_STYLE;
}

function wordRun(ctx: Ctx, set: string, sign: number, cells: string[]): Run {
  const words = ctx.input.template.signs[set];
  if (!words) return { kind: 'text', text: '' };
  const word = sign > 0 ? words[0] : sign < 0 ? words[1] : words[2];
  return { kind: 'word', text: word, alternatives: [...words], cells };
}

/** Fills a phrase pattern's {dir} {rateDir} {delta} {rate} {prevYear} slots. */
function phraseRuns(ctx: Ctx, pattern: string, delta: number, before: number | null, cells: string[], what: string): Run[] {
  const { template, options, year } = ctx.input;
  const runs: Run[] = [];
  const sign = Math.sign(delta);
  for (const piece of pattern.split(/(\{[A-Za-z]+\})/)) {
    if (piece === '') continue;
    switch (piece) {
      case '{dir}':
        runs.push(wordRun(ctx, template.phraseWords.dir, sign, cells));
        break;
      case '{rateDir}':
        runs.push(wordRun(ctx, template.phraseWords.rateDir, sign, cells));
        break;
      case '{delta}':
        runs.push({ kind: 'number', text: amountText(Math.abs(delta), options.unit, styleOf(ctx)), key: `${what}变动额`, cells });
        break;
      case '{rate}': {
        const rate = before === null ? null : percent(Math.abs(delta), Math.abs(before));
        runs.push(rate === null ? { kind: 'text', text: template.noShare } : { kind: 'number', text: percentText(rate, styleOf(ctx)), key: `${what}变动率`, cells });
        break;
      }
      case '{prevYear}':
        runs.push({ kind: 'text', text: String(year - 1) });
        break;
      default:
        runs.push({ kind: 'text', text: piece });
    }
  }
  return runs;
}

function contextText(ctx: Ctx, name: Extract<Segment, { t: 'ctx' }>['name']): string {
  const { item } = ctx;
  switch (name) {
    case 'unit':
      return ctx.input.unitName;
    case 'year':
      return String(ctx.input.year);
    case 'prevYear':
      return String(ctx.input.year - 1);
    case 'i':
      return item ? String(item.index) : '';
    case 'cn':
      return item ? chineseNumber(item.index) : '';
    case 'row':
      return item?.label ?? '';
    case 'rowShort':
      return item ? shortName(item.label) : '';
    case 'rowClass':
      return item ? className(item.label) : '';
    case 'code':
      return item?.code ?? '';
  }
}

function segmentRuns(ctx: Ctx, seg: Segment): Run[] {
  const { scope, input } = ctx;
  const { options, template, texts } = input;
  const row = ctx.item?.row ?? null;
  switch (seg.t) {
    case 'lit':
      return [{ kind: 'text', text: seg.text }];
    case 'ctx':
      return [{ kind: 'text', text: contextText(ctx, seg.name) }];
    case 'value': {
      const v = evaluate(seg.e, scope);
      const inputKey = hasInput(seg.e);
      if (v === null) {
        const missing = missingInput(seg.e, scope);
        return [missing ? emptyInput(ctx, missing, figureLabel(ctx, seg, seg.e)) : { kind: 'text', text: template.noShare }];
      }
      const text = seg.name === 'amt' ? amountText(v, options.unit, styleOf(ctx)) : seg.name === 'num' ? hundredthsText(v) : String(v);
      if (inputKey) return [{ kind: 'input', text, key: inputKey }];
      return [{ kind: 'number', text, key: seg.source, cells: cellsOf(seg.e, row) }];
    }
    case 'ratio': {
      const a = evaluate(seg.a, scope);
      const b = evaluate(seg.b, scope);
      const cells = [...cellsOf(seg.a, row), ...cellsOf(seg.b, row)];
      if (a === null || b === null) {
        const missing = missingInput(seg.a, scope) ?? missingInput(seg.b, scope);
        return [missing ? emptyInput(ctx, missing, figureLabel(ctx, seg, seg.a, seg.b)) : { kind: 'text', text: template.noShare }];
      }
      const rate = percent(a, b);
      if (seg.name === 'pct') {
        if (rate === null) return [{ kind: 'text', text: template.noShare }];
        if (ctx.shareSink && !ctx.shareSink.taken) {
          ctx.shareSink.shares.push(rate);
          ctx.shareSink.taken = true;
        }
        return [{ kind: 'number', text: `${percentText(rate, styleOf(ctx))}%`, key: seg.source, cells }];
      }
      if (rate === null) {
        const idle = a === 0 && template.budget.idle !== undefined;
        return [{ kind: 'text', text: idle ? (template.budget.idle ?? '') : template.budget.noBudget }];
      }
      const shown = percentText(rate, styleOf(ctx));
      return template.budget.done
        .split(/(\{rate\})/)
        .filter((p) => p !== '')
        .map((p): Run => (p === '{rate}' ? { kind: 'number', text: shown, key: seg.source, cells } : { kind: 'text', text: p }));
    }
    case 'yoy': {
      const phrases = template.phrases[seg.set];
      if (!phrases) return [];
      const now = evaluate(seg.e, scope);
      const before = evaluate(seg.e, scope, true);
      const cells = cellsOf(seg.e, row);
      if (now === null || before === null) return phraseRuns(ctx, phrases.noPrev, 0, null, cells, seg.source);
      const delta = now - before;
      const pattern = delta === 0 ? phrases.flat : before === 0 ? phrases.prevZero : phrases.changed;
      return phraseRuns(ctx, pattern, delta, before, cells, seg.source);
    }
    case 'sign': {
      const v = evaluate(seg.e, scope);
      if (v === null) return [{ kind: 'text', text: template.noShare }];
      return [wordRun(ctx, seg.set, Math.sign(v), cellsOf(seg.e, row))];
    }
    case 'field': {
      const value = (texts[seg.key] ?? '').trim();
      if (value !== '') return [{ kind: 'field', text: value, key: seg.key }];
      // An optional field left empty prints nothing: its clause is dropped, never a «…».
      if (seg.optional) return [];
      return [{ kind: 'field', text: `«${labelOf(ctx, seg.key)}»`, key: seg.key, empty: true, required: true }];
    }
    case 'text': {
      const value = (texts[seg.key] ?? '').trim();
      return [value === '' ? emptyInput(ctx, seg.key) : { kind: 'input', text: value, key: seg.key }];
    }
  }
}

function textRuns(ctx: Ctx, text: string): Run[] {
  return segments(text).flatMap((s) => segmentRuns(ctx, s));
}

function holds(ctx: Ctx, condition: string | undefined): boolean {
  if (condition === undefined) return true;
  return Boolean(evaluate(compiled(condition), ctx.scope));
}

function keptByZeroFilter(ctx: Ctx, filter: string | undefined): boolean {
  return ctx.input.options.zeroItems === 'all' || holds(ctx, filter);
}

const exprCache = new Map<string, Expr>();

function compiled(source: string): Expr {
  let e = exprCache.get(source);
  if (!e) {
    e = parseExpr(source);
    exprCache.set(source, e);
  }
  return e;
}

function items(ctx: Ctx, each: EachSource): Item[] {
  if ('lines' in each) {
    return (ctx.input.texts[each.lines] ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .map((label, i) => ({ row: String(i + 1), label, code: '', index: i + 1 }));
  }
  const { report } = ctx.input;
  if (!report.tableIds().includes(each.table)) return [];
  const out: Item[] = [];
  for (const side of report.layout(each.table).sides) {
    for (const row of side.rows) {
      if (each.level && row.level !== each.level) continue;
      const code = row.code ?? row.id;
      if (each.under && !each.under.some((u) => code.startsWith(u))) continue;
      out.push({ row: row.id, label: row.label, code, index: 0 });
    }
  }
  return out;
}

function withItem(ctx: Ctx, item: Item | null): Ctx {
  return { ...ctx, item, scope: { ...ctx.scope, row: item?.row ?? null } };
}

/** The items of a list kept by its conditions, numbered 1… in order. */
function keptItems(ctx: Ctx, each: EachSource, itemWhen: string | undefined, zeroFilter: string | undefined): Item[] {
  const kept: Item[] = [];
  for (const item of items(ctx, each)) {
    const c = withItem(ctx, item);
    if (holds(c, itemWhen) && keptByZeroFilter(c, zeroFilter)) kept.push({ ...item, index: kept.length + 1 });
  }
  return kept;
}

function partRuns(ctx: Ctx, part: Part): Run[] {
  if (typeof part === 'string') return textRuns(ctx, part);
  if (!holds(ctx, part.when)) return [];
  if (!part.each && !keptByZeroFilter(ctx, part.zeroFilter)) return [];
  const join = part.join ?? '';
  const body = (c: Ctx): Run[] => [
    ...(part.text !== undefined ? textRuns(c, part.text) : []),
    ...(part.parts && !part.each ? joinRuns(c, part.parts, join) : (part.parts ?? []).flatMap((p) => partRuns(c, p))),
  ];
  if (!part.each) return body(ctx);
  const kept = keptItems(ctx, part.each, part.itemWhen, part.zeroFilter);
  const sink = part.shares !== undefined ? { shares: [] as string[], taken: false } : null;
  const pieces = kept.map((item) => {
    const c = { ...withItem(ctx, item), shareSink: sink };
    if (sink) sink.taken = false;
    return body(c);
  });
  if (sink && part.shares !== undefined) ctx.groups.push({ id: ctx.blockId, label: part.shares, shares: sink.shares });
  return joined(pieces, join);
}

function joined(pieces: Run[][], join: string): Run[] {
  const out: Run[] = [];
  for (const piece of pieces.filter((p) => p.length > 0)) {
    if (out.length > 0 && join !== '') out.push({ kind: 'text', text: join });
    out.push(...piece);
  }
  return out;
}

function joinRuns(ctx: Ctx, parts: Part[], join: string): Run[] {
  return joined(
    parts.map((p) => partRuns(ctx, p)),
    join,
  );
}

/** Adjacent plain-text runs merged, empty runs dropped: fewer, longer runs read better in Word. */
function tidy(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const last = out[out.length - 1];
    if (last && last.kind === 'text' && run.kind === 'text') last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}

function scopeOf(input: NarrativeInput, fields: Map<string, FieldDef>): EvalScope {
  return {
    cell: (t, r, c) => (input.report.tableIds().includes(t) ? (input.report.value(t, r, c) ?? 0) : 0),
    prevCell: (t, r, c) => (input.lastYear ? input.lastYear.value(t, r, c) : null),
    input: (key) => {
      const field = fields.get(key);
      const raw = input.texts[key];
      if (!field || raw === undefined) return null;
      const parsed = parseFieldValue(field, raw);
      return parsed.ok ? parsed.value : null;
    },
    filled: (key) => (input.texts[key] ?? '').trim() !== '',
    option: (name) => (name === 'nonZero' ? input.options.zeroItems === 'nonZero' : name === 'wan' ? input.options.unit === '万元' : false),
    row: null,
  };
}

export function generateNarrative(input: NarrativeInput): NarrativeDoc {
  const fields = fieldsByKey(input.template);
  const shareGroups: ShareGroup[] = [];
  const top: Ctx = { input, fields, scope: scopeOf(input, fields), item: null, shareSink: null, groups: shareGroups, blockId: '' };
  const blocks: Block[] = [];
  let headingNo = 0;
  for (const def of input.template.blocks) {
    const root: Ctx = { ...top, blockId: def.type === 'heading' ? '' : def.id };
    if (!holds(root, def.when)) continue;
    if (def.type === 'heading') {
      blocks.push({ type: 'heading', id: `h${++headingNo}`, level: def.level, runs: tidy(textRuns(root, def.text)) });
      continue;
    }
    if (def.type === 'paragraph') {
      const runs = tidy(joinRuns(root, def.parts, ''));
      if (runs.some((r) => r.text.trim() !== '')) {
        blocks.push({ type: 'paragraph', id: def.id, runs, ...(def.check ? { check: def.check } : {}), ...(def.fixed ? { fixed: true } : {}) });
      }
      continue;
    }
    const kept = keptItems(root, def.each, def.itemWhen, def.zeroFilter);
    const sink = def.shares !== undefined ? { shares: [] as string[], taken: false } : null;
    for (const item of kept) {
      if (sink) sink.taken = false;
      const ctx: Ctx = { ...withItem(root, item), shareSink: sink };
      const runs = tidy(joinRuns(ctx, def.item, ''));
      blocks.push({ type: 'paragraph', id: `${def.id}.${item.row}`, runs, ...(def.check ? { check: def.check } : {}) });
    }
    if (sink && def.shares !== undefined) shareGroups.push({ id: def.id, label: def.shares, shares: sink.shares });
  }
  return { title: tidy(textRuns(top, input.template.title)).map((r) => r.text).join(''), unit: input.options.unit, blocks, shareGroups };
}
