import type { ReactNode } from 'react';
import { timeText } from './words';

interface Props {
  /** ISO time of the backup or the change. */
  at: string;
  /** Why or how: 手动, 导入前 … or 录入, 粘贴 …. */
  word: string;
  /** The cells after the time and the word. */
  children: ReactNode;
}

/** One line of the 备份与恢复 and 修改记录 lists: when, why or how, then what. */
export function StoreItem({ at, word, children }: Props) {
  return (
    <div className="store-item" role="row">
      <span role="cell" className="store-time">{timeText(at)}</span>
      <span role="cell" className="store-reason">{word}</span>
      {children}
    </div>
  );
}
