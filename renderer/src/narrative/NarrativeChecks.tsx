/**
 * The N-check results of the whole document (spec §3.3): rewritten paragraphs that no longer match
 * the tables, shares that do not add up, 原因 still to write. All are 提示 — the export is never blocked.
 */
import { useState } from 'react';
import type { NarrativeCheckResult } from '../../../shared/narrative/check';

interface Props {
  checks: readonly NarrativeCheckResult[];
  onParagraph(id: string): void;
}

export function NarrativeChecks({ checks, onParagraph }: Props) {
  const [open, setOpen] = useState(true);
  const mismatches = checks.filter((c) => c.id !== 'N-0');
  const missing = checks.length - mismatches.length;
  return (
    <section className={`nv-checks${mismatches.length > 0 ? ' on' : ''}`} aria-label="情况说明核对">
      <header>
        <span role="status">
          核对提示 <b>{mismatches.length}</b> 条{missing > 0 ? `，待填写 ${missing} 项` : ''}
        </span>
        {checks.length > 0 && (
          <button type="button" className="nv-link" onClick={() => setOpen((o) => !o)}>
            {open ? '收起' : '展开'}
          </button>
        )}
      </header>
      {open && mismatches.length > 0 && (
        <ul>
          {mismatches.map((c, i) => (
            <li key={i}>
              <button type="button" className="nv-link" onClick={() => c.paragraphId && onParagraph(c.paragraphId)} disabled={c.paragraphId === null}>
                <span className="nv-check-id">{c.id}</span> {c.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
