/** Turns the rows of a catalogue CSV into entries, refusing what would make a broken 科目 tree. */
import { z } from 'zod';
import { PackError } from './errors';
import { DEFAULT_CODE_LENGTHS, type CatalogueEntry, type CodeLengths } from './model';
import { catalogueRowSchema } from './schema';

const zhCN = z.locales.zhCN().localeError;

/** CSV line of data row i (the header is line 1). */
const lineOf = (i: number) => i + 2;

export function checkCatalogue(file: string, rows: readonly Record<string, string>[], codeLength: CodeLengths = DEFAULT_CODE_LENGTHS): CatalogueEntry[] {
  const fail = (i: number, code: string, fault: string): never => {
    throw new PackError(`科目表文件“${file}”第 ${lineOf(i)} 行${code ? `（编码 ${code}）` : ''}：${fault}`, { file, row: code || undefined });
  };
  const entries: CatalogueEntry[] = [];
  const byCode = new Map<string, { entry: CatalogueEntry; line: number }>();
  rows.forEach((raw, i) => {
    const parsed = catalogueRowSchema.safeParse(raw, { error: zhCN });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      fail(i, typeof raw.code === 'string' ? raw.code.trim() : '', `${field ? `字段 ${field} ` : ''}${issue?.message ?? '格式不正确'}`);
      return;
    }
    const entry = parsed.data;
    if (entry.code.length !== codeLength[entry.level]) {
      fail(i, entry.code, `${entry.level}级科目编码应为 ${codeLength[entry.level]} 位，实际 ${entry.code.length} 位`);
    }
    const previous = byCode.get(entry.code);
    if (previous) fail(i, entry.code, `科目编码重复（第 ${previous.line} 行已有）`);
    byCode.set(entry.code, { entry, line: lineOf(i) });
    entries.push(entry);
  });
  const parentLevel = { 款: '类', 项: '款' } as const;
  entries.forEach((entry, i) => {
    if (entry.level === '类') {
      if (entry.parent !== '') fail(i, entry.code, `类级科目不应有上级科目（写了“${entry.parent}”）`);
      return;
    }
    if (entry.parent === '') fail(i, entry.code, `${entry.level}级科目缺少上级科目`);
    const parent = byCode.get(entry.parent)?.entry;
    if (!parent) fail(i, entry.code, `上级科目“${entry.parent}”在本科目表中不存在`);
    else if (parent.level !== parentLevel[entry.level]) {
      fail(i, entry.code, `上级科目“${entry.parent}”是${parent.level}级，应为${parentLevel[entry.level]}级`);
    } else if (!entry.code.startsWith(entry.parent)) {
      fail(i, entry.code, `编码不以上级科目编码“${entry.parent}”开头`);
    }
  });
  return entries;
}
