/**
 * A data fingerprint kept part by part (the parts and digests of reportFingerprint), so that when one
 * table of a large report changes only that table is put in canonical form and hashed again — what a
 * walk through many points of a history needs.
 */
import { createHash } from 'node:crypto';
import { canonicalParts, combinedText, shortFingerprint, type FingerprintSource } from '../../../shared/print/fingerprint';
import type { Pack } from '../../../shared/pack/model';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export class PartDigests {
  private readonly digests = new Map<string, string>();
  private order: string[] = [];

  constructor(private readonly pack: Pack) {}

  /**
   * Hashes again the parts of `source` whose ids are in `parts` (every part when omitted). `source` may
   * hold only those tables' inputs and rows; its texts are always whole (the text parts are small).
   */
  update(source: FingerprintSource, parts?: ReadonlySet<string>): void {
    const all = canonicalParts(source, this.pack);
    if (!parts) {
      this.digests.clear();
      this.order = all.map((p) => p.id);
    }
    for (const p of all) if (!parts || parts.has(p.id)) this.digests.set(p.id, sha256(p.text));
    // A part that appears or goes (绩效自评 texts) changes the order: taken from this source's parts.
    const ids = all.map((p) => p.id);
    if (ids.length !== this.order.length || ids.some((id, i) => id !== this.order[i])) this.order = ids;
  }

  /** The 8 characters printed on every page. */
  fingerprint(): string {
    return shortFingerprint(sha256(combinedText(this.order.map((id) => ({ id, digest: this.digests.get(id) ?? '' })))));
  }
}
