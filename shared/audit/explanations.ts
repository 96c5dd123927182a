/**
 * 出错说明: the clerk's written reason for a 提示 result, stored as the report text
 * `explain.<resultId>` so it travels with the report. A 强制 failure cannot be explained away.
 */
import type { AuditResult } from './types';

export const EXPLAIN_PREFIX = 'explain.';
export const MIN_EXPLANATION_LENGTH = 6;

export function explanationKey(resultId: string): string {
  return `${EXPLAIN_PREFIX}${resultId}`;
}

/** Characters as a clerk counts them (a CJK character is one). */
function length(text: string): number {
  return [...text.trim()].length;
}

/** Why an explanation cannot be saved for a result, in Chinese; null when it can. */
export function explanationProblem(result: Pick<AuditResult, 'level' | 'message'>, text: string): string | null {
  if (result.level !== '提示') return `强制审核规则不能用说明代替修改：${result.message}`;
  if (length(text) < MIN_EXPLANATION_LENGTH) return `出错说明至少 ${MIN_EXPLANATION_LENGTH} 个字，现在 ${length(text)} 个字`;
  return null;
}

/** The explanation stored for a result, or null (none, too short, or the result is 强制). */
export function storedExplanation(texts: Readonly<Record<string, string>>, resultId: string, level: AuditResult['level']): string | null {
  if (level !== '提示') return null;
  const text = texts[explanationKey(resultId)];
  return text !== undefined && length(text) >= MIN_EXPLANATION_LENGTH ? text.trim() : null;
}
