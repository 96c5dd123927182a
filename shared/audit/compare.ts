/** A comparison with a tolerance: an equality holds within ±tolerance, an inequality with that slack. */
import type { CompareOp } from '../engine/ast';

export function compareHolds(op: CompareOp, a: number, b: number, tolerance: number): boolean {
  switch (op) {
    case '=':
      return Math.abs(a - b) <= tolerance;
    case '<>':
      return Math.abs(a - b) > tolerance;
    case '<=':
      return a <= b + tolerance;
    case '>=':
      return a + tolerance >= b;
    case '<':
      return a < b + tolerance;
    case '>':
      return a + tolerance > b;
  }
}
