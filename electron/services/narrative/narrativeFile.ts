/**
 * The bytes of an exported 情况说明 (.txt or .docx), written only when nothing is left unfilled or the
 * clerk said to export anyway: the one gate the screen, the CLI and print all pass through.
 */
import { AppError } from '../../../shared/api/errors';
import { unfilledMessage, unfilledPlaceholders } from '../../../shared/narrative/unfilled';
import { narrativeDocx } from './exportDocx';
import { narrativeTextFile } from './exportText';
import type { ReportNarrative } from './reportNarrative';

/** Refuses, listing every «…», unless `allowUnfilled`; `howToAllow` says how to export anyway. */
export function assertFilled(result: Pick<ReportNarrative, 'doc' | 'edits'>, allowUnfilled: boolean, howToAllow: string): void {
  if (allowUnfilled) return;
  const unfilled = unfilledPlaceholders(result.doc, result.edits);
  if (unfilled.length > 0) throw new AppError(unfilledMessage(unfilled, howToAllow));
}

export async function narrativeFileBytes(
  result: Pick<ReportNarrative, 'doc' | 'edits'>,
  format: 'txt' | 'docx',
  allowUnfilled: boolean,
  howToAllow: string,
): Promise<Buffer> {
  assertFilled(result, allowUnfilled, howToAllow);
  return format === 'docx' ? narrativeDocx(result.doc, result.edits) : narrativeTextFile(result.doc, result.edits);
}
