/**
 * One value the clerk types for the narrative: kept as a report text, saved as it is typed (after a
 * pause under a second) and when the box is left.
 * Numbers are checked with the shared field parsers before anything is stored.
 */
import { useEffect, useRef, useState } from 'react';
import { useAutosave } from '../edit/useAutosave';

export interface FieldRowProps {
  /** The report text key; also the element's data-field-key, so the document can jump to it. */
  textKey: string;
  label: string;
  multiline: boolean;
  stored: string;
  hint?: string;
  /** Why the typed text cannot be kept, in Chinese; null when it can. */
  check(raw: string): string | null;
  /** Stores the value (null deletes it); resolves to an error text or null. */
  save(value: string | null): Promise<string | null>;
  /** A 原因 asked for by the figures and still empty, or a value the document is waiting for. */
  wanted?: boolean;
}

export function FieldRow({ textKey, label, multiline, stored, hint, check, save, wanted }: FieldRowProps) {
  const [draft, setDraft] = useState(stored);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(stored), [stored]);

  const savedRef = useRef(stored);
  savedRef.current = stored;
  const inFlight = useRef<string | null>(null);
  /** `typing`: saved while the clerk is still in the box — the box stays editable and a bad number waits. */
  const commit = async (typing = false) => {
    const value = multiline ? draft.replace(/\s+$/, '') : draft.trim();
    if (value === savedRef.current || value === inFlight.current) {
      if (!typing) setError(null);
      return;
    }
    const problem = value === '' ? null : check(value);
    if (problem) {
      if (!typing) setError(problem);
      return;
    }
    setError(null);
    if (!typing) setBusy(true);
    inFlight.current = value;
    const failed = await save(value === '' ? null : value);
    inFlight.current = null;
    if (!typing) setBusy(false);
    setError(failed);
  };
  useAutosave(() => void commit(true), draft);

  const common = {
    'data-field-key': textKey,
    'aria-label': label,
    'aria-invalid': error !== null,
    value: draft,
    disabled: busy,
    placeholder: hint,
    onBlur: () => void commit(),
  };
  const empty = stored.trim() === '';
  return (
    <div className={`nv-field${empty ? ' empty' : ''}${empty && wanted ? ' wanted' : ''}${error ? ' invalid' : ''}`}>
      <label>
        <span className="nv-field-label">{label}</span>
        {multiline ? (
          <textarea {...common} rows={3} onChange={(e) => setDraft(e.target.value)} />
        ) : (
          <input
            {...common}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void commit();
              if (e.key === 'Escape') {
                setDraft(stored);
                setError(null);
              }
            }}
          />
        )}
      </label>
      {error && (
        <p className="nv-field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
