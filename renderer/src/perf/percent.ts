/** A rate B/A as the 自评表 prints it (2 decimals, half-up, exact), or — when A is 0. */
import { percent, type Fen } from '../../../shared/money/fen';

export function percentOf(part: Fen, whole: Fen): string {
  const rate = percent(part, whole);
  return rate === null ? '—' : `${rate}%`;
}
