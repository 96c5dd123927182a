/** Amounts and comparison words in audit messages; formatting happens here, at the edge. */
import type { CompareOp } from '../engine/ast';
import { displayCellValue, type KindLike } from '../pack/cellKind';

/** The relation that holds when a comparison fails, as printed: `=` fails as ≠. */
export const FAILED_OP: Record<CompareOp, string> = { '=': '≠', '<>': '=', '<=': '>', '>=': '<', '<': '≥', '>': '≤' };

export function formatValue(value: number, kind: KindLike): string {
  return displayCellValue(value, kind);
}

/** Fills `{name}` placeholders; unknown names stay as written (rules.json is checked for them). */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}
