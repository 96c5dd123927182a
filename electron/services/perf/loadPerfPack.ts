/**
 * Reads each pack's perf/perf.json and its report templates, checked on load like the 情况说明's: a
 * broken scheme or template is a PackError naming the file, caught at start and not in front of a clerk.
 * A pack without the folder simply has no 绩效自评.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PackError } from '../../../shared/pack/errors';
import type { Pack } from '../../../shared/pack/model';
import { validateTemplate } from '../../../shared/narrative/validateTemplate';
import { perfFileSchema, schemeProblems, type PerfPackData } from '../../../shared/perf/packData';
import { packWithRegister } from '../../../shared/perf/reportSource';

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new PackError(`绩效自评设置文件“${file}”不存在或无法读取`, { file });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new PackError(`文件“${file}”不是有效的 JSON：${err instanceof Error ? err.message : String(err)}`, { file });
  }
}

/** The 绩效 data of the pack in `dir`, or null when it has none. */
export async function loadPerfPack(dir: string, pack: Pack): Promise<PerfPackData | null> {
  const file = join(dir, 'perf', 'perf.json');
  const exists = await readFile(file).then(() => true, () => false);
  if (!exists) return null;
  const parsed = perfFileSchema.safeParse(await readJson(file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PackError(`绩效自评设置“${file}”格式有误（${issue?.path.join('.') ?? ''}）：${issue?.message ?? ''}`, { file });
  }
  const problems = schemeProblems(parsed.data);
  if (problems.length > 0) throw new PackError(`绩效自评设置“${file}”：${problems.join('；')}`, { file });
  const visible = packWithRegister(pack);
  const reports = [];
  for (const r of parsed.data.reports) {
    const templateFile = join(dir, 'perf', r.file);
    reports.push({ id: r.id, title: r.title, unit: r.unit, percent: r.percent, template: validateTemplate(await readJson(templateFile), templateFile, visible) });
  }
  const { scheme, fundLevel1, fundPoints, level2, projectSpending, notes } = parsed.data;
  if (!pack.tables.some((t) => t.id === projectSpending.table && t.columns.some((c) => c.id === projectSpending.column))) {
    throw new PackError(`绩效自评设置“${file}”：项目支出所在的表 ${projectSpending.table} 列 ${projectSpending.column} 不存在`, { file });
  }
  return { scheme, fundLevel1, fundPoints, level2, projectSpending, reports, notes };
}

/** Pack id → its 绩效 data, for every pack folder under `root` that has one. */
export async function loadPerfPacks(root: string, packs: readonly Pack[]): Promise<Map<string, PerfPackData>> {
  const out = new Map<string, PerfPackData>();
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const dir = join(root, entry.name);
    const manifest = await readFile(join(dir, 'pack.json'), 'utf8').then((t) => JSON.parse(t.replace(/^\uFEFF/, '')) as unknown, () => null);
    const id = typeof manifest === 'object' && manifest !== null && 'id' in manifest ? String(manifest.id) : null;
    const pack = packs.find((p) => p.id === id);
    if (!pack) continue;
    const data = await loadPerfPack(dir, pack);
    if (data) out.set(pack.id, data);
  }
  return out;
}
