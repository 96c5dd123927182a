/**
 * What consolidation and the year's roll-over need to know about a pack's cells, as pack data
 * (`consolidation.json` beside pack.json), so a new year's or province's tables need no code:
 *  - pairs: the two sides of a transfer inside a department that must be eliminated — the
 *    subordinate's cell and its parent's cell (上缴上级支出 ↔ 附属单位上缴收入, 对附属单位补助支出 ↔
 *    上级补助收入); a side without `row` is matched row by row (by 科目) on a subject table;
 *  - adminOnly: cells summed over 行政单位 and 参公事业单位 only (机关运行经费);
 *  - carry: 年初 cells of the new year and the 年末 cells of last year they take; no `row` = every 科目 row;
 *  - carryTexts: prefixes of the texts that carry over (cover, basic information).
 */
import { z } from 'zod';
import type { Pack } from '../pack/model';

const id = z.string().regex(/^[0-9A-Za-z_]{1,24}$/);
const cell = z.strictObject({ table: id, col: id, row: id.optional(), label: z.string().min(1) });

export const rolesSchema = z.strictObject({
  pairs: z
    .array(z.strictObject({ id, label: z.string().min(1), child: cell, parent: cell }))
    .default([]),
  adminOnly: z.array(z.strictObject({ table: id, row: id, col: id })).default([]),
  carry: z.array(z.strictObject({ from: cell.omit({ label: true }), to: cell.omit({ label: true }) })).default([]),
  carryTexts: z.array(z.string().min(1)).default([]),
});

export type ConsolidationRoles = z.infer<typeof rolesSchema>;
export type RoleCell = { table: string; col: string; row?: string | undefined };

export const NO_ROLES: ConsolidationRoles = { pairs: [], adminOnly: [], carry: [], carryTexts: [] };

/** Every table and column a role names exists in the pack, and a role without a row is on a subject table. */
export function checkRoles(roles: ConsolidationRoles, pack: Pack): string | null {
  const check = (c: RoleCell, what: string): string | null => {
    const table = pack.tables.find((t) => t.id === c.table);
    if (!table) return `${what}：表 ${c.table} 不存在`;
    if (!table.columns.some((col) => col.id === c.col)) return `${what}：表 ${c.table} 没有列 ${c.col}`;
    if (c.row === undefined) {
      const bySubject = table.sides.some((s) => s.rows.some((r) => r.type === 'subject'));
      if (!bySubject) return `${what}：表 ${c.table} 不是科目表，须指明行`;
    } else {
      const fixed = table.sides.some((s) => s.rows.some((r) => (r.type === 'fixed' || r.type === 'catalogue') && (r.type === 'fixed' ? r.rows : (r.footer ?? [])).some((x) => x.id === c.row)));
      if (!fixed && c.row !== 'TOTAL') return `${what}：表 ${c.table} 没有行 ${c.row}`;
    }
    return null;
  };
  for (const p of roles.pairs) {
    const problem = check(p.child, `抵销项目 ${p.id}`) ?? check(p.parent, `抵销项目 ${p.id}`);
    if (problem) return problem;
    if ((p.child.row === undefined) !== (p.parent.row === undefined)) return `抵销项目 ${p.id}：两侧须同为科目行或同为固定行`;
  }
  for (const a of roles.adminOnly) {
    const problem = check(a, '行政参公单位项目');
    if (problem) return problem;
  }
  for (const c of roles.carry) {
    const problem = check(c.from, '结转项目') ?? check(c.to, '结转项目');
    if (problem) return problem;
    if ((c.from.row === undefined) !== (c.to.row === undefined)) return '结转项目：两侧须同为科目行或同为固定行';
  }
  return null;
}
