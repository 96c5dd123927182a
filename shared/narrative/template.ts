/**
 * The 情况说明 template as pack data (resources/packs/<pack>/narrative/template.json): the wording with
 * placeholders, conditions and lists, the phrase sets for year-on-year and budget sentences, and the
 * forms for what the tables do not hold. Wording is corrected there, never in code.
 *
 * Placeholders inside text (see the pack's narrative/README.md for the full list):
 *   {unit} {year} {prevYear} {i} {cn} {row} {rowShort} {rowClass} {code}
 *   {amt E} {cnt E} {num E} {pct A / B} {done A / B} {yoy E} {yoy:SET E} {sign:SET E}
 *   (a value or ratio may end in «label», its name while a form value it needs is empty)
 *   {field KEY} {field? KEY} {text KEY}
 * Expressions E: cell refs T05.TOTAL.c3 (T05.$.c3 = the current list row), numbers, + -, comparisons
 * = != > < >= <=, and/or/not, and prev(E) hasPrev(E) changed(E) abs(E) in(KEY) filled(KEY) opt(NAME).
 */
import { z } from 'zod';

export type FieldKind = 'text' | 'longtext' | 'lines' | 'count' | 'money' | 'decimal';

export interface FieldDef {
  /** Report text key: narrative.*, info.*, purchase.*, asset.*, budget.*, cover.* */
  key: string;
  /** Label on the form, in Chinese. */
  label: string;
  kind: FieldKind;
  /** A 原因 the clerk must give when the figures around it differ (spec N-8). */
  reason?: boolean;
  hint?: string;
}

export interface FormDef {
  id: string;
  title: string;
  note?: string;
  fields: FieldDef[];
}

/** Where list items come from: rows of a table (by level and parent codes), or lines of a text. */
export type EachSource =
  | { table: string; level?: '类' | '款' | '项'; under?: string[] }
  | { lines: string };

export interface PartObject {
  text?: string;
  parts?: Part[];
  /** Joins the kept `parts` (or the items of `each`) with this text. */
  join?: string;
  when?: string;
  /** Kept only when it holds, if the clerk chose to list non-zero items only. */
  zeroFilter?: string;
  each?: EachSource;
  /** With `each`: keeps only the items for which it holds, whatever the zero-items option. */
  itemWhen?: string;
  /** The shares of this list's items should add up to 100.00% (N-7); the label names the list. */
  shares?: string;
}

export type Part = string | PartObject;

export interface HeadingDef {
  type: 'heading';
  level: 1 | 2 | 3;
  text: string;
  when?: string;
}

export interface ParagraphDef {
  type: 'paragraph';
  id: string;
  parts: Part[];
  when?: string;
  check?: string;
  /**
   * Standard wording of the pack (相关口径说明, 名词解释, 其他重要事项): printed as the pack writes it
   * until the clerk edits it for this report; the edit is then kept and printed instead.
   */
  fixed?: boolean;
}

export interface ListDef {
  type: 'list';
  id: string;
  each: EachSource;
  /** One paragraph per kept item. */
  item: Part[];
  when?: string;
  itemWhen?: string;
  zeroFilter?: string;
  check?: string;
  shares?: string;
}

export type TemplateBlock = HeadingDef | ParagraphDef | ListDef;

/**
 * A year-on-year (or any change) sentence. Slots: {dir} {rateDir} (words by sign, from `words`),
 * {delta} (|Δ| as an amount), {rate} (|Δ|/上年, 2 dp), {prevYear}.
 */
export interface PhraseSet {
  changed: string;
  flat: string;
  /** 上年 = 0 but this year not: no growth rate can be computed. */
  prevZero: string;
  /** No 上年数 at all (first year, or not typed in). */
  noPrev: string;
}

export interface NarrativeTemplate {
  id: string;
  title: string;
  /** Word sets chosen by sign: [positive, negative, zero]. */
  signs: Record<string, [string, string, string]>;
  /** Which sign set fills {dir} and {rateDir} of the phrase sets. */
  phraseWords: { dir: string; rateDir: string };
  phrases: Record<string, PhraseSet>;
  /** Budget completion: {rate}; noBudget when the 预算数 is 0; idle when 预算数 and 决算数 are both 0. */
  budget: { done: string; noBudget: string; idle?: string };
  /** Shown where a share's whole is 0 (templates guard against it with `when`). */
  noShare: string;
  forms: FormDef[];
  blocks: TemplateBlock[];
}

const text = z.string();
const eachSource: z.ZodType<EachSource> = z.union([
  z.object({ lines: z.string().min(1) }).strict(),
  z
    .object({
      table: z.string().min(1),
      level: z.enum(['类', '款', '项']).optional(),
      under: z.array(z.string().min(1)).optional(),
    })
    .strict(),
]);

const part: z.ZodType<Part> = z.lazy(() =>
  z.union([
    text,
    z
      .object({
        text: text.optional(),
        parts: z.array(part).optional(),
        join: text.optional(),
        when: text.optional(),
        zeroFilter: text.optional(),
        each: eachSource.optional(),
        itemWhen: text.optional(),
        shares: text.optional(),
      })
      .strict(),
  ]),
);

const phraseSet = z.object({ changed: text, flat: text, prevZero: text, noPrev: text }).strict();

const field = z
  .object({
    key: z.string().regex(/^[a-z]+\.[A-Za-z0-9_.]+$/),
    label: z.string().min(1),
    kind: z.enum(['text', 'longtext', 'lines', 'count', 'money', 'decimal']),
    reason: z.boolean().optional(),
    hint: z.string().optional(),
  })
  .strict();

export const templateSchema = z
  .object({
    id: z.string().min(1),
    title: text,
    signs: z.record(z.string(), z.tuple([text, text, text])),
    phraseWords: z.object({ dir: z.string(), rateDir: z.string() }).strict(),
    phrases: z.record(z.string(), phraseSet),
    budget: z.object({ done: text, noBudget: text, idle: text.optional() }).strict(),
    noShare: text,
    forms: z.array(
      z.object({ id: z.string().min(1), title: z.string().min(1), note: z.string().optional(), fields: z.array(field) }).strict(),
    ),
    blocks: z.array(
      z.discriminatedUnion('type', [
        z.object({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), text, when: text.optional() }).strict(),
        z
          .object({
            type: z.literal('paragraph'),
            id: z.string().min(1),
            parts: z.array(part),
            when: text.optional(),
            check: text.optional(),
            fixed: z.boolean().optional(),
          })
          .strict(),
        z
          .object({
            type: z.literal('list'),
            id: z.string().min(1),
            each: eachSource,
            item: z.array(part),
            when: text.optional(),
            itemWhen: text.optional(),
            zeroFilter: text.optional(),
            check: text.optional(),
            shares: text.optional(),
          })
          .strict(),
      ]),
    ),
  })
  .strict();

/** Every field declared by the template's forms, by key. */
export function fieldsByKey(template: NarrativeTemplate): Map<string, FieldDef> {
  const map = new Map<string, FieldDef>();
  for (const form of template.forms) for (const f of form.fields) map.set(f.key, f);
  return map;
}
