/**
 * 绩效自评: the project register, each project's 自评表, the 部门整体 自评表 and the 自评报告, with the
 * 提示 rules (Σ 全年执行数 of the register against 项目支出 of the tables) above them.
 */
import { useEffect, useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { MoneyUnit } from '../../../shared/money/fen';
import { errorText, type ReportSession } from '../app/reportSession';
import { saveFile } from '../excel/saveFile';
import { DeptSheet } from './DeptSheet';
import { PerfReportView } from './PerfReportView';
import { ProjectSheet } from './ProjectSheet';
import { RegisterTable } from './RegisterTable';
import { PerfHistory } from './PerfHistory';
import { usePerf } from './usePerf';
import '../narrative/narrative.css';
import './perf.css';

type Part = 'register' | 'dept' | 'report';

interface Props {
  api: Api;
  session: ReportSession;
  displayUnit: MoneyUnit;
  notify(kind: 'error' | 'info', text: string): void;
  /** Changes when the report was restored or a batch undone (修改记录): read the 绩效自评 again. */
  reloadKey?: number;
}

export function PerfView({ api, session, displayUnit, notify, reloadKey = 0 }: Props) {
  const screen = usePerf(api, session.ref, displayUnit, notify, reloadKey);
  const [part, setPart] = useState<Part>('register');
  const [selected, setSelected] = useState<number | null>(null);
  const [texts, setTexts] = useState<Record<string, string> | null>(null);
  const state = screen.state;
  useEffect(() => {
    if (state) setTexts((t) => t ?? state.texts);
  }, [state]);
  useEffect(() => {
    const projects = screen.data?.projects ?? [];
    if (selected === null || !projects.some((p) => p.id === selected)) setSelected(projects[0]?.id ?? null);
  }, [screen.data, selected]);

  if (screen.failed) return <div className="splash error">无法打开绩效自评：{screen.failed}</div>;
  if (!state || !screen.data) return <div className="splash">正在打开绩效自评…</div>;
  if (!state.pack) return <div className="splash">{session.pack.name}没有绩效自评设置。</div>;
  const pack = state.pack;
  const project = screen.data.projects.find((p) => p.id === selected) ?? null;

  return (
    <div className="perf-view">
      <div className="nv-toolbar">
        <span className="nv-option">
          {(
            [
              ['register', '项目库与项目自评表'],
              ['dept', '部门整体支出绩效自评表'],
              ['report', '自评报告'],
            ] as const
          ).map(([id, label]) => (
            <button key={id} type="button" className={part === id ? 'on' : undefined} aria-pressed={part === id} onClick={() => setPart(id)}>
              {label}
            </button>
          ))}
        </span>
        {part === 'register' && (
          <button
            type="button"
            onClick={() =>
              void screen.run({ op: 'addProject' }).then((id) => {
                if (id !== null) setSelected(id);
              })
            }
          >
            ＋ 新增项目
          </button>
        )}
        <span className="perf-muted perf-unit">金额单位：{displayUnit}</span>
        <button
          type="button"
          title="部门整体和各项目的绩效自评表，公开格式，金额单位同顶栏"
          onClick={() =>
            void api.exportPerfXlsx({ ...session.ref, wan: displayUnit === '万元' }).then(
              (file) => {
                saveFile(file);
                notify('info', `已导出 ${file.fileName}`);
              },
              (err: unknown) => notify('error', errorText(err)),
            )
          }
        >
          导出自评表 Excel
        </button>
      </div>
      {state.checks.length > 0 && (
        <ul className="perf-checks" aria-label="绩效提示">
          {state.checks.map((c, i) => (
            <li key={`${c.id}-${i}`}>
              <span className="perf-check-id">提示 {c.id}</span> {c.message}
            </li>
          ))}
        </ul>
      )}
      <PerfHistory api={api} report={session.ref} data={state.data} unit={displayUnit}>
      <div className="perf-body">
        {part === 'register' && (
          <>
            <RegisterTable screen={screen} selected={selected} onSelect={setSelected} />
            {project && <ProjectSheet key={project.id} screen={screen} pack={pack} project={project} year={session.year} />}
          </>
        )}
        {part === 'dept' && <DeptSheet screen={screen} pack={pack} unitName={session.unit.name} year={session.year} />}
        {part === 'report' && texts && (
          <PerfReportView api={api} reportRef={session.ref} pack={pack} texts={texts} notify={notify} onTexts={setTexts} />
        )}
      </div>
      </PerfHistory>
    </div>
  );
}
