import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { cellKey, type CellKey, type PackSummary, type Settings, type Unit } from '../../../shared/api/contract';
import type { MoneyUnit } from '../../../shared/money/fen';
import { getApi } from '../api/getApi';
import { useAuditWorkspace } from '../audit/useAuditWorkspace';
import { ExcelTools } from '../excel/ExcelTools';
import { PrintTools } from '../print/PrintTools';
import { reportYears, yearLabel } from '../excel/yearChoices';
import { NARRATIVE_TAB } from '../narrative/narrativeTab';
import { StoreTools } from '../store/StoreTools';
import { useExternalChanges } from '../store/useExternalChanges';
import { NarrativeView } from '../narrative/NarrativeView';
import { PERF_TAB } from '../perf/perfTab';
import { PerfView } from '../perf/PerfView';
import { useLiveNarrative } from '../narrative/useLiveNarrative';
import { TableView } from '../table/TableView';
import { BreakdownDialog } from '../dept/BreakdownDialog';
import { cellAt } from '../dept/cellAt';
import { DeptView } from '../dept/DeptView';
import { RegisterDialog } from '../dept/RegisterDialog';
import { stepText } from '../edit/stepText';
import { errorText } from './reportSession';
import { TopBar, type SaveStatus } from './TopBar';
import { UnitForm } from './UnitForm';
import { useReport } from './useReport';

/** The tab of a consolidated report that shows its 调整表, members and 户数. */
const DEPT_TAB = '#dept';

type Message = { kind: 'error' | 'info'; text: string; id: number };

type Boot = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready' };

export function App() {
  const api = useMemo(() => getApi(), []);
  const [boot, setBoot] = useState<Boot>({ kind: 'loading' });
  const [units, setUnits] = useState<Unit[]>([]);
  const [packs, setPacks] = useState<PackSummary[]>([]);
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [displayUnit, setDisplayUnit] = useState<MoneyUnit>('元');
  const [save, setSave] = useState<SaveStatus>({ kind: 'idle' });
  const [message, setMessage] = useState<Message | null>(null);
  const [newUnitOpen, setNewUnitOpen] = useState(false);
  const [tab, setTab] = useState<string | null>(null);
  const messageId = useRef(0);
  // 部门汇总: the selected unit's department (itself and every unit below it), read-only.
  const [consolidated, setConsolidated] = useState(false);
  const [registerOpen, setRegisterOpen] = useState(false);
  const [breakdown, setBreakdown] = useState<{ table: string; row: string; col: string } | null>(null);
  const [storedYears, setStoredYears] = useState<number[]>([]);

  const notify = useCallback((kind: 'error' | 'info', text: string) => {
    messageId.current += 1;
    setMessage({ kind, text, id: messageId.current });
  }, []);

  // Confirmations fade on their own; an error stays until the clerk closes it or the next message.
  useEffect(() => {
    if (message?.kind !== 'info') return;
    const timer = setTimeout(() => setMessage((m) => (m?.id === message.id ? null : m)), 8000);
    return () => clearTimeout(timer);
  }, [message]);

  const remember = useCallback(
    (patch: Partial<Settings>) => {
      api.setSettings(patch).catch((err: unknown) => notify('error', `设置未保存：${errorText(err)}`));
    },
    [api, notify],
  );

  useEffect(() => {
    void (async () => {
      try {
        const [u, p, s] = await Promise.all([api.listUnits({}), api.listPacks({}), api.getSettings({})]);
        const years = reportYears(p);
        setUnits(u);
        setPacks(p);
        setDisplayUnit(s.displayUnit);
        setUnitCode(u.find((x) => x.code === s.lastUnit)?.code ?? u[0]?.code ?? null);
        setYear(s.lastYear !== null && years.includes(s.lastYear) ? s.lastYear : (years[0] ?? null));
        setBoot({ kind: 'ready' });
      } catch (err) {
        setBoot({ kind: 'failed', message: errorText(err) });
      }
    })();
  }, [api]);

  const unit = useMemo(() => units.find((u) => u.code === unitCode) ?? null, [units, unitCode]);
  const isDept = useMemo(() => units.some((u) => u.parent === unitCode), [units, unitCode]);
  // Years with a stored report (a year rolled over past the last installed format) can be opened too.
  const years = useMemo(() => [...new Set([...reportYears(packs), ...storedYears])].sort((a, b) => b - a), [packs, storedYears]);
  // Bumped after an Excel import so the report is opened again from the store.
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    api.reportYears({}).then(setStoredYears, () => setStoredYears([]));
  }, [api, revision]);
  const report = useReport(api, unit, year, revision, consolidated && isDept);
  const session = report.kind === 'ready' ? report.session : null;
  const narrativeError = useCallback((text: string) => notify('error', text), [notify]);
  const narrative = useLiveNarrative(api, session, narrativeError);
  const auditing = useAuditWorkspace(api, session, notify, setTab, narrative);

  // Another program or window changed this report: open it again and say so.
  useExternalChanges(api, session ? session.ref : null, () => {
    setRevision((r) => r + 1);
    notify('info', '数据已在别处修改，已重新载入');
  });
  const reloadAll = useCallback(() => {
    api.listUnits({}).then(
      (list) => {
        setUnits(list);
        // A restored database may not have the unit on screen (or the screen had none): take its first.
        setUnitCode((code) => (list.some((u) => u.code === code) ? code : (list[0]?.code ?? null)));
      },
      (err: unknown) => notify('error', errorText(err)),
    );
    setRevision((r) => r + 1);
  }, [api, notify]);
  // A cell to select in the grid: an audit result's or the one an undo/redo changed (the latest wins).
  const [jump, setJump] = useState<{ key: CellKey; nonce: number; at: number } | null>(null);
  const jumpNonce = useRef(0);
  const jumpTo = useCallback((key: CellKey) => {
    jumpNonce.current += 1;
    setJump({ key, nonce: jumpNonce.current, at: performance.now() });
  }, []);
  useEffect(() => {
    if (auditing.focusCell) jumpTo(auditing.focusCell.key);
  }, [auditing.focusCell, jumpTo]);
  const displayUnitRef = useRef(displayUnit);
  displayUnitRef.current = displayUnit;

  useEffect(() => {
    if (!session) return;
    if (session.unfit.length > 0) {
      notify('error', `报表中有 ${session.unfit.length} 项保存的数据与报表格式不符，未能载入（仍保存在数据库中）：${session.unfit.slice(0, 3).join('；')}${session.unfit.length > 3 ? ' 等' : ''}`);
    }
    setSave({ kind: 'idle' });
    const tables = session.engine.tableIds();
    const keep = (t: string) => tables.includes(t) || (t === DEPT_TAB && session.consolidated) || (t === PERF_TAB && !session.consolidated);
    setTab((current) => (current && keep(current) ? current : (tables[0] ?? null)));
    return session.on({
      saving: (state) => setSave(state),
      // Undo works across tables: open the table it changes, select the cell, say what it undid.
      stepped: ({ direction, batch }) => {
        const first = batch[0];
        if (!first) return;
        setTab(first.table);
        jumpTo(cellKey(first.table, first.row, first.col));
        notify('info', stepText(session.pack, session.engine, direction, batch, displayUnitRef.current));
      },
    });
  }, [session, jumpTo, notify]);

  // Leaving the page with a write still in flight would lose it; the browser asks first.
  useEffect(() => {
    const guard = (e: BeforeUnloadEvent) => {
      if (save.kind === 'saving') e.preventDefault();
    };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [save.kind]);

  const reloadUnits = () => {
    api.listUnits({}).then(setUnits, (err: unknown) => notify('error', errorText(err)));
    setRevision((r) => r + 1);
  };
  const openFromRegister = (code: string, dept: boolean, y?: number) => {
    setRegisterOpen(false);
    setUnitCode(code);
    setConsolidated(dept);
    if (y !== undefined) setYear(y);
    setRevision((r) => r + 1);
    remember({ lastUnit: code, ...(y !== undefined ? { lastYear: y } : {}) });
  };
  const chooseUnit = (code: string) => {
    setUnitCode(code);
    remember({ lastUnit: code });
  };
  const chooseYear = (y: number) => {
    setYear(y);
    remember({ lastYear: y });
  };
  const chooseDisplayUnit = (u: MoneyUnit) => {
    setDisplayUnit(u);
    remember({ displayUnit: u });
  };
  const created = (u: Unit) => {
    setUnits((list) => [...list.filter((x) => x.code !== u.code), u].sort((a, b) => a.code.localeCompare(b.code)));
    setNewUnitOpen(false);
    setUnitCode(u.code);
    remember({ lastUnit: u.code, ...(year !== null ? { lastYear: year } : {}) });
    notify('info', `已创建单位：${u.name}`);
  };

  if (boot.kind === 'loading') return <div className="splash">正在启动决算工作站…</div>;
  if (boot.kind === 'failed') return <div className="splash error">无法启动：{boot.message}</div>;

  const tables = session?.pack.tables ?? [];
  return (
    <div className="app">
      <TopBar
        units={units}
        unit={unit}
        years={years}
        year={year}
        displayUnit={displayUnit}
        save={save}
        onUnit={chooseUnit}
        onNewUnit={() => setNewUnitOpen(true)}
        onYear={chooseYear}
        onDisplayUnit={chooseDisplayUnit}
        yearLabel={(y) => yearLabel(y, packs)}
        tools={
          <>
            <button type="button" onClick={() => setRegisterOpen(true)} disabled={units.length === 0}>
              单位名录
            </button>
            <button
              type="button"
              aria-pressed={consolidated && isDept}
              className={consolidated && isDept ? 'on' : undefined}
              disabled={!isDept}
              title={isDept ? '本单位及全部下级单位的部门汇总（只读）' : '所选单位没有下级单位'}
              onClick={() => setConsolidated((c) => !c)}
            >
              部门汇总
            </button>
            <ExcelTools api={api} session={session} displayUnit={displayUnit} notify={notify} onImported={() => {
              // An import replaced the figures: undoing edits made before it would write over the imported ones.
              const ref = session?.ref;
              void (ref ? api.recordUndo({ ...ref, step: { op: 'clear' } }).catch(() => undefined) : Promise.resolve()).then(() => setRevision((r) => r + 1));
            }} />
            <StoreTools
              api={api}
              session={session}
              tableId={tab && tab !== NARRATIVE_TAB ? tab : null}
              notify={notify}
              onReportChanged={() => setRevision((r) => r + 1)}
              onDatabaseRestored={reloadAll}
            />
            <PrintTools api={api} session={session} notify={notify} />
          </>
        }
      />
      {message && (
        <div className={`message-bar message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} key={message.id}>
          <span className="message-text">{message.text}</span>
          <button type="button" className="message-close" aria-label="关闭提示" onClick={() => setMessage(null)}>
            ×
          </button>
        </div>
      )}
      {units.length === 0 ? (
        <main className="welcome">
          <h1>欢迎使用决算工作站</h1>
          <p>先建立本单位，然后选择年度开始填报部门决算表。所有数据保存在本机，每次修改即时保存。</p>
          <UnitForm api={api} units={units} onCreated={created} />
        </main>
      ) : (
        <div className="audit-layout">
        <main className="workspace">
          {years.length === 0 && <div className="splash error">没有可用的报表模板（报表包），无法打开任何年度</div>}
          {report.kind === 'loading' && <div className="splash">正在打开报表…</div>}
          {report.kind === 'failed' && <div className="splash error">无法打开报表：{report.message}</div>}
          {session?.consolidated && (
            <div className="dept-banner" role="note">
              部门汇总（只读）：{session.unit.name}及其全部下级单位的报表之和减去调整表；双击金额查看由哪些单位构成。
            </div>
          )}
          {session && !session.consolidated && !session.stored && (
            <div className="unsaved-note" role="note">
              {session.unit.name} {session.year} 年度尚无报表：查看不会建立报表，输入第一个数后自动建立。
            </div>
          )}
          {session && (
            <>
              <nav className="tabs" role="tablist">
                {tables.map((t) => (
                  <TabButton key={t.id} id={t.id} current={tab} onPick={setTab} title={`${t.code} ${t.title}`} label={t.code} />
                ))}
                {narrative && <TabButton id={NARRATIVE_TAB} current={tab} onPick={setTab} title="根据报表数字生成的部门决算情况说明" label="情况说明" />}
                {!session.consolidated && (
                  <TabButton id={PERF_TAB} current={tab} onPick={setTab} title="项目库、项目支出和部门整体支出绩效自评表、绩效自评报告" label="绩效自评" />
                )}
                {session.consolidated && (
                  <TabButton id={DEPT_TAB} current={tab} onPick={setTab} title="抵销部门内部上下级之间收支的调整表、纳入汇总的单位和户数" label="调整表" />
                )}
              </nav>
              {tab === DEPT_TAB && session.consolidated && (
                <DeptView api={api} dept={session.unit.code} year={session.year} notify={notify} onChanged={() => setRevision((r) => r + 1)} reloadKey={revision} />
              )}
              {tab === NARRATIVE_TAB && narrative && <NarrativeView live={narrative} notify={notify} />}
              {tab === PERF_TAB && !session.consolidated && (
                <PerfView key={`${session.unit.code}-${session.year}`} api={api} session={session} displayUnit={displayUnit} notify={notify} reloadKey={revision} />
              )}
              {tab && tab !== NARRATIVE_TAB && tab !== DEPT_TAB && tab !== PERF_TAB && (
                <div
                  className="table-host"
                  onDoubleClickCapture={(e) => {
                    if (!session.consolidated) return;
                    const at = cellAt(e.target);
                    const row = at ? session.engine.layout(tab).sides[at.side]?.rows[at.line] : undefined;
                    if (!at || !row || !row.cells.includes(at.col)) return;
                    // The consolidated grid is read-only: a double-click shows the units, it never starts editing.
                    e.stopPropagation();
                    e.preventDefault();
                    setBreakdown({ table: tab, row: row.id, col: at.col });
                  }}
                >
                <TableView
                  key={`${session.unit.code}-${session.year}-${tab}`}
                  session={session}
                  tableId={tab}
                  unit={displayUnit}
                  notify={notify}
                  marks={auditing.marks}
                  focusCell={jump}
                />
                </div>
              )}
            </>
          )}
        </main>
        {auditing.panel}
        </div>
      )}
      {auditing.reportView}
      {registerOpen && year !== null && (
        <RegisterDialog api={api} year={year} notify={notify} onOpen={openFromRegister} onChanged={reloadUnits} onClose={() => setRegisterOpen(false)} />
      )}
      {breakdown && session?.consolidated && (
        <BreakdownDialog api={api} dept={session.unit.code} year={session.year} cell={breakdown} onClose={() => setBreakdown(null)} />
      )}
      {newUnitOpen && (
        <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && setNewUnitOpen(false)}>
          <div className="modal" role="dialog" aria-modal="true" aria-label="新建单位">
            <h2>新建单位</h2>
            <UnitForm api={api} units={units} onCreated={created} onCancel={() => setNewUnitOpen(false)} />
          </div>
        </div>
      )}
    </div>
  );
}

/** One tab of the report's tab line (a table, 情况说明, 绩效自评 or 调整表). */
function TabButton({ id, current, onPick, title, label }: { id: string; current: string | null; onPick(id: string): void; title: string; label: string }) {
  return (
    <button type="button" role="tab" aria-selected={id === current} className={id === current ? 'tab active' : 'tab'} onClick={() => onPick(id)} title={title}>
      {label}
    </button>
  );
}
