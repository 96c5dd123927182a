/**
 * The 情况说明 checks (N-0 … N-9, all 提示) as a group of the audit panel: a figure or 增/减 word of
 * the text that no longer matches the tables, or a field still to fill. A click opens the 情况说明,
 * where the clerk fixes the text.
 */
import type { NarrativeCheckResult } from '../../../shared/narrative/check';

export function NarrativeCheckGroup({ checks, onOpen }: { checks: readonly NarrativeCheckResult[]; onOpen(): void }) {
  if (checks.length === 0) return null;
  return (
    <section className="audit-group" aria-label="情况说明">
      <h3>
        情况说明 <span className="audit-group-n">{checks.length}</span>
      </h3>
      <ul>
        {checks.map((check, i) => (
          <li key={`${check.id}-${check.paragraphId ?? 'doc'}-${i}`} className="audit-item soft" data-result={check.id}>
            <button type="button" className="audit-item-main" onClick={onOpen} title="打开情况说明">
              <span className="audit-level">{check.level}</span>
              <span className="audit-rule">{check.id}</span>
              <span className="audit-message">{check.message}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
