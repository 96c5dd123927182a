/**
 * `juesuan adjust --db … --dept D --year Y --line 调整表项 (--amount 1234.50 | --auto) [--note 说明]`: sets
 * (or with --auto gives back to the program) the eliminated amount of one 调整表 line, through the same
 * Api method as the 调整表 screen, so the change is journalled in the department's 修改记录 like any other.
 * The line is named by the key `juesuan consolidate` prints in brackets. Without --note a line that
 * already has a note keeps it.
 */
import { AppError } from '../../../shared/api/errors';
import type { EliminationLine } from '../../../shared/api/registerContract';
import { formatAmount, parseAmount } from '../../../shared/money/fen';
import { optionalString, parseCommandArgs, requireString, requireYear, UsageError } from '../args';
import { call, withServices, type Output } from '../commands';

const USAGE = '用法：juesuan adjust --db 文件 --dept 部门编码 --year 年度 --line 调整表项 (--amount 金额 | --auto) [--note 说明]';
const yuan = (fen: number) => `${formatAmount(fen, { unit: '元' })} 元`;

/** How a clerk knows the line: its pair, the parent unit and the row, with the key. */
function lineWords(l: EliminationLine): string {
  return `调整表项 ${l.key}（${l.pair}，${l.parent.name}，${l.rowLabel}）`;
}

export async function adjustCommand(args: string[], io: Output): Promise<void> {
  const { values } = parseCommandArgs(
    args,
    {
      db: { type: 'string' },
      packs: { type: 'string' },
      dept: { type: 'string' },
      year: { type: 'string' },
      line: { type: 'string' },
      amount: { type: 'string' },
      auto: { type: 'boolean' },
      note: { type: 'string' },
    },
    false,
  );
  const dept = requireString(values, 'dept');
  const year = requireYear(values);
  const key = requireString(values, 'line');
  const amountText = optionalString(values, 'amount');
  const auto = values.auto === true;
  const note = optionalString(values, 'note');
  if ((amountText === undefined) === !auto) throw new UsageError(`--amount 与 --auto 必须给一个且只能给一个（--auto：恢复程序生成的抵销数）。${USAGE}`);
  if (auto && note !== undefined) throw new UsageError('--auto 恢复程序生成的抵销数并清除说明，不能同时给 --note');
  await withServices(values, true, async (s) => {
    const before = await call(s, 'consolidationView', { unit: dept, year });
    const line = before.lines.find((l) => l.key === key);
    if (!line) {
      throw new AppError(
        `部门 ${before.dept.name}（${dept}）${year} 年度的调整表中没有“${key}”这一项；各项的编号见 juesuan consolidate --dept ${dept} --year ${year} 输出中方括号内的文字`,
      );
    }
    let amount: number | null = null;
    if (amountText !== undefined) {
      const parsed = parseAmount(amountText);
      if (!parsed.ok) throw new AppError(`${lineWords(line)}的抵销数：${parsed.message}`);
      if (parsed.fen === null) throw new AppError(`${lineWords(line)}的抵销数不能为空；要恢复程序生成的抵销数请用 --auto`);
      amount = parsed.fen;
    }
    const history = await call(s, 'reportHistory', { unit: dept, year, consolidated: true });
    const after = await call(s, 'setAdjustment', {
      unit: dept,
      year,
      key,
      amount,
      ...(amount === null ? {} : { note: note ?? (line.overridden ? line.note : '') }),
    });
    const now = after.lines.find((l) => l.key === key) ?? line;
    const batches = await call(s, 'reportHistory', { unit: dept, year, consolidated: true });
    const batch = batches[0] && batches[0].id !== history[0]?.id ? batches[0] : null;
    io.out(
      `${lineWords(now)}：抵销 ${yuan(now.amount)}${now.overridden ? '（手工填写）' : '（程序生成）'}` +
        `，原为 ${yuan(line.amount)}${line.overridden ? '（手工填写）' : ''}${now.note ? `；说明：${now.note}` : ''}`,
    );
    io.out(batch ? `已记入部门的修改记录第 ${batch.id} 批（可用 juesuan history undo --dept ${dept} --year ${year} ${batch.id} 撤销）` : '与原来相同，没有修改');
    if (now.mismatch) io.out(`提示：下级单位合计 ${yuan(now.childAmount)}，上级单位 ${yuan(now.parentAmount)}，两侧不一致`);
  });
}
