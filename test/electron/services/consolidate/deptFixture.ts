/**
 * Generated departments for the consolidation tests and the bench: a tree of units (the first is the
 * 本级), each with a consistent report (makeFullSizeReport with a per-unit seed) plus transfers to and
 * from its parent that keep every 强制 rule holding: a unit's 上缴上级支出 is matched by its 其他收入,
 * the parent's 附属单位上缴收入 by its 经营支出, and likewise for 补助. `mismatch` makes one parent
 * book a different amount than its children sent.
 */
import { cellKey, type ReportData, type UnitKind } from '../../../../shared/api/contract';
import type { Pack } from '../../../../shared/pack/model';
import { makeFullSizeReport, seededRandom } from '../../../../scripts/bench/fullSizeReport';

export interface GeneratedUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parent: string | null;
  data: ReportData;
}

const KINDS: UnitKind[] = ['行政单位', '参照公务员法管理的事业单位', '其他事业单位'];

function add(data: ReportData, table: string, row: string, col: string, value: number): void {
  const key = cellKey(table, row, col);
  data.inputs[key] = (data.inputs[key] ?? 0) + value;
}

export interface DeptOptions {
  units: number;
  seed: number;
  /** 项 rows per unit report (300 = full size). */
  items?: number;
  /** Make the first parent's booked 附属单位上缴收入 differ from what its children sent by this many 分. */
  mismatch?: number;
}

export function generateDept(basePack: Pack, options: DeptOptions): { pack: Pack; units: GeneratedUnit[] } {
  const random = seededRandom(options.seed);
  const items = options.items ?? 8;
  let pack = basePack;
  const units: GeneratedUnit[] = [];
  for (let i = 0; i < options.units; i++) {
    const report = makeFullSizeReport(basePack, options.seed * 10_000 + i, items);
    pack = report.pack;
    const code = i === 0 ? 'D' : `D${String(i).padStart(4, '0')}`;
    const parent = i === 0 ? null : (units[Math.floor(random() * Math.min(i, 8))]?.code ?? 'D');
    units.push({
      code,
      name: i === 0 ? '某某县测试局' : `测试局下属单位${i}`,
      kind: i === 0 ? '行政单位' : (KINDS[Math.floor(random() * 3)] ?? '其他事业单位'),
      parent,
      data: { rows: report.data.rows, inputs: { ...report.data.inputs }, texts: {} },
    });
  }
  const byCode = new Map(units.map((u) => [u.code, u]));
  let mismatchDone = false;
  for (const u of units) {
    if (u.parent === null) continue;
    const parent = byCode.get(u.parent);
    if (!parent) continue;
    const row = u.data.rows.T03?.[Math.floor(random() * (u.data.rows.T03?.length ?? 1))];
    if (!row || !(parent.data.rows.T03 ?? []).includes(row)) continue;
    const remit = Math.floor(random() * 5_000_000) + 100;
    add(u.data, 'T03', row, 'c4', remit); // 上缴上级支出
    add(u.data, 'T02', row, 'c7', remit); // balanced by 其他收入
    let booked = remit;
    if (options.mismatch && !mismatchDone) {
      booked = remit + options.mismatch;
      mismatchDone = true;
    }
    add(parent.data, 'T02', row, 'c6', booked); // 附属单位上缴收入
    add(parent.data, 'T03', row, 'c5', booked); // balanced by 经营支出
    const subsidy = Math.floor(random() * 3_000_000) + 100;
    add(parent.data, 'T03', row, 'c6', subsidy); // 对附属单位补助支出
    add(parent.data, 'T02', row, 'c7', subsidy);
    add(u.data, 'T02', row, 'c3', subsidy); // 上级补助收入
    add(u.data, 'T03', row, 'c5', subsidy);
  }
  // T01 总计 must balance after the transfers: they add equally to income and expense, so it does.
  return { pack, units };
}
