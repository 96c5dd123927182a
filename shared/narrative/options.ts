/** The clerk's narrative options, kept as report texts so the screen, the CLI and exports agree. */
import type { NarrativeOptions } from './generate';
import type { FigureStyle } from './format';

export const OPTION_UNIT_KEY = 'narrative.option.unit';
export const OPTION_ZERO_KEY = 'narrative.option.zeroItems';
/** `100%` or `100.00%`. */
export const OPTION_PERCENT_KEY = 'narrative.option.percent';
/** `0元` or `0.00元`. */
export const OPTION_ZERO_AMOUNT_KEY = 'narrative.option.zeroAmount';
/** `grouped` (6,442,713.85元) or `plain`. */
export const OPTION_GROUPING_KEY = 'narrative.option.grouping';

/** The figure style stored with a report; S001's (100.00%, 0.00元, no separators) when not chosen. */
export function figureStyle(texts: Readonly<Record<string, string>>): FigureStyle {
  return {
    percent: texts[OPTION_PERCENT_KEY] === '100%' ? 'trim' : 'fixed',
    zero: texts[OPTION_ZERO_AMOUNT_KEY] === '0元' ? 'bare' : 'fixed',
    grouping: texts[OPTION_GROUPING_KEY] === 'grouped',
  };
}

/** Defaults follow S001: amounts in 元, every 类 listed even when 0. */
export function narrativeOptions(texts: Readonly<Record<string, string>>): NarrativeOptions {
  return {
    unit: texts[OPTION_UNIT_KEY] === '万元' ? '万元' : '元',
    zeroItems: texts[OPTION_ZERO_KEY] === 'nonZero' ? 'nonZero' : 'all',
    style: figureStyle(texts),
  };
}

/** The texts that store a style (for the screen's buttons and the CLI's flags). */
export function styleTexts(style: Partial<FigureStyle>): Record<string, string> {
  const out: Record<string, string> = {};
  if (style.percent) out[OPTION_PERCENT_KEY] = style.percent === 'trim' ? '100%' : '100.00%';
  if (style.zero) out[OPTION_ZERO_AMOUNT_KEY] = style.zero === 'bare' ? '0元' : '0.00元';
  if (style.grouping !== undefined) out[OPTION_GROUPING_KEY] = style.grouping ? 'grouped' : 'plain';
  return out;
}
