/**
 * `juesuan narrative --db … --unit … --year … --out F.txt|F.docx [--wan] [--nonzero]`: writes the
 * 情况说明 of a report and lists the N-check 提示 (they never stop the export).
 */
import { extname, resolve } from 'node:path';
import { writeFileAtomic } from '../../services/files/writeFileAtomic';
import { narrativeDocx } from '../../services/narrative/exportDocx';
import { narrativeTextFile } from '../../services/narrative/exportText';
import { packNarrativeTemplate } from '../../services/narrative/loadTemplate';
import { reportNarrative } from '../../services/narrative/reportNarrative';
import { parseCommandArgs, requireString, UsageError } from '../args';
import { REPORT, reportRef, withServices, type Output } from '../commands';

export const NARRATIVE_USAGE = '用法：juesuan narrative --db 文件 --unit 单位编码 --year 年度 --out 文件.txt|文件.docx [--wan] [--nonzero]';

export async function narrativeCommand(args: string[], io: Output): Promise<void> {
  const { values } = parseCommandArgs(args, { ...REPORT, out: { type: 'string' }, wan: { type: 'boolean' }, nonzero: { type: 'boolean' } }, false);
  const ref = reportRef(values);
  const out = resolve(requireString(values, 'out'));
  const format = extname(out).toLowerCase();
  if (format !== '.txt' && format !== '.docx') throw new UsageError(`输出文件须以 .txt 或 .docx 结尾。${NARRATIVE_USAGE}`);
  await withServices(values, true, async (services) => {
    await services.api.openReport(ref);
    const session = await services.sessions.open(ref);
    const template = packNarrativeTemplate(session.pack);
    const overrides = {
      ...(values.wan === true ? { unit: '万元' as const } : {}),
      ...(values.nonzero === true ? { zeroItems: 'nonZero' as const } : {}),
    };
    const result = await reportNarrative(services.sessions, template, ref, overrides);
    const bytes = format === '.docx' ? await narrativeDocx(result.doc, result.edits) : narrativeTextFile(result.doc, result.edits);
    await writeFileAtomic(out, bytes);
    const source = { database: `上年数取自 ${ref.year - 1} 年度报表`, typed: '上年数为手工录入', none: '无上年数' }[result.lastYear];
    io.out(`已生成 ${session.unit.name} ${ref.year} 年度情况说明：${out}（${source}）`);
    for (const check of result.checks) io.out(`提示 ${check.id} ${check.message}`);
  });
}
