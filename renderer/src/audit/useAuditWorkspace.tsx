/**
 * Everything the audit adds to the workspace, so App only places it: the live audit of the open
 * report, the marks the grid draws, the panel, the jump to a result's cell and the report view.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { splitCellKey, type Api, type CellKey } from '../../../shared/api/contract';
import type { AuditReport } from '../../../shared/audit/auditReport';
import { explanationKey } from '../../../shared/audit/explanations';
import type { AuditResult } from '../../../shared/audit/types';
import { errorText } from '../app/reportSession';
import type { LiveNarrative } from '../narrative/liveNarrative';
import { NARRATIVE_TAB } from '../narrative/narrativeTab';
import { AuditPanel } from './AuditPanel';
import { AuditReportView } from './AuditReportView';
import { PanelFrame } from './PanelFrame';
import { AuditCellMarks } from './cellMarks';
import { useLiveAudit, type AuditedSession } from './useLiveAudit';

export interface AuditWorkspace {
  marks: AuditCellMarks | null;
  focusCell: { key: CellKey; nonce: number } | null;
  panel: ReactNode;
  reportView: ReactNode;
}

export function useAuditWorkspace(
  api: Api,
  session: AuditedSession | null,
  notify: (kind: 'error' | 'info', text: string) => void,
  openTable: (tableId: string) => void,
  narrative: LiveNarrative | null,
): AuditWorkspace {
  const onError = useCallback((text: string) => notify('error', text), [notify]);
  const audit = useLiveAudit(api, session, onError);
  const marks = useMemo(() => (audit ? new AuditCellMarks(audit) : null), [audit]);
  useEffect(() => () => marks?.dispose(), [marks]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focusCell, setFocusCell] = useState<AuditWorkspace['focusCell']>(null);
  const [report, setReport] = useState<AuditReport | null>(null);
  useEffect(() => {
    setSelectedId(null);
    setFocusCell(null);
  }, [audit]);
  // A fixed result leaves the list: its highlight on the other side's cells goes with it.
  useEffect(() => {
    if (!audit || !marks || selectedId === null) return;
    const check = () => {
      if (audit.find(selectedId)) return;
      marks.highlight(null);
      setSelectedId(null);
    };
    check();
    return audit.subscribe(check);
  }, [audit, marks, selectedId]);

  const onSelect = useCallback(
    (result: AuditResult) => {
      setSelectedId(result.id);
      marks?.highlight(result);
      const key = result.focus;
      openTable(key ? splitCellKey(key).table : result.table);
      if (key) setFocusCell((f) => ({ key, nonce: (f?.nonce ?? 0) + 1 }));
    },
    [marks, openTable],
  );

  const onExplain = useCallback(
    async (result: AuditResult, text: string | null): Promise<string | null> => {
      if (!session || !audit) return '报表尚未打开';
      try {
        const saved = await api.setTexts({
          unit: session.unit.code,
          year: session.year,
          texts: { [explanationKey(result.id)]: text === null ? null : text.trim() },
        });
        audit.textsChanged(saved.texts);
        notify('info', text === null ? `已删除 ${result.ruleId} 的出错说明` : `已保存 ${result.ruleId} 的出错说明`);
        return null;
      } catch (err) {
        return `说明未保存：${errorText(err)}`;
      }
    },
    [api, session, audit, notify],
  );

  const cellWords = useCallback((result: AuditResult) => audit?.cellWords(result) ?? [], [audit]);
  const onReport = useCallback(() => audit && setReport(audit.report()), [audit]);
  const closeReport = useCallback(() => setReport(null), []);
  const onOpenNarrative = useCallback(() => openTable(NARRATIVE_TAB), [openTable]);

  const panel =
    audit && session ? (
      <PanelFrame audit={audit}>
      <AuditPanel
        audit={audit}
        pack={session.pack}
        selectedId={selectedId}
        onSelect={onSelect}
        onExplain={onExplain}
        cellWords={cellWords}
        onReport={onReport}
        narrative={narrative}
        onOpenNarrative={onOpenNarrative}
      />
      </PanelFrame>
    ) : null;
  const reportView = report ? <AuditReportView report={report} onClose={closeReport} /> : null;
  return { marks, focusCell, panel, reportView };
}
