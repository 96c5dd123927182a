/**
 * The Api methods of the 科目 catalogue import: the bureau's file is previewed (plan kept here under
 * a random id) and the commit keeps exactly the catalogue that was shown.
 */
import { randomBytes } from 'node:crypto';
import type { Api } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import type { ReportSessions } from '../reportSessions';
import { commitCatalogueImport, planCatalogueImport, type CataloguePlan } from './catalogueImport';

type CatalogueMethods = Pick<Api, 'planCatalogueImport' | 'commitCatalogueImport'>;

/** Plans kept at once; the screen only ever shows the latest. */
const MAX_PLANS = 4;

export function catalogueMethods(sessions: ReportSessions, changed: (year: number) => void = () => undefined): CatalogueMethods {
  const plans = new Map<string, CataloguePlan>();
  return {
    planCatalogueImport: async ({ year, fileName, base64, catalogue }) => {
      const plan = await planCatalogueImport(sessions, year, Buffer.from(base64, 'base64'), fileName, catalogue ?? 'func');
      const planId = randomBytes(16).toString('hex');
      plans.set(planId, plan);
      while (plans.size > MAX_PLANS) plans.delete(plans.keys().next().value!);
      const { entries: _entries, baseCount: _baseCount, ...view } = plan;
      return { planId, plan: view };
    },
    commitCatalogueImport: async ({ planId }) => {
      const plan = plans.get(planId);
      if (!plan) throw new AppError('科目目录的预览已失效，请重新选择文件');
      plans.delete(planId);
      const result = await commitCatalogueImport(sessions, plan);
      changed(plan.year);
      return { year: plan.year, entries: result.entries };
    },
  };
}
