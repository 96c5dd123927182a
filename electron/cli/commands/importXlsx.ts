/** `juesuan import-xlsx --db … --unit … --year … F.xlsx [--dry-run] [--partial] [--use-sheet 表=工作表]` */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { planLines } from '../../services/excel/planText';
import { commitXlsxImport, planXlsxImport } from '../../services/excel/xlsxService';
import { parseCommandArgs, UsageError } from '../args';
import { REPORT, reportRef, withServices, type Output } from '../commands';

const USAGE = '用法：juesuan import-xlsx --db 文件 --unit 单位编码 --year 年度 文件.xlsx [--dry-run] [--partial] [--use-sheet 表=工作表]';

/** `--use-sheet T09=公开09表`, repeatable: which sheet to take when several claim one table. */
function sheetChoices(values: (string | boolean)[] | undefined): Record<string, string> {
  const choices: Record<string, string> = {};
  for (const value of values ?? []) {
    const text = String(value);
    const at = text.indexOf('=');
    if (at <= 0 || at === text.length - 1) throw new UsageError(`--use-sheet 的值“${text}”无效，应为 表=工作表名称，如 T09=公开09表`);
    choices[text.slice(0, at).trim().toUpperCase()] = text.slice(at + 1).trim();
  }
  return choices;
}

export async function importXlsxCommand(args: string[], io: Output): Promise<void> {
  const { values, positionals, multiples } = parseCommandArgs(
    args,
    { ...REPORT, 'dry-run': { type: 'boolean' }, partial: { type: 'boolean' }, 'use-sheet': { type: 'string', multiple: true } },
    true,
  );
  const ref = reportRef(values);
  if (positionals.length !== 1) throw new UsageError(USAGE);
  const choices = sheetChoices(multiples['use-sheet']);
  const file = resolve(positionals[0] ?? '');
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String(err.code) : '';
    throw new AppError(code === 'ENOENT' ? `文件“${file}”不存在` : `无法读取文件“${file}”（${code}）`, { file: basename(file) });
  }
  const label = basename(file);
  await withServices(values, true, async (s) => {
    const plan = await planXlsxImport(s.sessions, ref, bytes, label, choices);
    for (const line of planLines(plan)) io.out(line);
    if (plan.conflicts.length > 0) {
      const named = plan.conflicts.map((c) => `${c.title}（${c.table}）：${c.sheets.map((x) => `“${x}”`).join('、')}`).join('；');
      throw new AppError(`文件“${label}”中有多张工作表是同一张表（${named}），未导入。请用 --use-sheet 表=工作表 指定使用哪一张`, { file: label });
    }
    if (values['dry-run'] === true) {
      io.out('（试运行：未写入任何数据）');
      return;
    }
    if (!plan.complete && values.partial !== true) {
      const parts = [
        plan.unreadTables.length > 0 ? `${plan.unreadTables.length} 张表不会导入` : '',
        plan.notPlaced.length > 0 ? `${plan.notPlaced.length} 处内容未能导入` : '',
      ].filter(Boolean);
      throw new AppError(
        `文件“${label}”中有${parts.join('、')}（见上），未写入任何数据。请核对文件；如只导入能读取的部分（未能读取的单元格保留原数），加 --partial`,
        { file: label },
      );
    }
    const result = await commitXlsxImport(s.sessions, plan);
    io.out(`已导入：${result.changed} 处数值变动，报表现有 ${result.inputs} 个录入数${plan.complete ? '' : '（部分导入：未能读取的内容见上，保留原数）'}`);
  });
}
