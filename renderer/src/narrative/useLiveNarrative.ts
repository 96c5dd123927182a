/**
 * The live 情况说明 of the open report. It exists as soon as the report is open (the audit panel may
 * read its checks too); the report's texts and last year's report arrive a moment later.
 */
import { useEffect, useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import { ReportEngine } from '../../../shared/engine/reportEngine';
import type { LastYearValues } from '../../../shared/narrative/generate';
import { lastYearFromReport } from '../../../shared/narrative/lastYear';
import type { Pack } from '../../../shared/pack/model';
import { errorText } from '../app/reportSession';
import { LiveNarrative, type NarrativeSource } from './liveNarrative';

export interface NarrativeSession extends NarrativeSource {
  readonly pack: Pack;
}

export function useLiveNarrative(api: Api, session: NarrativeSession | null, onError: (text: string) => void): LiveNarrative | null {
  const [live, setLive] = useState<LiveNarrative | null>(null);
  useEffect(() => {
    const template = session?.pack.narrative;
    if (!session || !template) {
      setLive(null);
      return;
    }
    const narrative = new LiveNarrative(api, session, template);
    setLive(narrative);
    let cancelled = false;
    void (async () => {
      let texts: Record<string, string> = {};
      try {
        texts = (await api.findReport(narrative.ref))?.texts ?? {};
      } catch (err) {
        if (!cancelled) onError(`情况说明未能读取说明文字：${errorText(err)}`);
        return;
      }
      let last: { year: number; values: LastYearValues } | null = null;
      try {
        const previous = await api.previousYear(narrative.ref);
        if (previous) {
          const pack = previous.packId === session.pack.id ? session.pack : await api.getPack({ packId: previous.packId });
          last = { year: previous.year, values: lastYearFromReport(new ReportEngine(pack, { rows: previous.rows, inputs: previous.inputs, subjects: previous.subjects })) };
        }
      } catch (err) {
        // Without last year's report the typed 上年数 are used; the clerk is told why.
        if (!cancelled) onError(`情况说明未能读取上年报表，改用手工填写的上年数：${errorText(err)}`);
      }
      if (!cancelled) narrative.load(texts, last);
    })();
    return () => {
      cancelled = true;
      narrative.dispose();
    };
  }, [api, session, onError]);
  return live;
}
