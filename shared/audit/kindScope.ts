/**
 * A department's figures over only its units of some kinds. A check the rules restrict to unit kinds
 * 机关运行经费 = 公用经费合计 for 行政单位 and 参公事业单位) is about those units; in a department
 * that also has other units it compares the same units on both sides — 机关运行经费 (summed over the
 * 行政/参公 units only) against their own 公用经费合计, not the whole department's.
 */
import type { CellKey } from '../base/cellKey';
import type { UnitKind } from '../base/unit';

export interface KindScope {
  /** The unit kinds the scoped figures cover. */
  kinds: UnitKind[];
  /** Added to both sides' words in the message, so the clerk sees whose figures are compared. */
  words: string;
  /** Values of the cells the kind-restricted checks read, over those units only. */
  values: Record<CellKey, number>;
}
