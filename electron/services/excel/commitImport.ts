/**
 * Writes an import plan: the whole report (rows, inputs, texts) replaced in ONE store transaction
 * (ReportStore.replaceReportData), after checking that the report has not changed since the plan was
 * made and that the plan's data is a valid report for its pack. Texts are kept; cover fields read
 * from the file are set, and `meta.sourceUnit` records whether the figures came in 万元.
 */
import { AppError } from '../../../shared/api/errors';
import { reportSubjects, type ReportSessions } from '../reportSessions';

import { SOURCE_UNIT_KEY } from './cover';
import { reportFingerprint, type ImportPlan } from './importPlan';
import { reportTarget } from './reportTarget';

export interface CommitResult {
  unit: string;
  year: number;
  /** Input cells holding a value after the import. */
  inputs: number;
  changed: number;
}

export function commitWorkbookImport(sessions: ReportSessions, plan: ImportPlan): Promise<CommitResult> {
  return sessions.serial(async () => {
    const ref = { unit: plan.unit, year: plan.year };
    const target = await reportTarget(sessions, ref);
    if (reportFingerprint(target.exists, target.current) !== plan.base) {
      throw new AppError(`单位 ${plan.unit} ${plan.year} 年度的报表在生成导入预览之后已被修改，未导入。请重新选择文件导入`);
    }
    const pack = sessions.packById(plan.packId);
    const texts: Record<string, string> = { ...target.current.texts };
    for (const change of plan.textChanges) texts[change.key] = change.after;
    const engine = sessions.buildEngine(
      target.pack,
      plan.data.rows,
      plan.data.inputs,
      `导入文件“${plan.fileLabel}”的数据`,
      reportSubjects(target.pack, target.basePack, plan.data.rows, texts),
      { strings: plan.data.strings ?? {}, texts },
    );
    if (plan.sourceUnit === '万元') texts[SOURCE_UNIT_KEY] = '万元';
    else delete texts[SOURCE_UNIT_KEY];
    const inputs = Object.fromEntries(Object.entries(engine.inputs()).filter(([, v]) => v !== 0));
    // A backup first: an import replaces a whole report, and a wrong file must be undoable.
    await sessions.backupNow('import');
    try {
      await sessions.store.replaceReportData(target.unit.code, plan.year, pack.id, { rows: engine.addedRows(), inputs, texts, ...(Object.keys(engine.strings()).length > 0 ? { strings: engine.strings() } : {}) }, { how: 'import', note: plan.fileLabel });
    } finally {
      // The cached engine (if any) no longer matches the store, whether the write succeeded or not.
      sessions.drop(ref);
    }
    return {
      unit: plan.unit,
      year: plan.year,
      inputs: Object.keys(inputs).length,
      changed: plan.newValues.length + plan.changedValues.length + plan.clearedValues.length,
    };
  });
}
