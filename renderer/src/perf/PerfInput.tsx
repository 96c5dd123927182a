/**
 * One value of the register or a 自评表: typed like a spreadsheet cell, saved on Enter, Tab or leaving
 * the field, refused at its place with the back end's message (the text stays, so it can be corrected).
 * Each keystroke is reported as a draft, so the scores beside it follow as the clerk types.
 */
import { useEffect, useRef, useState } from 'react';

interface Props {
  value: string;
  label: string;
  onDraft(text: string | null): void;
  /** Resolves to an error message, or null when the value landed. */
  onCommit(text: string): Promise<string | null>;
  multiline?: boolean;
  options?: readonly string[];
  align?: 'left' | 'right';
  className?: string;
  placeholder?: string;
  disabled?: boolean;
  /** Where the value is kept (target:id:field): right click → 修改记录 of this place (see PerfHistory). */
  place?: string;
}

export function PerfInput({ value, label, onDraft, onCommit, multiline, options, align, className, placeholder, disabled, place }: Props) {
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const focused = useRef(false);
  // Typed and not yet landed: the shown text is the clerk's, whatever the stored value says meanwhile.
  const dirty = useRef(false);
  // Bumped when a value lands, so the box shows it as stored (235000 → 235,000.00) even if the text is unchanged.
  const [landed, setLanded] = useState(0);
  useEffect(() => {
    if (!focused.current && !dirty.current) setText(value);
  }, [value, landed]);

  const commit = async (next: string) => {
    if (!dirty.current) return;
    const problem = await onCommit(next);
    setError(problem);
    // A refused value stops counting in the scores; its text stays in the box to be corrected.
    onDraft(null);
    if (problem === null) {
      dirty.current = false;
      setLanded((n) => n + 1);
    }
  };
  const change = (next: string) => {
    dirty.current = true;
    setText(next);
    onDraft(next);
  };
  const common = {
    'aria-label': label,
    'aria-invalid': error !== null,
    title: error ?? label,
    className: `perf-input${error ? ' invalid' : ''}${align === 'right' ? ' num' : ''}${className ? ` ${className}` : ''}`,
    disabled,
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
      void commit(text);
    },
  };
  return (
    <span className="perf-field" data-perf-place={place} data-perf-label={place ? label : undefined}>
      {options ? (
        <select {...common} value={text} onChange={(e) => {
          change(e.target.value);
          void commit(e.target.value);
        }}>
          {!options.includes(text) && <option value={text}>{text}</option>}
          {options.map((o) => (
            <option key={o} value={o}>
              {o || '（未选）'}
            </option>
          ))}
        </select>
      ) : multiline ? (
        <textarea {...common} value={text} placeholder={placeholder} rows={2} onChange={(e) => change(e.target.value)} />
      ) : (
        <input
          {...common}
          value={text}
          placeholder={placeholder}
          onChange={(e) => change(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void commit(text);
            } else if (e.key === 'Escape') {
              dirty.current = false;
              setText(value);
              onDraft(null);
              setError(null);
            }
          }}
        />
      )}
      {error && (
        <span className="perf-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
