/**
 * The generated 情况说明 as blocks of runs. Each run says where its text came from, so the screen can
 * mark generated figures and clerk fields, the exporters can write plain text or Word, and the
 * N-checks can find every figure again in a paragraph the clerk edited by hand.
 */
import type { CellKey } from '../base/cellKey';
import type { MoneyUnit } from '../money/fen';

/**
 * text   — fixed wording of the template;
 * number — an amount, percentage or count computed from the tables (or from last year's figures);
 * word   — a word chosen by a sign (增加/减少/持平, 增长/下降, 大于/小于/等于);
 * field  — text the clerk writes («主要原因» …);
 * input  — a figure or name the clerk typed in a narrative form (基本情况, 政府采购, 资产处置 …).
 */
export type RunKind = 'text' | 'number' | 'word' | 'field' | 'input';

export interface Run {
  kind: RunKind;
  text: string;
  /** field/input: the report text key; number: a short name of what it is, for messages. */
  key?: string;
  /** field/input with nothing written yet: `text` is a «label» placeholder. */
  empty?: boolean;
  /** field: a 原因 the check asks for because the figures around it changed (N-8). */
  required?: boolean;
  /** word: every word of its set, so a check can tell a wrong or doubled word (增加减少). */
  alternatives?: string[];
  /** number/word: the table cells it was computed from (for the audit panel). */
  cells?: CellKey[];
}

export interface HeadingBlock {
  type: 'heading';
  id: string;
  /** 1 = 第一部分 …, 2 = 一、…, 3 = （一）… */
  level: 1 | 2 | 3;
  runs: Run[];
}

export interface ParagraphBlock {
  type: 'paragraph';
  /** Stable id: template id, plus the row id for list items; a hand edit is stored under it. */
  id: string;
  runs: Run[];
  /** Spec §3.3 check this paragraph falls under (N-1 … N-6), from the template. */
  check?: string;
  /** The pack's standard wording (口径说明, 名词解释 …), which the clerk may edit for this report. */
  fixed?: boolean;
}

/** The shares (占…%) of one whole listed item by item, for N-7: they should add up to 100.00%. */
export interface ShareGroup {
  /** Template id of the list. */
  id: string;
  label: string;
  /** Percent strings, 2 decimals, as printed. */
  shares: string[];
}

export type Block = HeadingBlock | ParagraphBlock;

export interface NarrativeDoc {
  title: string;
  unit: MoneyUnit;
  blocks: Block[];
  shareGroups: ShareGroup[];
}

export function blockText(block: Block): string {
  return block.runs.map((r) => r.text).join('');
}
