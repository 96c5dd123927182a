/**
 * Right click on a 绩效自评 field → 修改记录 of that field: every change with when and how, old → new in
 * the clerk's words (money in the screen's unit, 适用/不适用, a row added or removed by its name).
 * Fields say where they are kept through `data-perf-place` (PerfInput's `place`), so one handler serves
 * the register, the 自评表s, the 重点工作任务 and the 部门整体 form.
 */
import { useCallback, useState, type ReactNode } from 'react';
import type { Api, ReportRef } from '../../../shared/api/contract';
import type { MoneyUnit } from '../../../shared/money/fen';
import type { PerfHistoryEntry } from '../../../shared/perf/contract';
import { fieldOf, type PerfTarget } from '../../../shared/perf/fields';
import { PERF_ROW_WORDS, perfChangeText, perfFieldLabel } from '../../../shared/perf/historyText';
import type { PerfData } from '../../../shared/perf/model';
import { CellHistoryDialog } from '../history/CellHistoryDialog';
import { CellMenu, type CellMenuAt } from '../history/CellMenu';

const TARGETS: readonly PerfTarget[] = ['project', 'indicator', 'task', 'dept'];

interface Place {
  target: PerfTarget;
  id: number;
  field: string;
}

function placeOf(text: string | undefined): Place | null {
  const [target, id, field] = (text ?? '').split(':');
  const t = TARGETS.find((x) => x === target);
  if (!t || !id || !/^\d+$/.test(id) || !field || !fieldOf(t, field)) return null;
  return { target: t, id: Number(id), field };
}

/** The place in words: 绩效自评，项目“…”，全年预算数（财政拨款）. */
function placeWords(place: Place, data: PerfData | null): string {
  const name =
    place.target === 'project'
      ? data?.projects.find((p) => p.id === place.id)?.name
      : place.target === 'indicator'
        ? data?.indicators.find((i) => i.id === place.id)?.level3
        : place.target === 'task'
          ? data?.tasks.find((t) => t.id === place.id)?.name
          : undefined;
  return `绩效自评，${PERF_ROW_WORDS[place.target]}${name ? `“${name}”` : ''}，${perfFieldLabel(place.target, place.field)}`;
}

interface Props {
  api: Api;
  report: ReportRef;
  /** The stored data (names of the rows). */
  data: PerfData | null;
  unit: MoneyUnit;
  children: ReactNode;
}

export function PerfHistory({ api, report, data, unit, children }: Props) {
  const [menu, setMenu] = useState<(CellMenuAt & { perf: Place }) | null>(null);
  const [open, setOpen] = useState<(CellMenuAt & { perf: Place }) | null>(null);
  const close = useCallback(() => setMenu(null), []);
  const load = useCallback(
    () => (open ? api.perfFieldHistory({ ...report, place: open.perf }) : Promise.resolve<PerfHistoryEntry[]>([])),
    [api, report.unit, report.year, open],
  );
  return (
    <div
      className="perf-history-host"
      onContextMenu={(e) => {
        const host = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-perf-place]') : null;
        const perf = placeOf(host?.dataset.perfPlace);
        if (!perf) return;
        e.preventDefault();
        setMenu({ table: 'perf', row: `${perf.target}:${perf.id}`, col: perf.field, place: placeWords(perf, data), x: e.clientX, y: e.clientY, perf });
      }}
    >
      {children}
      {menu && (
        <CellMenu
          at={menu}
          onClose={close}
          onHistory={() => {
            setOpen(menu);
            setMenu(null);
          }}
        />
      )}
      {open && (
        <CellHistoryDialog<PerfHistoryEntry>
          api={api}
          report={report}
          cell={open}
          kind="text"
          unit={unit}
          load={load}
          show={(e) => perfChangeText(e, unit)}
          empty="这一栏还没有修改记录"
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}
