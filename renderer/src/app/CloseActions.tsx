import type { ReactNode } from 'react';

interface Props {
  onClose(): void;
  /** The dialog has nothing else to focus: 关闭 takes the focus, so Enter or Escape leaves it. */
  autoFocus?: boolean;
  disabled?: boolean;
  /** Buttons before 关闭 (e.g. 立即备份). */
  children?: ReactNode;
}

/** The bottom row of a dialog that only shows something: its own buttons, then 关闭. */
export function CloseActions({ onClose, autoFocus, disabled, children }: Props) {
  return (
    <div className="modal-actions">
      {children}
      <button type="button" autoFocus={autoFocus} disabled={disabled} onClick={onClose}>
        关闭
      </button>
    </div>
  );
}
