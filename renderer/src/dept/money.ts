/** Amounts in the department screens: 元 with thousands separators, as the grids show them. */
import { formatAmount, parseAmount } from '../../../shared/money/fen';

export function yuan(fen: number | null): string {
  return fen === null ? '' : formatAmount(fen, { unit: '元' });
}

/** A typed amount in 元 → 分; null for blank; a Chinese message when it is not an amount. */
export function parseYuan(text: string): { ok: true; fen: number | null } | { ok: false; message: string } {
  const parsed = parseAmount(text);
  return parsed.ok ? { ok: true, fen: parsed.fen } : { ok: false, message: parsed.message };
}
