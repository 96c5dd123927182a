/** An import plan as lines of Chinese text: what `import-xlsx --dry-run` prints and the CLI logs. */
import { plainCellValue, type CellValue, type KindLike } from '../../../shared/pack/cellKind';
import type { ImportPlan } from './importPlan';

function shown(value: CellValue | null, kind: KindLike): string {
  if (value === null) return '（空）';
  return plainCellValue(value, kind);
}

function place(sheet: string | undefined, cell: string | undefined): string {
  return sheet && cell ? `［${sheet}!${cell}］` : '';
}

export function planLines(plan: ImportPlan): string[] {
  const lines: string[] = [];
  lines.push(`导入文件：${plan.fileLabel} → 单位 ${plan.unit} ${plan.unitName} ${plan.year} 年度（报表格式 ${plan.packId}）`);
  lines.push(`金额单位：${plan.sourceUnit}`);
  lines.push(`识别的表：${plan.tables.map((t) => `${t.title}（工作表“${t.sheet}”，${t.unit}）`).join('；')}`);
  for (const s of plan.ignoredSheets) lines.push(`忽略工作表“${s.sheet}”：${s.reason}`);
  for (const note of plan.notes) lines.push(`说明：${note}`);
  if (plan.replaces) lines.push(`替换：${plan.replaces}`);
  for (const u of plan.unreadTables) lines.push(`不会导入：工作表“${u.sheet}”（${u.title}）：${u.reason}`);
  for (const c of plan.conflicts) lines.push(`需要选择：${c.title}（${c.table}）同时出现在 ${c.sheets.map((s) => `工作表“${s}”`).join('、')}`);
  const section = (title: string, items: string[]) => {
    lines.push(`${title}（${items.length}）`);
    for (const item of items) lines.push(`  ${item}`);
  };
  section('新增科目行', plan.newRows.map((r) => r.label));
  section('删除科目行', plan.removedRows.map((r) => r.label));
  section('新增数值', plan.newValues.map((v) => `${v.where}：${shown(v.after, v.kind)}${place(v.sheet, v.cell)}`));
  section('修改数值', plan.changedValues.map((v) => `${v.where}：${shown(v.before, v.kind)} → ${shown(v.after, v.kind)}${place(v.sheet, v.cell)}`));
  section('清除数值', plan.clearedValues.map((v) => `${v.where}：${shown(v.before, v.kind)} → （空）`));
  section('未能导入', plan.notPlaced.map((p) => `${p.sheet}!${p.cell}：${p.reason}`));
  section('未能读取、保留原数', plan.keptValues.map((v) => `${v.where}：保留 ${shown(v.before, v.kind)}${place(v.sheet, v.cell)}`));
  section(
    '计算数与文件不一致',
    plan.computedDifferences.map((d) => `${d.where}：文件 ${shown(d.inFile, d.kind)}，计算 ${shown(d.computed, d.kind)}${place(d.sheet, d.cell)}`),
  );
  section('封面信息', plan.textChanges.map((t) => `${t.label}：${t.before ?? '（空）'} → ${t.after}`));
  return lines;
}
