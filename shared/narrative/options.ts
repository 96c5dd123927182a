/** The clerk's narrative options, kept as report texts so the screen, the CLI and exports agree. */
import type { NarrativeOptions } from './generate';

export const OPTION_UNIT_KEY = 'narrative.option.unit';
export const OPTION_ZERO_KEY = 'narrative.option.zeroItems';

/** Defaults follow S001: amounts in 元, every 类 listed even when 0. */
export function narrativeOptions(texts: Readonly<Record<string, string>>): NarrativeOptions {
  return {
    unit: texts[OPTION_UNIT_KEY] === '万元' ? '万元' : '元',
    zeroItems: texts[OPTION_ZERO_KEY] === 'nonZero' ? 'nonZero' : 'all',
  };
}
