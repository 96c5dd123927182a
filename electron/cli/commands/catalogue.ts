/** `juesuan catalogue import --db … FILE --year Y [--catalogue func] [--dry-run]` */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { cataloguePlanText, commitCatalogueImport, planCatalogueImport } from '../../services/catalogue/catalogueImport';
import { optionalString, parseCommandArgs, requireYear, UsageError } from '../args';
import { withServices, type Output } from '../commands';

const USAGE = '用法：juesuan catalogue import --db 文件 科目.xlsx|科目.csv --year 年度 [--catalogue func] [--dry-run]';

export async function catalogueCommand(args: string[], io: Output): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'import') throw new UsageError(USAGE);
  const spec = { db: { type: 'string' }, packs: { type: 'string' }, year: { type: 'string' }, catalogue: { type: 'string' }, 'dry-run': { type: 'boolean' } } as const;
  const { values, positionals } = parseCommandArgs(rest, spec, true);
  if (positionals.length !== 1) throw new UsageError(USAGE);
  const year = requireYear(values);
  const file = resolve(positionals[0] ?? '');
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String(err.code) : '';
    throw new AppError(code === 'ENOENT' ? `文件“${file}”不存在` : `无法读取文件“${file}”（${code}）`, { file: basename(file) });
  }
  await withServices(values, true, async (s) => {
    const plan = await planCatalogueImport(s.sessions, year, bytes, basename(file), optionalString(values, 'catalogue') ?? 'func');
    for (const line of cataloguePlanText(plan)) io.out(line);
    if (values['dry-run'] === true) {
      io.out('（试运行：未写入任何数据）');
      return;
    }
    const result = await commitCatalogueImport(s.sessions, plan);
    io.out(`已导入 ${year} 年度科目目录：${result.entries} 个科目，保存在数据库中，此后该年度的报表使用此目录`);
  });
}
