/**
 * The report's last recorded print and whether today's data still matches it. Asked again after a
 * print, and shortly after edits once the report has been printed (an unprinted report costs nothing).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { PrintStatusView } from '../../../shared/api/printSchemas';
import type { ReportSession } from '../app/reportSession';
import { onOutsideEdit } from './outsideEdits';

/** Edits come in bursts (typing, pasting); the fingerprint is taken once the burst is over. */
const AFTER_EDITS_MS = 600;

export function usePrintStatus(api: Api, session: ReportSession | null): { status: PrintStatusView | null; refresh(): void } {
  const [status, setStatus] = useState<PrintStatusView | null>(null);
  const asked = useRef(0);
  const printed = useRef(false);

  const refresh = useCallback(() => {
    if (!session) return;
    const id = ++asked.current;
    api
      .printStatus(session.ref)
      .then((s) => {
        if (asked.current !== id) return;
        printed.current = s.last !== null;
        setStatus(s);
      })
      // The status is a hint beside the print buttons; failing to read it must not disturb the work.
      .catch(() => undefined);
  }, [api, session]);

  useEffect(() => {
    setStatus(null);
    printed.current = false;
    refresh();
    if (!session) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const later = () => {
      if (!printed.current) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(refresh, AFTER_EDITS_MS);
    };
    const off = session.on({ cells: later, rows: later, saving: (s) => s.kind === 'saved' && later() });
    const offOutside = onOutsideEdit(later);
    return () => {
      off();
      offOutside();
      if (timer) clearTimeout(timer);
    };
  }, [session, refresh]);

  return { status, refresh };
}
