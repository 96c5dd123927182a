/** The unit register's view of a report's printed copies: the latest one, and whether today's data still matches it. */
import type { PrintMark } from '../../../shared/api/printSchemas';
import type { Pack } from '../../../shared/pack/model';
import type { FingerprintSource } from '../../../shared/print/fingerprint';
import { reportFingerprint } from './fingerprints';

export function printMark(copies: { fingerprints: string[]; printedAt: string }, source: FingerprintSource, pack: Pack): PrintMark | null {
  const latest = copies.fingerprints[0];
  if (!latest) return null;
  return { fingerprint: latest, printedAt: copies.printedAt, current: reportFingerprint(source, pack).fingerprint === latest };
}
