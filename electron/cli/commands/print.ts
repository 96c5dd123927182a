/**
 * `juesuan print --db … --unit … --year … --out F.pdf [--tables T01,T03] [--wan] [--blank-zeros]
 * [--narrative] [--perf [--outline hunan|yunnan]] [--audit] [--draft]`: the signed-copy set as a PDF, through a Chromium found on the
 * machine. A report failing a 强制 rule prints only as a draft (--draft), every page marked
 * 未通过审核，仅供核对. The print is recorded with its fingerprints for `juesuan verify`.
 */
import { basename, resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { unfilledMessage } from '../../../shared/narrative/unfilled';
import { assertSafeOutput } from '../../services/files/outputGuard';
import { writeFileAtomic } from '../../services/files/writeFileAtomic';
import { auditStoredReport } from '../../services/reportAudit';
import { storedSession } from '../../services/storedSession';
import { parseCommandArgs, requireString, UsageError } from '../args';
import { withServices, type Output } from '../commands';
import { PRINTED_REPORT, printedRef } from './printedRef';
import { PERF_PART_IDS } from '../../../shared/print/perfParts';

export async function printCommand(args: string[], io: Output): Promise<void> {
  const { values } = parseCommandArgs(
    args,
    {
      ...PRINTED_REPORT,
      out: { type: 'string' },
      tables: { type: 'string' },
      wan: { type: 'boolean' },
      'blank-zeros': { type: 'boolean' },
      narrative: { type: 'boolean' },
      audit: { type: 'boolean' },
      perf: { type: 'boolean' },
      outline: { type: 'string' },
      draft: { type: 'boolean' },
    },
    false,
  );
  const ref = printedRef(values);
  const out = resolve(requireString(values, 'out'));
  if (!/\.pdf$/i.test(out)) throw new UsageError(`输出文件“${basename(out)}”应以 .pdf 结尾`);
  const listed = typeof values.tables === 'string' ? values.tables.split(/[,，\s]+/).filter((t) => t !== '') : null;
  await withServices(values, true, async (s) => {
    assertSafeOutput(out); // before the work: the database is open now, so the guard knows it
    await s.sessions.requireUnit(ref.unit);
    // Only a report that exists is printed; looking for it creates nothing.
    if (!(await storedSession(s.sessions, ref))) {
      throw new AppError(ref.consolidated ? `部门 ${ref.unit} 的单位都没有 ${ref.year} 年度的报表，没有部门汇总可打印` : `单位 ${ref.unit} 没有 ${ref.year} 年度的报表`);
    }
    const { report, results } = await s.sessions.serial(() => auditStoredReport(s.sessions, ref));
    if (report.blocking && values.draft !== true) {
      const ids = [...new Set(results.filter((r) => r.level === '强制').map((r) => r.ruleId))];
      const shown = ids.slice(0, 5).join('、') + (ids.length > 5 ? ' 等' : '');
      throw new AppError(`有 ${report.counts.强制} 处强制审核规则未通过（${shown}），不能打印报送稿；加 --draft 打印每页注明“未通过审核，仅供核对”的核对稿`);
    }
    const remembered = await s.print.settings(ref);
    const settings = {
      ...remembered,
      ...(values.wan === true ? { unit: '万元' as const } : {}),
      ...(values['blank-zeros'] === true ? { blankZeros: true } : {}),
    };
    if (typeof values.outline === 'string') settings.perfOutline = values.outline;
    // --perf: the 自评报告, the 部门整体 and every project's 自评表 (or name them in --tables: perfReport,perfDept,perfProjects).
    const perf = values.perf === true ? PERF_PART_IDS : [];
    const parts = listed
      ? [...listed, ...(values.narrative === true ? ['narrative'] : []), ...perf, ...(values.audit === true ? ['audit'] : [])]
      : [
          ...(settings.cover ? ['cover'] : []),
          ...settings.tables,
          ...(settings.narrative || values.narrative === true ? ['narrative'] : []),
          ...new Set([...(settings.perf ?? []), ...perf]),
          ...(settings.audit || values.audit === true ? ['audit'] : []),
        ];
    const job = await s.print.render(ref, { parts, settings });
    if (job.unfilled.length > 0 && values.draft !== true) throw new AppError(unfilledMessage(job.unfilled, '加 --draft 打印核对稿'));
    const perfUnfilled = job.perfUnfilled ?? [];
    if (perfUnfilled.length > 0 && values.draft !== true) throw new AppError(unfilledMessage(perfUnfilled, '加 --draft 打印核对稿').replace(/^情况说明/, '自评报告'));
    await writeFileAtomic(out, job.pdf);
    await s.print.record(ref, job);
    const list = job.parts.map((p) => `${p.title.split(' ')[0]} ${p.pages} 页`).join('，');
    io.out(`已生成 ${out}：共 ${job.pages} 页（${list}）`);
    io.out(`数据指纹 ${job.fingerprint.fingerprint}，打印时间 ${job.printedAt}，金额单位：${settings.unit}${job.unaudited ? '；强制审核未通过，每页注明“未通过审核，仅供核对”' : ''}`);
  });
}
