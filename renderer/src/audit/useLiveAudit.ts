/**
 * The live audit of the open report, with the texts it reads (explanations, source unit) and last
 * year's report of the same unit when the database holds one. The audit exists as soon as
 * the report is open; texts and last year arrive a moment later and are fed in.
 */
import { useEffect, useState } from 'react';
import type { Api, CellKey, ReportRef, Unit } from '../../../shared/api/contract';
import type { KindScope } from '../../../shared/audit/kindScope';
import { packRuleSet } from '../../../shared/audit/loadRules';
import { ReportEngine } from '../../../shared/engine/reportEngine';
import type { ReportEngineApi } from '../../../shared/engine/types';
import type { Pack } from '../../../shared/pack/model';
import { installCommitMarks } from './auditPerf';
import { LiveAudit } from './liveAudit';

/** What the audit needs of the open report (ReportSession provides it). */
export interface AuditedSession {
  readonly engine: ReportEngineApi;
  readonly pack: Pack;
  readonly unit: Unit;
  readonly year: number;
  /** The report as the Api names it (a department's consolidated report reads the department's texts and last year). */
  readonly ref?: ReportRef;
  readonly kindScope?: KindScope | null;
  on(listener: { cells?(keys: CellKey[]): void; rows?(table: string): void }): () => void;
}

export function useLiveAudit(api: Api, session: AuditedSession | null, onError: (text: string) => void): LiveAudit | null {
  const [audit, setAudit] = useState<LiveAudit | null>(null);
  useEffect(() => {
    const engine = session?.engine;
    // The renderer's session engine is the shared ReportEngine; the audit reads its layout directly.
    if (!session || !(engine instanceof ReportEngine)) {
      setAudit(null);
      return;
    }
    installCommitMarks();
    const live = new LiveAudit(
      { engine, unit: session.unit, year: session.year, kindScope: session.kindScope ?? null, on: (l) => session.on(l) },
      packRuleSet(session.pack),
      {},
      null,
    );
    setAudit(live);
    let cancelled = false;
    const ref = session.ref ?? { unit: session.unit.code, year: session.year };
    void (async () => {
      try {
        const [current, previous] = await Promise.all([api.findReport(ref), api.previousYear(ref)]);
        if (cancelled) return;
        if (current) live.textsChanged(current.texts);
        if (!previous) return;
        const pack = previous.packId === session.pack.id ? session.pack : await api.getPack({ packId: previous.packId });
        if (cancelled) return;
        live.setPrevious(new ReportEngine(pack, { rows: previous.rows, inputs: previous.inputs, subjects: previous.subjects }));
      } catch (err) {
        if (!cancelled) onError(`审核未能读取说明或上年报表：${err instanceof Error ? err.message : String(err)}`);
      }
    })();
    return () => {
      cancelled = true;
      live.dispose();
    };
  }, [api, session, onError]);
  return audit;
}
