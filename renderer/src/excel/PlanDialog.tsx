import { useEffect, useRef, type ReactNode } from 'react';
import { errorText } from '../app/reportSession';
import { bytesToBase64 } from './fileBytes';

/** Why nothing was imported; the file is named once, not again when the back end's message already names it. */
export function refusal(fileName: string, err: unknown, what = ''): string {
  const text = errorText(err);
  return text.includes(`“${fileName}”`) ? `未导入${what}：${text}` : `未导入${what}“${fileName}”：${text}`;
}

/**
 * Reads a picked file and hands its bytes (base64) to the back end's plan call, once per file and per
 * change of `deps`; the answer (or the failure) arrives through `done` unless the dialog moved on.
 */
export function useFilePlan<T>(
  file: File | null,
  plan: (fileName: string, base64: string) => Promise<T>,
  done: (result: { ok: true; value: T } | { ok: false; error: unknown }) => void,
  deps: readonly unknown[],
): void {
  useEffect(() => {
    if (!file) return;
    let cancelled = false;
    void (async () => {
      try {
        const value = await plan(file.name, bytesToBase64(new Uint8Array(await file.arrayBuffer())));
        if (!cancelled) done({ ok: true, value });
      } catch (error) {
        if (!cancelled) done({ ok: false, error });
      }
    })();
    return () => {
      cancelled = true;
    };
    // One plan per picked file and deps; the parent's callbacks change on every render and must not re-plan.
  }, [file, ...deps]);
}

interface Props {
  /** The dialog's accessible name. */
  label: string;
  className: string;
  title: ReactNode;
  /** A plan is on screen and can be confirmed: 取消 takes the focus, so Enter alone never imports. */
  ready: boolean;
  committing: boolean;
  /** Escape closes the dialog (default: unless it is writing). */
  escapable?: boolean;
  /** Why 确认导入 is not possible although a plan is shown (the button's tooltip). */
  blocked?: string;
  confirmLabel?: string;
  onConfirm(): void;
  onClose(): void;
  children: ReactNode;
}

/** The frame of a previewed file import: title, the preview, 取消 and 确认导入. */
export function PlanDialog({ label, className, title, ready, committing, escapable = !committing, blocked, confirmLabel = '确认导入', onConfirm, onClose, children }: Props) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (ready) cancelRef.current?.focus();
  }, [ready]);
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && escapable && onClose()}>
      <div className={`modal ${className}`} role="dialog" aria-modal="true" aria-label={label}>
        <h2>{title}</h2>
        {children}
        <div className="modal-actions">
          <button type="button" ref={cancelRef} onClick={onClose} disabled={committing}>
            取消
          </button>
          <button type="button" className="primary" onClick={onConfirm} disabled={!ready || blocked !== undefined} title={blocked}>
            {committing ? '正在导入…' : confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
