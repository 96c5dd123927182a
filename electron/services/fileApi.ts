/**
 * The Api methods that turn a report into files or read one in: last year's report, the 公开表
 * workbook, the import of a bureau workbook (planned, shown, then committed), and the 情况说明.
 * Import plans stay here under a random id: the screen sees what will change, and the commit writes
 * exactly the plan that was shown, not data sent back by the page.
 */
import { randomBytes } from 'node:crypto';
import type { Api, ReportRef } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { ImportPlan } from '../../shared/api/xlsxPlan';
import { commitXlsxImport, exportReportXlsx, planXlsxImport } from './excel/xlsxService';
import { narrativeFileBytes } from './narrative/narrativeFile';
import { packNarrativeTemplate } from './narrative/loadTemplate';
import { reportNarrative } from './narrative/reportNarrative';
import type { ReportSessions } from './reportSessions';
import { previousYearSession } from './storedSession';

type FileMethods = Pick<Api, 'previousYear' | 'exportXlsx' | 'planXlsxImport' | 'commitXlsxImport' | 'exportNarrative'>;

/** Plans kept at once; an older one must be made again (the screen only ever shows the latest). */
const MAX_PLANS = 8;

export function fileMethods(sessions: ReportSessions): FileMethods {
  const plans = new Map<string, ImportPlan>();

  const unitName = async (ref: ReportRef) => (await sessions.requireUnit(ref.unit)).name;

  return {
    previousYear: async (ref) => {
      const previous = await sessions.serial(() => previousYearSession(sessions, ref));
      if (!previous) return null;
      const subjects = previous.engine.subjectNames();
      return {
        year: previous.year,
        packId: previous.pack.id,
        rows: previous.engine.addedRows(),
        inputs: previous.engine.inputs(),
        ...(Object.keys(subjects).length > 0 ? { subjects } : {}),
      };
    },

    exportXlsx: async ({ wan, blankZeros, draft = false, ...ref }) => {
      const bytes = await exportReportXlsx(sessions, ref, { unit: wan ? '万元' : '元', blankZeros, draft });
      const kind = draft ? '（核对稿）' : '';
      return { fileName: `${await unitName(ref)}${ref.year}年度部门决算公开表${kind}.xlsx`, base64: bytes.toString('base64') };
    },

    planXlsxImport: async ({ fileName, base64, choices, ...ref }) => {
      const plan = await planXlsxImport(sessions, ref, Buffer.from(base64, 'base64'), fileName, choices);
      const planId = randomBytes(16).toString('hex');
      plans.set(planId, plan);
      while (plans.size > MAX_PLANS) plans.delete(plans.keys().next().value!);
      const { data: _data, base: _base, ...view } = plan;
      return { planId, plan: view };
    },

    commitXlsxImport: async ({ planId, ...ref }) => {
      const plan = plans.get(planId);
      if (!plan || plan.unit !== ref.unit || plan.year !== ref.year) throw new AppError('导入预览已失效，请重新选择文件');
      plans.delete(planId);
      const result = await commitXlsxImport(sessions, plan);
      return { inputs: result.inputs, changed: result.changed };
    },

    exportNarrative: async ({ format, allowUnfilled, ...ref }) => {
      const result = await sessions.serial(async () => {
        const session = await sessions.open(ref);
        return reportNarrative(sessions, packNarrativeTemplate(session.pack), ref);
      });
      const bytes = await narrativeFileBytes(result, format, allowUnfilled === true, '确认后仍然导出');
      return { fileName: `${await unitName(ref)}${ref.year}年度部门决算情况说明.${format}`, base64: bytes.toString('base64') };
    },
  };
}
