/**
 * `juesuan consolidate` (a department's consolidated report: `--json` in the shape of `show --json`,
 * otherwise the members, the 调整表, the 提示 and the tables), `juesuan rollover` (year Y+1 from Y),
 * and the exchange files (`export-exchange`, `import-exchange`).
 */
import { displayCellValue, type CellValue, type KindLike } from '../../../shared/pack/cellKind';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { formatAmount } from '../../../shared/money/fen';
import { writeFileAtomic } from '../../services/files/writeFileAtomic';
import { optionalString, parseCommandArgs, requireString, requireYear, UsageError } from '../args';
import { call, openForShow, reportRef, withServices, type Output } from '../commands';
import { renderTable } from '../textTable';

const COMMON = { db: { type: 'string' }, packs: { type: 'string' } } as const;
const yuan = (fen: number | null) => (fen === null ? '（空）' : formatAmount(fen, { unit: '元' }));
/** A cell of a plan as the grid shows it: amounts in 元, counts, texts and decimals by their type. */
const cellShown = (value: CellValue | null, kind: KindLike = 'money') => (value === null ? '（空）' : displayCellValue(value, kind));

export async function consolidateCommand(args: string[], io: Output): Promise<void> {
  const { values } = parseCommandArgs(args, { ...COMMON, dept: { type: 'string' }, year: { type: 'string' }, table: { type: 'string' }, json: { type: 'boolean' } }, false);
  const ref = { unit: requireString(values, 'dept'), year: requireYear(values), consolidated: true };
  await withServices(values, true, async (s) => {
    const shown = await openForShow(s, ref, optionalString(values, 'table'), values.json === true, io);
    if (!shown) return;
    const { session, ids } = shown;
    const view = await call(s, 'consolidationView', { unit: ref.unit, year: ref.year });
    io.out(`${view.dept.name}（${view.dept.code}） ${ref.year} 年度部门汇总   报表格式：${session.pack.name}`);
    io.out(`\n纳入汇总的单位（${view.members.length} 个）：`);
    for (const m of view.members) io.out(`  ${'  '.repeat(m.depth)}${m.code} ${m.name}（${m.kind}）${m.hasReport ? '' : ' 未填报'}${m.excluded ? ` ${m.excluded}` : ''}`);
    // [项] is the line's key, as `juesuan history --dept … --line` takes it.
    io.out(`\n调整表（${view.lines.length} 项）：`);
    for (const l of view.lines) {
      io.out(`  ${l.pair}  ${l.parent.name}  ${l.rowLabel}  下级${l.childCell.label} ${yuan(l.childAmount)}  上级${l.parentCell.label} ${yuan(l.parentAmount)}  抵销 ${yuan(l.amount)}${l.overridden ? '（手工）' : ''}${l.mismatch ? '  ⚠ 不一致' : ''}  [${l.key}]`);
    }
    if (view.hints.length > 0) {
      io.out('\n提示：');
      for (const h of view.hints) io.out(`  ${h}`);
    }
    for (const id of ids) io.out(`\n${renderTable(session.engine, session.pack, id)}`);
  });
}

export async function rolloverCommand(args: string[], io: Output): Promise<void> {
  const { values } = parseCommandArgs(args, { ...COMMON, unit: { type: 'string' }, from: { type: 'string' }, 'dry-run': { type: 'boolean' } }, false);
  const unit = requireString(values, 'unit');
  const fromText = requireString(values, 'from');
  if (!/^\d{4}$/.test(fromText.trim())) throw new UsageError(`年度“${fromText}”无效，应为四位数字，如 2020`);
  const from = Number(fromText);
  await withServices(values, true, async (s) => {
    const plan = await call(s, values['dry-run'] === true ? 'planRollover' : 'commitRollover', { unit, from });
    io.out(`${values['dry-run'] === true ? '将' : '已'}由 ${from} 年度结转生成 ${plan.to} 年度报表（报表格式 ${plan.packId}）`);
    io.out(`年初数取自 ${from} 年度年末数（${plan.carried.length} 项）：`);
    for (const c of plan.carried) io.out(`  ${c.label}：${cellShown(c.after, c.kind)}`);
    const rows = Object.entries(plan.rows).map(([t, r]) => `${t} ${r.length} 行`).join('，');
    io.out(`沿用科目行：${rows || '无'}；沿用文字：${plan.texts.join('、') || '无'}`);
    if (plan.dropped.length > 0) io.out(`新年度科目目录中没有、未沿用的科目：${plan.dropped.join('、')}`);
  });
}

export async function exportExchangeCommand(args: string[], io: Output): Promise<void> {
  const { values } = parseCommandArgs(args, { ...COMMON, unit: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' } }, false);
  const ref = reportRef(values);
  const out = resolve(requireString(values, 'out'));
  await withServices(values, true, async (s) => {
    const file = await call(s, 'exportExchange', ref);
    await writeFileAtomic(out, Buffer.from(file.base64, 'base64'));
    io.out(`已导出 ${ref.unit} ${ref.year} 年度报送文件到 ${out}`);
  });
}

export async function importExchangeCommand(args: string[], io: Output): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { ...COMMON, dept: { type: 'string' }, 'dry-run': { type: 'boolean' } }, true);
  if (positionals.length !== 1) throw new UsageError('用法：juesuan import-exchange --db 文件 --dept 部门编码 报送文件.json [--dry-run]');
  const dept = requireString(values, 'dept');
  const file = resolve(positionals[0] ?? '');
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new AppError(`找不到或无法读取报送文件“${file}”`);
  }
  await withServices(values, true, async (s) => {
    const { planId, plan } = await call(s, 'planExchangeImport', { dept, fileName: file, base64: bytes.toString('base64') });
    io.out(`${plan.unit.code} ${plan.unit.name} ${plan.year} 年度报表（${plan.packId}）${plan.fresh ? '：库中尚无，将新增' : ''}`);
    if (plan.same) {
      io.out('与库中数据完全相同，无需导入');
      return;
    }
    for (const c of plan.changes) io.out(`  ${c.label}：${cellShown(c.before, c.kind)} → ${cellShown(c.after, c.kind)}`);
    for (const t of plan.texts) io.out(`  文字 ${t.key}：${t.before ?? '（无）'} → ${t.after ?? '（无）'}`);
    for (const r of plan.rows.added) io.out(`  新增科目行 ${r}`);
    for (const r of plan.rows.removed) io.out(`  删除科目行 ${r}`);
    if (values['dry-run'] === true) return;
    await call(s, 'commitExchangeImport', { planId });
    io.out(`已导入（${plan.changes.length} 处数值变化）`);
  });
}
