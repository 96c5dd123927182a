/** The one walk over a template expression: every node, depth first (for cell references and form keys). */
import type { Expr } from './expr';

export function* exprNodes(e: Expr): Generator<Expr> {
  yield e;
  switch (e.type) {
    case 'neg':
    case 'not':
      yield* exprNodes(e.operand);
      break;
    case 'binary':
    case 'compare':
    case 'logic':
      yield* exprNodes(e.left);
      yield* exprNodes(e.right);
      break;
    case 'call':
      for (const a of e.args) yield* exprNodes(a);
      break;
    default:
      break;
  }
}

/** The name a call to IN / FILLED / OPT reads, or null for any other node. */
export function keyRead(e: Expr, fn: 'IN' | 'FILLED' | 'OPT'): string | null {
  if (e.type !== 'call' || e.name !== fn) return null;
  const [a] = e.args;
  return a?.type === 'key' ? a.key : null;
}

/** The form keys an expression reads with IN(KEY), in order, each once. */
export function formInputs(e: Expr): string[] {
  const keys: string[] = [];
  for (const n of exprNodes(e)) {
    const key = keyRead(n, 'IN');
    if (key !== null && !keys.includes(key)) keys.push(key);
  }
  return keys;
}
