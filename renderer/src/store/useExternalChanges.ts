import { useEffect, useRef } from 'react';
import type { Api, ReportRef } from '../../../shared/api/contract';

/** How often the open report asks whether another program changed it (also asked when the window regains focus). */
const POLL_MS = 2000;

/**
 * Watches the open report for changes made elsewhere (the CLI, another window): the back end counts them
 * (reportStamp, from SQLite's data_version); when the count moves, `onChanged` reloads the report.
 */
export function useExternalChanges(api: Api, ref: ReportRef | null, onChanged: () => void): void {
  const changed = useRef(onChanged);
  changed.current = onChanged;
  const unit = ref?.unit ?? null;
  const year = ref?.year ?? null;
  const consolidated = ref?.consolidated === true;
  useEffect(() => {
    if (unit === null || year === null) return;
    let baseline: number | null = null;
    let stopped = false;
    let busy = false;
    const check = async () => {
      if (busy || stopped) return;
      busy = true;
      try {
        const { generation } = await api.reportStamp(consolidated ? { unit, year, consolidated } : { unit, year });
        if (stopped) return;
        if (baseline === null) baseline = generation;
        else if (generation !== baseline) {
          baseline = generation;
          changed.current();
        }
      } catch {
        // The next poll tries again; a closed host or a removed unit shows elsewhere.
      } finally {
        busy = false;
      }
    };
    void check();
    const timer = setInterval(() => void check(), POLL_MS);
    const onFocus = () => void check();
    window.addEventListener('focus', onFocus);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [api, unit, year, consolidated]);
}
