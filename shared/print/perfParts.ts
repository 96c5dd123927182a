/**
 * The 绩效自评 parts of a printed set, as a clerk picks them: the 部门整体支出绩效自评表, every project's
 * 项目支出绩效自评表 (one sheet per project, printed together), and the 部门整体支出绩效自评报告.
 */
export const PERF_PARTS = [
  { id: 'perfReport', title: '部门整体支出绩效自评报告' },
  { id: 'perfDept', title: '部门整体支出绩效自评表' },
  { id: 'perfProjects', title: '项目支出绩效自评表（每个项目一张）' },
] as const;

export type PerfPartId = (typeof PERF_PARTS)[number]['id'];

export const PERF_PART_IDS: readonly string[] = PERF_PARTS.map((p) => p.id);

export function isPerfPart(id: string): id is PerfPartId {
  return PERF_PART_IDS.includes(id);
}

/** The printed part of one project's sheet (the set lists each project with its first page). */
export function projectPartId(seq: number): string {
  return `perfProject_${seq}`;
}
