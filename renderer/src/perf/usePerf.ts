/**
 * The 绩效 screen's state: the report's register and 自评表s as the back end holds them, the drafts being
 * typed, and the scores recomputed from both on every keystroke (shared/perf, exact). Each change goes
 * to the back end as one perfEdit; its answer replaces the state, or its refusal is shown at the field.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Api, ReportRef } from '../../../shared/api/contract';
import type { MoneyUnit } from '../../../shared/money/fen';
import type { PerfOp, PerfState } from '../../../shared/perf/contract';
import type { PerfTarget } from '../../../shared/perf/fields';
import { scoreAll, type PerfScores } from '../../../shared/perf/view';
import { errorText } from '../app/reportSession';
import { draftKey, withDrafts, type DraftKey } from './liveData';
import { announceOutsideEdit } from '../print/outsideEdits';

export interface PerfScreen {
  state: PerfState | null;
  failed: string | null;
  scores: PerfScores | null;
  data: PerfState['data'] | null;
  unit: MoneyUnit;
  draft(target: PerfTarget, id: number, field: string, text: string | null): void;
  /** Writes one value; resolves to the refusal, or null. */
  set(target: PerfTarget, id: number, field: string, text: string): Promise<string | null>;
  /** Adds or removes a row; resolves to the new row's id (or null), reporting a refusal itself. */
  run(op: PerfOp): Promise<number | null>;
  reload(): void;
}

export function usePerf(api: Api, ref: ReportRef, unit: MoneyUnit, notify: (kind: 'error' | 'info', text: string) => void, reloadKey = 0): PerfScreen {
  const [state, setState] = useState<PerfState | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<ReadonlyMap<DraftKey, string>>(new Map());
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    let live = true;
    api.perfState(ref).then(
      (s) => live && (setState(s), setFailed(null)),
      (err: unknown) => live && setFailed(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [api, ref.unit, ref.year, nonce, reloadKey]);

  const choices = useMemo((): Record<string, readonly string[]> => {
    const pack = state?.pack;
    if (!pack) return {};
    return {
      level1: pack.scheme.weights.map((w) => w.level1).filter((l) => l !== pack.fundLevel1),
      band: pack.scheme.qualitativeBands.map((b) => b.label),
    };
  }, [state?.pack]);
  const data = useMemo(() => (state ? withDrafts(state.data, drafts, unit, choices) : null), [state, drafts, unit, choices]);
  const scores = useMemo(() => (state?.pack && data ? scoreAll(state.pack, data) : null), [state?.pack, data]);

  const draft = useCallback((target: PerfTarget, id: number, field: string, text: string | null) => {
    setDrafts((m) => {
      const next = new Map(m);
      if (text === null) next.delete(draftKey(target, id, field));
      else next.set(draftKey(target, id, field), text);
      return next;
    });
  }, []);

  const set = useCallback(
    async (target: PerfTarget, id: number, field: string, text: string): Promise<string | null> => {
      try {
        const result = await api.perfEdit({ ...ref, op: { op: 'set', target, id, field, text, unit } });
        setState(result.state);
        announceOutsideEdit();
        return null;
      } catch (err) {
        return errorText(err);
      }
    },
    [api, ref.unit, ref.year, unit],
  );

  const run = useCallback(
    async (op: PerfOp): Promise<number | null> => {
      try {
        const result = await api.perfEdit({ ...ref, op });
        setState(result.state);
        announceOutsideEdit();
        return result.id;
      } catch (err) {
        notify('error', errorText(err));
        return null;
      }
    },
    [api, ref.unit, ref.year, notify],
  );

  return { state, failed, scores, data, unit, draft, set, run, reload: () => setNonce((n) => n + 1) };
}
