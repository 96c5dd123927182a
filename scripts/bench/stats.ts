/** Order statistics of a sample of durations in milliseconds. */
export function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

export function ms(value: number): string {
  return value < 1 ? `${(value * 1000).toFixed(1)} µs` : `${value.toFixed(2)} ms`;
}

/** Times `fn` once, in milliseconds. */
export async function timed(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export interface Figure {
  what: string;
  value: string;
  target?: string;
}

/** Terminal columns of a string: CJK characters take two. */
function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
  return n;
}

export function printFigures(title: string, figures: Figure[]): void {
  console.log(`\n${title}`);
  const width = Math.max(...figures.map((f) => columns(f.what)));
  for (const f of figures) {
    const pad = ' '.repeat(width - columns(f.what));
    console.log(`  ${f.what}${pad}  ${f.value.padStart(10)}${f.target ? `   (目标 ${f.target})` : ''}`);
  }
}
