/** `juesuan import-xlsx --db … --unit … --year … F.xlsx [--dry-run]` */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { planLines } from '../../services/excel/planText';
import { commitXlsxImport, planXlsxImport } from '../../services/excel/xlsxService';
import { parseCommandArgs, UsageError } from '../args';
import { REPORT, reportRef, withServices, type Output } from '../commands';

export async function importXlsxCommand(args: string[], io: Output): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { ...REPORT, 'dry-run': { type: 'boolean' } }, true);
  const ref = reportRef(values);
  if (positionals.length !== 1) throw new UsageError('用法：juesuan import-xlsx --db 文件 --unit 单位编码 --year 年度 文件.xlsx [--dry-run]');
  const file = resolve(positionals[0] ?? '');
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String(err.code) : '';
    throw new AppError(code === 'ENOENT' ? `文件“${file}”不存在` : `无法读取文件“${file}”（${code}）`, { file: basename(file) });
  }
  await withServices(values, true, async (s) => {
    const plan = await planXlsxImport(s.sessions, ref, bytes, basename(file));
    for (const line of planLines(plan)) io.out(line);
    if (values['dry-run'] === true) {
      io.out('（试运行：未写入任何数据）');
      return;
    }
    const result = await commitXlsxImport(s.sessions, plan);
    io.out(`已导入：${result.changed} 处数值变动，报表现有 ${result.inputs} 个录入数`);
  });
}
