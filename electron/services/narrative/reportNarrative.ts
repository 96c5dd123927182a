/**
 * The 情况说明 of one stored report: its engine and texts, last year's figures (year Y−1 of the same
 * unit in the database if there, else the 上年数 the clerk typed), the clerk's options and rewrites.
 */
import type { ReportRef } from '../../../shared/api/contract';
import type { MoneyUnit } from '../../../shared/money/fen';
import { checkNarrative, type NarrativeCheckResult } from '../../../shared/narrative/check';
import type { NarrativeDoc } from '../../../shared/narrative/document';
import { editsFromTexts } from '../../../shared/narrative/edits';
import { generateNarrative, type LastYearValues, type NarrativeOptions } from '../../../shared/narrative/generate';
import { lastYearFromReport, lastYearFromTexts } from '../../../shared/narrative/lastYear';
import { DEFAULT_STYLE, type FigureStyle } from '../../../shared/narrative/format';
import { narrativeOptions } from '../../../shared/narrative/options';
import type { NarrativeTemplate } from '../../../shared/narrative/template';
import type { ReportSessions } from '../reportSessions';
import { previousYearSession } from '../storedSession';

export interface ReportNarrative {
  doc: NarrativeDoc;
  edits: Record<string, string>;
  checks: NarrativeCheckResult[];
  /** Where 上年数 came from. */
  lastYear: 'database' | 'typed' | 'none';
}

export async function reportNarrative(
  sessions: ReportSessions,
  template: NarrativeTemplate,
  ref: ReportRef,
  overrides: { unit?: MoneyUnit; zeroItems?: NarrativeOptions['zeroItems']; style?: Partial<FigureStyle> } = {},
): Promise<ReportNarrative> {
  const session = await sessions.open(ref);
  const previous = await previousYearSession(sessions, ref);
  const engine = session.engine;
  const typed = lastYearFromTexts(session.texts, (t, r, c) => engine.kindOf(t, r, c) ?? 'money');
  const lastYear: LastYearValues | null = previous ? lastYearFromReport(previous.engine) : typed;
  const stored = narrativeOptions(session.texts);
  const { style, ...rest } = overrides;
  const options: NarrativeOptions = { ...stored, ...rest, style: { ...DEFAULT_STYLE, ...stored.style, ...style } };
  const doc = generateNarrative({
    template,
    report: engine,
    unitName: session.unit.name,
    year: ref.year,
    texts: session.texts,
    lastYear,
    options,
  });
  const edits = editsFromTexts(session.texts);
  return { doc, edits, checks: checkNarrative(doc, edits), lastYear: previous ? 'database' : typed ? 'typed' : 'none' };
}
