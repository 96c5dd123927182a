/**
 * `juesuan narrative --db … --unit … --year … --out F.txt|F.docx [--wan] [--nonzero] [--percent 100%|100.00%]
 * [--zero-amount 0元|0.00元] [--thousands yes|no] [--allow-unfilled]`: writes the 情况说明 of a report and lists
 * the N-check 提示 (they never stop the export). While the document still prints «…» it is refused with the
 * list, unless --allow-unfilled says a draft is meant. Style flags apply to this export only; the report's
 * own choice (made on the screen) is used otherwise.
 */
import { extname, resolve } from 'node:path';
import type { FigureStyle } from '../../../shared/narrative/format';
import { unfilledLines, unfilledPlaceholders } from '../../../shared/narrative/unfilled';
import { assertSafeOutput } from '../../services/files/outputGuard';
import { writeFileAtomic } from '../../services/files/writeFileAtomic';
import { packNarrativeTemplate } from '../../services/narrative/loadTemplate';
import { narrativeFileBytes } from '../../services/narrative/narrativeFile';
import { reportNarrative } from '../../services/narrative/reportNarrative';
import { parseCommandArgs, requireString, UsageError } from '../args';
import { REPORT, reportRef, withServices, type Output } from '../commands';

export const NARRATIVE_USAGE =
  '用法：juesuan narrative --db 文件 --unit 单位编码 --year 年度 --out 文件.txt|文件.docx [--wan] [--nonzero] [--percent 100%|100.00%] [--zero-amount 0元|0.00元] [--thousands yes|no] [--allow-unfilled]';

function styleFlags(values: Record<string, string | boolean | undefined>): Partial<FigureStyle> {
  const style: Partial<FigureStyle> = {};
  const { percent, thousands } = values;
  const zero = values['zero-amount'];
  if (percent !== undefined) {
    if (percent !== '100%' && percent !== '100.00%') throw new UsageError(`--percent 应为 100% 或 100.00%。${NARRATIVE_USAGE}`);
    style.percent = percent === '100%' ? 'trim' : 'fixed';
  }
  if (zero !== undefined) {
    if (zero !== '0元' && zero !== '0.00元') throw new UsageError(`--zero-amount 应为 0元 或 0.00元。${NARRATIVE_USAGE}`);
    style.zero = zero === '0元' ? 'bare' : 'fixed';
  }
  if (thousands !== undefined) {
    if (thousands !== 'yes' && thousands !== 'no') throw new UsageError(`--thousands 应为 yes 或 no。${NARRATIVE_USAGE}`);
    style.grouping = thousands === 'yes';
  }
  return style;
}

export async function narrativeCommand(args: string[], io: Output): Promise<void> {
  const { values } = parseCommandArgs(
    args,
    {
      ...REPORT,
      out: { type: 'string' },
      wan: { type: 'boolean' },
      nonzero: { type: 'boolean' },
      percent: { type: 'string' },
      'zero-amount': { type: 'string' },
      thousands: { type: 'string' },
      'allow-unfilled': { type: 'boolean' },
    },
    false,
  );
  const ref = reportRef(values);
  const out = resolve(requireString(values, 'out'));
  const format = extname(out).toLowerCase();
  if (format !== '.txt' && format !== '.docx') throw new UsageError(`输出文件须以 .txt 或 .docx 结尾。${NARRATIVE_USAGE}`);
  const style = styleFlags(values);
  const allowUnfilled = values['allow-unfilled'] === true;
  await withServices(values, true, async (services) => {
    assertSafeOutput(out); // before the work: the database is open now, so the guard knows it
    await services.api.openReport(ref);
    const session = await services.sessions.open(ref);
    const template = packNarrativeTemplate(session.pack);
    const overrides = {
      ...(values.wan === true ? { unit: '万元' as const } : {}),
      ...(values.nonzero === true ? { zeroItems: 'nonZero' as const } : {}),
      style,
    };
    const result = await reportNarrative(services.sessions, template, ref, overrides);
    const bytes = await narrativeFileBytes(result, format === '.docx' ? 'docx' : 'txt', allowUnfilled, '加 --allow-unfilled 导出草稿');
    await writeFileAtomic(out, bytes);
    const source = { database: `上年数取自 ${ref.year - 1} 年度报表`, typed: '上年数为手工录入', none: '无上年数' }[result.lastYear];
    io.out(`已生成 ${session.unit.name} ${ref.year} 年度情况说明：${out}（${source}）`);
    for (const line of unfilledLines(unfilledPlaceholders(result.doc, result.edits))) io.out(`未填写 ${line}`);
    for (const check of result.checks) io.out(`提示 ${check.id} ${check.message}`);
  });
}
