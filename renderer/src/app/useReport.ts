import { useEffect, useRef, useState } from 'react';
import type { Api, Unit } from '../../../shared/api/contract';
import type { Pack } from '../../../shared/pack/model';
import { withYearCatalogues } from '../../../shared/pack/yearCatalogues';
import { errorText, ReportSession } from './reportSession';

export type ReportState =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'ready'; session: ReportSession }
  | { kind: 'failed'; message: string };

/**
 * Opens the report of a unit for a year (creating it on first open) with its pack; packs are fetched
 * once. A new `revision` opens it again, after something outside the session (an import) wrote it.
 */
export function useReport(api: Api, unit: Unit | null, year: number | null, revision = 0, consolidated = false): ReportState {
  const [state, setState] = useState<ReportState>({ kind: 'none' });
  const packs = useRef(new Map<string, Pack>());
  useEffect(() => {
    if (!unit || year === null) {
      setState({ kind: 'none' });
      return;
    }
    let cancelled = false;
    setState({ kind: 'loading' });
    void (async () => {
      try {
        const snapshot = await api.openReport(consolidated ? { unit: unit.code, year, consolidated: true } : { unit: unit.code, year });
        let pack = packs.current.get(snapshot.packId);
        if (!pack) {
          pack = await api.getPack({ packId: snapshot.packId });
          packs.current.set(snapshot.packId, pack);
        }
        // The year's own catalogues (the bureau's file, kept in the database) replace the pack's.
        const yearPack = snapshot.catalogues ? withYearCatalogues(pack, year, snapshot.catalogues) : pack;
        // The undo history comes with the report; without it the report still opens (Ctrl+Z starts afresh).
        const history = consolidated ? undefined : await api.getUndo({ unit: unit.code, year }).catch(() => undefined);
        if (!cancelled) setState({ kind: 'ready', session: new ReportSession(api, yearPack, snapshot.unit, year, snapshot, history) });
      } catch (err) {
        if (!cancelled) setState({ kind: 'failed', message: errorText(err) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [api, unit, year, revision, consolidated]);
  return state;
}
