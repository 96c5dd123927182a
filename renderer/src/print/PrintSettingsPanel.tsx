/** The print settings of the open report: paper, orientation, margins, scale, zeros, 元/万元, the set's contents, per-table overrides. */
import type { TableDef } from '../../../shared/pack/model';
import type { Orientation, Paper, PrintSettings, Scale, TablePrintSettings } from '../../../shared/print/settings';
import { PERF_PARTS, type PerfPartId } from '../../../shared/print/perfParts';

interface Props {
  tables: TableDef[];
  settings: PrintSettings;
  hasNarrative: boolean;
  /** The 自评报告's outlines when the report has a 绩效自评 (none for a 部门汇总 or a format without it). */
  perfReports?: readonly { id: string; title: string }[] | null;
  onChange(settings: PrintSettings): void;
}

const ORIENTATIONS: [Orientation, string][] = [
  ['auto', '自动'],
  ['portrait', '纵向'],
  ['landscape', '横向'],
];
const SCALES: [string, string][] = [
  ['fit', '适合页面'],
  ['100', '100%'],
  ['90', '90%'],
  ['80', '80%'],
  ['70', '70%'],
];

function scaleValue(text: string): Scale {
  return text === 'fit' ? 'fit' : Number(text);
}

export function PrintSettingsPanel({ tables, settings, hasNarrative, perfReports, onChange }: Props) {
  const set = (patch: Partial<PrintSettings>) => onChange({ ...settings, ...patch });
  const setTable = (id: string, patch: Partial<TablePrintSettings>) => {
    const own = { ...(settings.perTable[id] ?? {}), ...patch };
    for (const key of Object.keys(own) as (keyof TablePrintSettings)[]) if (own[key] === undefined) delete own[key];
    const perTable = { ...settings.perTable, [id]: own };
    if (Object.keys(own).length === 0) delete perTable[id];
    set({ perTable });
  };
  const togglePerf = (id: PerfPartId, on: boolean) => set({ perf: PERF_PARTS.map((p) => p.id).filter((p) => (p === id ? on : (settings.perf ?? []).includes(p))) });
  const toggleTable = (id: string, on: boolean) => set({ tables: tables.map((t) => t.id).filter((t) => (t === id ? on : settings.tables.includes(t))) });
  const margin = (side: keyof PrintSettings['margins'], label: string) => (
    <label className="print-margin">
      {label}
      <input
        type="number"
        min={0}
        max={60}
        step={1}
        value={settings.margins[side]}
        aria-label={`${label}边距（毫米）`}
        onChange={(e) => {
          const value = Number(e.target.value);
          if (Number.isFinite(value) && value >= 0 && value <= 60) set({ margins: { ...settings.margins, [side]: value } });
        }}
      />
    </label>
  );

  return (
    <div className="print-settings" aria-label="打印设置">
      <fieldset>
        <legend>纸张与方向</legend>
        <div className="print-row">
          {(['A4', 'A3'] as Paper[]).map((p) => (
            <label key={p}>
              <input type="radio" name="print-paper" checked={settings.paper === p} onChange={() => set({ paper: p })} /> {p}
            </label>
          ))}
          <select aria-label="方向" value={settings.orientation} onChange={(e) => set({ orientation: e.target.value as Orientation })}>
            {ORIENTATIONS.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
          <select aria-label="缩放" value={String(settings.scale)} onChange={(e) => set({ scale: scaleValue(e.target.value) })}>
            {SCALES.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="print-row print-margins">
          <span>页边距（毫米）</span>
          {margin('top', '上')}
          {margin('bottom', '下')}
          {margin('left', '左')}
          {margin('right', '右')}
        </div>
      </fieldset>
      <fieldset>
        <legend>数字</legend>
        <div className="print-row">
          {(['元', '万元'] as const).map((u) => (
            <label key={u}>
              <input type="radio" name="print-unit" checked={settings.unit === u} onChange={() => set({ unit: u })} /> {u}
            </label>
          ))}
          <span className="print-sep" />
          <label>
            <input type="radio" name="print-zeros" checked={!settings.blankZeros} onChange={() => set({ blankZeros: false })} /> 零显示 0.00
          </label>
          <label>
            <input type="radio" name="print-zeros" checked={settings.blankZeros} onChange={() => set({ blankZeros: true })} /> 零留空
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>整套包括（各表可单独设方向、纸张、缩放）</legend>
        <label className="print-part">
          <input type="checkbox" checked={settings.cover} onChange={(e) => set({ cover: e.target.checked })} /> 封面
        </label>
        <table className="print-tables">
          <tbody>
            {tables.map((t) => {
              const own = settings.perTable[t.id] ?? {};
              return (
                <tr key={t.id}>
                  <td>
                    <label className="print-part" title={t.title}>
                      <input type="checkbox" checked={settings.tables.includes(t.id)} onChange={(e) => toggleTable(t.id, e.target.checked)} /> {t.code}
                    </label>
                  </td>
                  <td>
                    <select aria-label={`${t.code} 方向`} value={own.orientation ?? ''} onChange={(e) => setTable(t.id, { orientation: (e.target.value || undefined) as Orientation | undefined })}>
                      <option value="">同上</option>
                      {ORIENTATIONS.map(([v, label]) => (
                        <option key={v} value={v}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select aria-label={`${t.code} 纸张`} value={own.paper ?? ''} onChange={(e) => setTable(t.id, { paper: (e.target.value || undefined) as Paper | undefined })}>
                      <option value="">同上</option>
                      <option value="A4">A4</option>
                      <option value="A3">A3</option>
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={`${t.code} 缩放`}
                      value={own.scale === undefined ? '' : String(own.scale)}
                      onChange={(e) => setTable(t.id, { scale: e.target.value === '' ? undefined : scaleValue(e.target.value) })}
                    >
                      <option value="">同上</option>
                      {SCALES.map(([v, label]) => (
                        <option key={v} value={v}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {hasNarrative && (
          <label className="print-part">
            <input type="checkbox" checked={settings.narrative} onChange={(e) => set({ narrative: e.target.checked })} /> 情况说明
          </label>
        )}
        {perfReports && perfReports.length > 0 && (
          <div className="print-perf" role="group" aria-label="绩效自评">
            {PERF_PARTS.map((p) => (
              <label key={p.id} className="print-part">
                <input type="checkbox" checked={(settings.perf ?? []).includes(p.id)} onChange={(e) => togglePerf(p.id, e.target.checked)} /> {p.title}
              </label>
            ))}
            <label className="print-part">
              自评报告格式{' '}
              <select aria-label="自评报告格式" value={settings.perfOutline ?? perfReports[0]?.id ?? ''} onChange={(e) => set({ perfOutline: e.target.value })}>
                {perfReports.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.title}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
        <label className="print-part">
          <input type="checkbox" checked={settings.audit} onChange={(e) => set({ audit: e.target.checked })} /> 审核报告
        </label>
      </fieldset>
      <p className="print-hint">“适合页面”：过宽的表缩小到页宽；只多出几行的表略微缩小，排在少一页内。设置按报表保存，下次打开仍然有效。</p>
    </div>
  );
}
