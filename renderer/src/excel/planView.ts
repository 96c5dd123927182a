/**
 * An import plan as the preview shows it: sections of readable Chinese lines, each with the sheet
 * and cell it came from. Pure, so the wording is tested without a browser.
 */
import type { ImportPlanView, ValueChange } from '../../../shared/api/xlsxPlan';
import { displayCellValue, type CellValue, type KindLike } from '../../../shared/pack/cellKind';

export type SectionTone = 'add' | 'change' | 'remove' | 'warn' | 'info' | 'refused';

export interface PlanLine {
  text: string;
  /** `公开03表!F9`, when the line comes from a place in the file. */
  place?: string;
}

export interface PlanSection {
  key: string;
  title: string;
  tone: SectionTone;
  /** One sentence under the title: what the section means for the clerk. */
  hint?: string;
  lines: PlanLine[];
}

/** Plans can be long; the preview shows this many lines per section and says how many more. */
export const LINES_SHOWN = 200;

/** A value in 元 as the grid shows it (counts as whole numbers); an empty cell reads （空）. */
export function shownValue(value: CellValue | null, kind: KindLike): string {
  if (value === null) return '（空）';
  return displayCellValue(value, kind);
}

function placeOf(sheet: string | undefined, cell: string | undefined): string | undefined {
  return sheet && cell ? `${sheet}!${cell}` : undefined;
}

function valueLine(v: ValueChange, text: string): PlanLine {
  const place = placeOf(v.sheet, v.cell);
  return place ? { text, place } : { text };
}

/** What importing would change, section by section; empty sections are left out. */
export function planSections(plan: ImportPlanView): PlanSection[] {
  const sections: PlanSection[] = [
    {
      key: 'unread',
      title: '不会导入的表',
      tone: 'refused',
      hint: '文件中有这些表，但无法读取，导入后本报表中这些表保持原样。请核对文件，或导入后手工填写。',
      lines: plan.unreadTables.map((u) => ({ text: `不会导入：${u.title}——${u.reason}`, place: u.sheet })),
    },
    {
      key: 'changed',
      title: '修改的数值（原数 → 新数）',
      tone: 'change',
      lines: plan.changedValues.map((v) => valueLine(v, `${v.where}：${shownValue(v.before, v.kind)} → ${shownValue(v.after, v.kind)}`)),
    },
    {
      key: 'new',
      title: '新填入的数值',
      tone: 'add',
      lines: plan.newValues.map((v) => valueLine(v, `${v.where}：${shownValue(v.after, v.kind)}`)),
    },
    {
      key: 'cleared',
      title: '将被清空的数值',
      tone: 'remove',
      hint: '本报表中有数、文件中为空或为零的单元格，导入后清空。',
      lines: plan.clearedValues.map((v) => valueLine(v, `${v.where}：${shownValue(v.before, v.kind)} → （空）`)),
    },
    { key: 'newRows', title: '新增的科目行', tone: 'add', lines: plan.newRows.map((r) => ({ text: r.label })) },
    { key: 'removedRows', title: '删除的科目行', tone: 'remove', hint: '文件中没有这些科目，导入后从本报表中删除。', lines: plan.removedRows.map((r) => ({ text: r.label })) },
    {
      key: 'notPlaced',
      title: '未能导入的内容',
      tone: 'warn',
      hint: '以下单元格的内容没有导入，请核对文件；如需要，导入后在表中手工填写。',
      lines: plan.notPlaced.map((p) => ({ text: p.reason, place: placeOf(p.sheet, p.cell) ?? p.sheet })),
    },
    {
      key: 'kept',
      title: '未能读取、保留原数的单元格',
      tone: 'warn',
      hint: '文件中这些单元格的内容无法读取（原因见上），导入后保留本报表中的原数，不会清空。',
      lines: plan.keptValues.map((v) => valueLine(v, `${v.where}：保留 ${shownValue(v.before, v.kind)}`)),
    },
    {
      key: 'computed',
      title: '计算数与文件不一致',
      tone: 'warn',
      hint: '合计、小计等自动计算的单元格不导入，由本程序按导入的数重新计算；以下是文件中的数与计算结果不同之处。',
      lines: plan.computedDifferences.map((d) => {
        const text = `${d.where}：文件中为 ${shownValue(d.inFile, d.kind)}，计算得 ${shownValue(d.computed, d.kind)}`;
        const place = placeOf(d.sheet, d.cell);
        return place ? { text, place } : { text };
      }),
    },
    { key: 'texts', title: '封面信息', tone: 'change', lines: plan.textChanges.map((t) => ({ text: `${t.label}：${t.before ?? '（空）'} → ${t.after}` })) },
    {
      key: 'ignored',
      title: '忽略的工作表',
      tone: 'info',
      lines: plan.ignoredSheets.map((s) => ({ text: `工作表“${s.sheet}”：${s.reason}` })),
    },
  ];
  return sections.filter((s) => s.lines.length > 0);
}

/** True when committing would change no figure, row or cover field of the report. */
export function planChangesNothing(plan: ImportPlanView): boolean {
  return (
    plan.newValues.length + plan.changedValues.length + plan.clearedValues.length + plan.newRows.length + plan.removedRows.length + plan.textChanges.length ===
    0
  );
}

/** The one-line summary above the sections. */
export function planSummary(plan: ImportPlanView): string {
  if (planChangesNothing(plan) && plan.complete) return '文件中的数与本报表一致，导入不会改变任何数值。';
  const parts = [
    plan.changedValues.length > 0 ? `修改 ${plan.changedValues.length} 个数值` : '',
    plan.newValues.length > 0 ? `新填 ${plan.newValues.length} 个数值` : '',
    plan.clearedValues.length > 0 ? `清空 ${plan.clearedValues.length} 个数值` : '',
    plan.newRows.length > 0 ? `新增 ${plan.newRows.length} 个科目行` : '',
    plan.removedRows.length > 0 ? `删除 ${plan.removedRows.length} 个科目行` : '',
    plan.textChanges.length > 0 ? `更新 ${plan.textChanges.length} 项封面信息` : '',
  ].filter(Boolean);
  const warn = [
    plan.unreadTables.length > 0 ? `${plan.unreadTables.length} 张表不会导入` : '',
    plan.notPlaced.length > 0 ? `${plan.notPlaced.length} 处未能导入` : '',
  ].filter(Boolean);
  const rest = warn.length > 0 ? `；另有 ${warn.join('、')}` : '';
  if (parts.length === 0) return `导入不会改变任何数值${rest}。`;
  return `导入将${parts.join('、')}${rest}。`;
}

/** What the file is read as: the source unit, and that 万元 figures are rounded. */
export function sourceUnitText(plan: ImportPlanView): string {
  if (plan.sourceUnit === '万元') {
    return '文件金额单位：万元。导入时换算为元；万元数只精确到 0.01 万元（100 元），换算后的金额是四舍五入的近似数，合计可能有尾差。';
  }
  return '文件金额单位：元。';
}
