/**
 * Asked before a 情况说明 leaves the workstation (.txt, .docx, print) while it still prints «…»: the list of
 * what is unfilled, each a link to its field, and an explicit “仍然导出” — a half-filled document goes out
 * only on purpose. Focus starts on “返回填写”, so Enter alone never exports a draft.
 */
import { useEffect, useRef } from 'react';
import type { UnfilledPlaceholder } from '../../../shared/narrative/unfilled';

interface Props {
  /** What is about to happen: “导出 Word（.docx）”, “打印”. */
  action: string;
  items: readonly UnfilledPlaceholder[];
  onConfirm(): void;
  onCancel(): void;
  /** Jumps to the field behind a placeholder (closes the dialog first). */
  onGoTo(item: UnfilledPlaceholder): void;
}

export function UnfilledDialog({ action, items, onConfirm, onCancel, onGoTo }: Props) {
  const backRef = useRef<HTMLButtonElement>(null);
  useEffect(() => backRef.current?.focus(), []);
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <div className="modal nv-unfilled-dialog" role="dialog" aria-modal="true" aria-label="情况说明尚未填完">
        <h2>情况说明尚未填完</h2>
        <p className="modal-text">
          还有 {items.length} 处«…»未填写，{action}后会原样印出。点击一项转到填写处。
        </p>
        <ol className="nv-unfilled-list" aria-label="未填写的内容">
          {items.map((u, i) => (
            <li key={i}>
              <button type="button" className="nv-link" onClick={() => onGoTo(u)}>
                «{u.label}»
              </button>
              {u.place && <span className="nv-unfilled-place">{u.place}</span>}
            </li>
          ))}
        </ol>
        <div className="modal-actions">
          <button type="button" ref={backRef} className="primary" onClick={onCancel}>
            返回填写
          </button>
          <button type="button" onClick={onConfirm}>
            仍然{action}
          </button>
        </div>
      </div>
    </div>
  );
}
