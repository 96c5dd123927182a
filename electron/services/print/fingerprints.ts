/** SHA-256 fingerprints of a report's data (canonical form in shared/print/fingerprint.ts). */
import { createHash } from 'node:crypto';
import { canonicalParts, combinedText, shortFingerprint, type FingerprintSource } from '../../../shared/print/fingerprint';
import type { Pack } from '../../../shared/pack/model';

export interface PartFingerprint {
  id: string;
  title: string;
  fingerprint: string;
}

export interface ReportFingerprint {
  /** The 8 characters printed on every page. */
  fingerprint: string;
  parts: PartFingerprint[];
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function reportFingerprint(source: FingerprintSource, pack: Pack): ReportFingerprint {
  const digests = canonicalParts(source, pack).map((p) => ({ id: p.id, title: p.title, digest: sha256(p.text) }));
  return {
    fingerprint: shortFingerprint(sha256(combinedText(digests))),
    parts: digests.map((d) => ({ id: d.id, title: d.title, fingerprint: shortFingerprint(d.digest) })),
  };
}
