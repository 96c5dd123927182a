import type { ReactNode } from 'react';
import type { Unit } from '../../../shared/api/contract';
import type { MoneyUnit } from '../../../shared/money/fen';

export type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

interface Props {
  units: Unit[];
  unit: Unit | null;
  years: number[];
  year: number | null;
  displayUnit: MoneyUnit;
  save: SaveStatus;
  onUnit(code: string): void;
  onNewUnit(): void;
  onYear(year: number): void;
  onDisplayUnit(unit: MoneyUnit): void;
  /** How a year reads in the picker; `2020 年度` unless given. */
  yearLabel?(year: number): string;
  /** Buttons of other features (Excel …), shown before the save status. */
  tools?: ReactNode;
}

function saveText(save: SaveStatus): string {
  switch (save.kind) {
    case 'idle':
      return '';
    case 'saving':
      return '正在保存…';
    case 'saved':
      return '已保存';
    case 'failed':
      return `保存失败：${save.message}`;
  }
}

export function TopBar(props: Props) {
  const { units, unit, years, year, displayUnit, save } = props;
  return (
    <header className="top-bar">
      <span className="app-name">决算工作站</span>
      <label className="picker">
        <span>单位</span>
        <select aria-label="单位" value={unit?.code ?? ''} onChange={(e) => props.onUnit(e.target.value)} disabled={units.length === 0}>
          {units.length === 0 && <option value="">（尚无单位）</option>}
          {units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}（{u.code}）
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={props.onNewUnit}>
        新建单位
      </button>
      <label className="picker">
        <span>年度</span>
        <select aria-label="年度" value={year ?? ''} onChange={(e) => props.onYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {props.yearLabel ? props.yearLabel(y) : `${y} 年度`}
            </option>
          ))}
        </select>
      </label>
      <div className="unit-toggle" role="group" aria-label="金额单位">
        {(['元', '万元'] as const).map((u) => (
          <button key={u} type="button" aria-pressed={displayUnit === u} className={displayUnit === u ? 'on' : undefined} onClick={() => props.onDisplayUnit(u)}>
            {u}
          </button>
        ))}
      </div>
      {props.tools}
      <span className={`save-status save-${save.kind}`} role="status" title={saveText(save)}>
        {saveText(save)}
      </span>
    </header>
  );
}
