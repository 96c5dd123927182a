/** Audit figures on the full-size report: every rule from scratch; re-evaluation after one edit. */
import { AuditEngine } from '../../shared/audit/auditEngine';
import { packRuleSet } from '../../shared/audit/loadRules';
import { ReportEngine } from '../../shared/engine/reportEngine';
import { inputCells } from './engineBench';
import type { FullSizeReport } from './fullSizeReport';
import { seededRandom } from './fullSizeReport';
import { ms, printFigures, quantile, timed } from './stats';

export async function benchAudit({ pack, data }: FullSizeReport): Promise<void> {
  const rules = packRuleSet(pack);
  const engine = new ReportEngine(pack, data);
  let audit = new AuditEngine(engine, rules, { unitKind: '行政单位' });
  const scratch: number[] = [];
  for (let i = 0; i < 30; i++) scratch.push(await timed(() => (audit = new AuditEngine(engine, rules, { unitKind: '行政单位' }))));
  const reevaluate: number[] = [];
  for (let i = 0; i < 30; i++) reevaluate.push(await timed(() => audit.reevaluate()));

  const cells = inputCells(engine);
  const random = seededRandom(11);
  const perEdit: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const cell = cells[Math.floor(random() * cells.length)];
    if (!cell) continue;
    const changed = engine.setInputs([{ ...cell, value: Math.floor(random() * 100_000_000) }]);
    perEdit.push(await timed(() => audit.update(changed)));
  }

  printFigures(`审核（满规模报表：${rules.rules.length} 条规则，${audit.instanceCount()} 个规则实例）`, [
    { what: '从零绑定并审核全部规则（中位数）', value: ms(quantile(scratch, 0.5)) },
    { what: '重新审核全部规则（中位数）', value: ms(quantile(reevaluate, 0.5)) },
    { what: '单次修改后增量审核（中位数，1000 次随机修改）', value: ms(quantile(perEdit, 0.5)), target: '< 1 ms' },
    { what: '单次修改后增量审核（p99）', value: ms(quantile(perEdit, 0.99)) },
  ]);
}
