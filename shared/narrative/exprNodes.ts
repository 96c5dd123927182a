/** The one walk over a template expression: every node, depth first (for cell references and form keys). */
import type { Expr } from './expr';

export function* exprNodes(e: Expr): Generator<Expr> {
  yield e;
  switch (e.k) {
    case 'prev':
    case 'hasPrev':
    case 'changed':
    case 'abs':
    case 'not':
      yield* exprNodes(e.e);
      break;
    case 'bin':
      yield* exprNodes(e.a);
      yield* exprNodes(e.b);
      break;
    default:
      break;
  }
}

/** The form keys an expression reads with in(KEY), in order, each once. */
export function formInputs(e: Expr): string[] {
  const keys: string[] = [];
  for (const n of exprNodes(e)) if (n.k === 'input' && !keys.includes(n.key)) keys.push(n.key);
  return keys;
}
