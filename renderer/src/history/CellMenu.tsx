import { useEffect, useRef } from 'react';

export interface CellMenuAt {
  table: string;
  row: string;
  col: string;
  /** The place in words (公开03表 支出决算表，行“…”，列“…”). */
  place: string;
  x: number;
  y: number;
}

interface Props {
  at: CellMenuAt;
  onHistory(): void;
  onClose(): void;
}

/** The grid's right-click menu: 修改记录 of the cell. Closes on Escape, a click elsewhere or scrolling. */
export function CellMenu({ at, onHistory, onClose }: Props) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    first.current?.focus();
    const away = (e: Event) => {
      if (!(e.target instanceof Node) || !first.current?.parentElement?.contains(e.target)) onClose();
    };
    const key = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('mousedown', away, true);
    window.addEventListener('wheel', onClose, { passive: true });
    window.addEventListener('keydown', key);
    return () => {
      window.removeEventListener('mousedown', away, true);
      window.removeEventListener('wheel', onClose);
      window.removeEventListener('keydown', key);
    };
  }, [onClose]);
  const left = Math.min(at.x, window.innerWidth - 180);
  const top = Math.min(at.y, window.innerHeight - 60);
  return (
    <div className="cell-menu" role="menu" aria-label="单元格菜单" style={{ left, top }}>
      <button type="button" role="menuitem" ref={first} onClick={onHistory}>
        修改记录
      </button>
    </div>
  );
}
