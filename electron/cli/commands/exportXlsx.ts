/** `juesuan export-xlsx --db … --unit … --year … --out F.xlsx [--wan] [--blank-zeros] [--draft]` */
import { basename, resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { exportReportXlsx } from '../../services/excel/xlsxService';
import { assertSafeOutput } from '../../services/files/outputGuard';
import { writeFileAtomic } from '../../services/files/writeFileAtomic';
import { parseCommandArgs, requireString, UsageError } from '../args';
import { REPORT, reportRef, withServices, type Output } from '../commands';

export async function exportXlsxCommand(args: string[], io: Output): Promise<void> {
  const { values } = parseCommandArgs(
    args,
    { ...REPORT, out: { type: 'string' }, wan: { type: 'boolean' }, 'blank-zeros': { type: 'boolean' }, draft: { type: 'boolean' } },
    false,
  );
  const ref = reportRef(values);
  const out = resolve(requireString(values, 'out'));
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`输出文件“${basename(out)}”应以 .xlsx 结尾`);
  const unit = values.wan === true ? '万元' : '元';
  await withServices(values, true, async (s) => {
    assertSafeOutput(out); // before the work: the database is open now, so the guard knows it
    await s.sessions.requireUnit(ref.unit);
    if (!(await s.store.findReport(ref.unit, ref.year))) throw new AppError(`单位 ${ref.unit} 没有 ${ref.year} 年度的报表`);
    const bytes = await exportReportXlsx(s.sessions, ref, { unit, blankZeros: values['blank-zeros'] === true, draft: values.draft === true });
    await writeFileAtomic(out, bytes);
    io.out(`已导出 ${ref.unit} ${ref.year} 年度公开表到 ${out}（金额单位：${unit}）`);
  });
}
