/** `--unit C` names a unit's report; `--dept C` instead names the department's consolidated report (部门汇总). */
import type { ReportRef } from '../../../shared/api/contract';
import { optionalString, requireYear, UsageError, type Parsed } from '../args';
import { REPORT } from '../commands';

export const PRINTED_REPORT = { ...REPORT, dept: { type: 'string' } } as const;

export function printedRef(values: Parsed['values']): ReportRef {
  const unit = optionalString(values, 'unit');
  const dept = optionalString(values, 'dept');
  if (unit !== undefined && dept !== undefined) throw new UsageError('--unit 与 --dept 只能给一个：--unit 为单位的报表，--dept 为部门汇总');
  if (dept !== undefined) return { unit: dept, year: requireYear(values), consolidated: true };
  if (unit === undefined) throw new UsageError('缺少 --unit（单位编码）；打印部门汇总用 --dept 部门编码');
  return { unit, year: requireYear(values) };
}
