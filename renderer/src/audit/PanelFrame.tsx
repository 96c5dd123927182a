/**
 * The audit panel's frame: its width follows the clerk's drag on its left edge, it folds into a
 * narrow bar (still showing the counts) to give the tables the screen, and both are remembered.
 */
import { useCallback, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { LiveAudit } from './liveAudit';

const KEY = 'juesuan.auditPanel';
const MIN = 260;
const MAX = 720;
export const DEFAULT_PANEL_WIDTH = 340;

interface Frame {
  width: number;
  collapsed: boolean;
}

function load(): Frame {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Frame> | null;
    const width = typeof raw?.width === 'number' && raw.width >= MIN && raw.width <= MAX ? raw.width : DEFAULT_PANEL_WIDTH;
    return { width, collapsed: raw?.collapsed === true };
  } catch {
    return { width: DEFAULT_PANEL_WIDTH, collapsed: false };
  }
}

export function PanelFrame({ audit, children }: { audit: LiveAudit; children: ReactNode }) {
  const [frame, setFrame] = useState<Frame>(load);
  const view = useSyncExternalStore(audit.subscribe, audit.snapshot);
  useEffect(() => {
    try {
      localStorage.setItem(KEY, JSON.stringify(frame));
    } catch {
      // Not remembered; nothing else depends on it.
    }
  }, [frame]);

  const startResize = useCallback(
    (e: React.MouseEvent) => {
      e.preventDefault();
      const startX = e.clientX;
      const startW = frame.width;
      const move = (ev: MouseEvent) => setFrame((f) => ({ ...f, width: Math.min(MAX, Math.max(MIN, Math.round(startW + startX - ev.clientX))) }));
      const up = () => {
        window.removeEventListener('mousemove', move);
        window.removeEventListener('mouseup', up);
      };
      window.addEventListener('mousemove', move);
      window.addEventListener('mouseup', up);
    },
    [frame.width],
  );

  if (frame.collapsed) {
    return (
      <aside className="audit-folded" aria-label="审核结果（已收起）">
        <button type="button" onClick={() => setFrame((f) => ({ ...f, collapsed: false }))} title="展开审核面板">
          <span>审核</span>
          <b className={view.counts.强制 ? 'hard' : ''}>强制 {view.counts.强制}</b>
          <b className={view.counts.提示 ? 'soft' : ''}>提示 {view.counts.提示}</b>
        </button>
      </aside>
    );
  }
  return (
    <div className="audit-frame" style={{ width: frame.width }}>
      <div className="audit-resize" onMouseDown={startResize} title="拖动调整审核面板宽度" aria-hidden="true" />
      <button type="button" className="audit-fold" onClick={() => setFrame((f) => ({ ...f, collapsed: true }))} title="收起审核面板" aria-label="收起审核面板">
        »
      </button>
      {children}
    </div>
  );
}
