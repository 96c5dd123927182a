/**
 * Loading a year's 科目 catalogue from the bureau's file: a preview (added, renamed, removed 科目,
 * and which removed ones reports of the year still use) before anything changes, then one
 * transaction that keeps the catalogue with the database for that year. The installed pack is
 * never written. Reports that use a 科目 the new catalogue lacks keep the row, marked, under G-1.
 */
import type { CatalogueChange, CataloguePlanView } from '../../../shared/api/catalogueContract';
import { AppError } from '../../../shared/api/errors';
import type { CatalogueEntry, Pack } from '../../../shared/pack/model';
import { layoutCatalogues } from '../../../shared/pack/yearCatalogues';
import type { ReportSessions } from '../reportSessions';
import { replaceYearCatalogue } from '../store/yearCatalogues';
import { readCatalogueFile } from './readCatalogueFile';

export type { CatalogueChange, CataloguePlanView };

export interface CataloguePlan extends CataloguePlanView {
  entries: CatalogueEntry[];
  /** The catalogue the plan was made against, to refuse a commit after another import. */
  baseCount: number;
}

function catalogueFor(pack: Pack, id: string) {
  const catalogue = pack.catalogues[id];
  if (!catalogue) throw new AppError(`报表格式 ${pack.id} 没有科目表“${id}”（有：${Object.keys(pack.catalogues).join('、')}）`);
  if (layoutCatalogues(pack).has(id)) {
    throw new AppError(`${catalogue.title}决定了固定的表行（如基本支出表的经济分类款），不能用文件替换`);
  }
  return catalogue;
}

export function planCatalogueImport(sessions: ReportSessions, year: number, bytes: Uint8Array, fileName: string, catalogueId = 'func'): Promise<CataloguePlan> {
  return sessions.serial(async () => {
    const base = sessions.packForYear(year);
    const shipped = catalogueFor(base, catalogueId);
    const kept = (await sessions.yearCatalogues(year))[catalogueId];
    const current = kept ?? shipped.entries;
    const read = await readCatalogueFile(bytes, fileName, shipped);
    const before = new Map(current.map((e) => [e.code, e]));
    const after = new Map(read.entries.map((e) => [e.code, e]));
    const added: CatalogueChange[] = [];
    const renamed: CatalogueChange[] = [];
    const removed: CatalogueChange[] = [];
    for (const e of read.entries) {
      const old = before.get(e.code);
      if (!old) added.push({ code: e.code, level: e.level, name: e.name });
      else if (old.name !== e.name) renamed.push({ code: e.code, level: e.level, name: e.name, before: old.name });
    }
    for (const e of current) if (!after.has(e.code)) removed.push({ code: e.code, level: e.level, name: e.name });
    const gone = new Set(removed.map((r) => r.code));
    const used = await sessions.store.db.all<{ row_id: string }>(
      'SELECT DISTINCT row_id FROM report_rows JOIN reports ON reports.id = report_rows.report_id WHERE reports.year = ? ORDER BY row_id',
      [year],
    );
    const counts = { 类: 0, 款: 0, 项: 0 };
    for (const e of read.entries) counts[e.level]++;
    return {
      fileName,
      sheet: read.sheet,
      year,
      packId: base.id,
      catalogue: catalogueId,
      catalogueTitle: shipped.title,
      current: kept ? 'database' : 'pack',
      counts,
      added,
      renamed,
      removed,
      stillUsed: used.map((u) => u.row_id).filter((code) => gone.has(code)),
      skipped: read.skipped,
      entries: read.entries,
      baseCount: current.length,
    };
  });
}

export function commitCatalogueImport(sessions: ReportSessions, plan: CataloguePlan): Promise<{ entries: number }> {
  return sessions.serial(async () => {
    const kept = (await sessions.yearCatalogues(plan.year))[plan.catalogue];
    const base = sessions.packForYear(plan.year);
    const current = kept ?? catalogueFor(base, plan.catalogue).entries;
    if (current.length !== plan.baseCount) throw new AppError(`${plan.year} 年度的科目目录在预览之后已改变，未导入。请重新选择文件`);
    await replaceYearCatalogue(sessions.store.db, plan.year, plan.catalogue, plan.fileName, plan.entries);
    sessions.forgetYear(plan.year);
    return { entries: plan.entries.length };
  });
}

/** The preview as lines of text (the CLI prints it; the screen shows the same lists). */
export function cataloguePlanText(plan: CataloguePlanView, limit = 20): string[] {
  const lines = [
    `科目目录文件：${plan.fileName}（工作表“${plan.sheet}”）→ ${plan.year} 年度${plan.catalogueTitle}（报表格式 ${plan.packId}）`,
    `文件中有 类 ${plan.counts.类} 个、款 ${plan.counts.款} 个、项 ${plan.counts.项} 个；现用目录来自${plan.current === 'pack' ? '程序自带的数据包' : '数据库中此前导入的文件'}`,
  ];
  const list = (title: string, items: CatalogueChange[], show: (c: CatalogueChange) => string) => {
    lines.push(`${title}：${items.length} 个`);
    for (const c of items.slice(0, limit)) lines.push(`  ${show(c)}`);
    if (items.length > limit) lines.push(`  ……另有 ${items.length - limit} 个`);
  };
  list('新增科目', plan.added, (c) => `${c.code} ${c.name}（${c.level}）`);
  list('改名科目', plan.renamed, (c) => `${c.code} ${c.before ?? ''} → ${c.name}`);
  list('删除科目', plan.removed, (c) => `${c.code} ${c.name}（${c.level}）`);
  if (plan.stillUsed.length > 0) {
    lines.push(`已删除但报表仍在使用的科目（保留在报表中并标为“目录外”，审核提示 G-1）：${plan.stillUsed.join('、')}`);
  }
  for (const s of plan.skipped.slice(0, limit)) lines.push(`  ${s}`);
  return lines;
}
