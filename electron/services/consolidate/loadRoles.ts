/** Reads each pack folder's consolidation.json (optional) and checks it against the pack. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PackError } from '../../../shared/pack/errors';
import type { Pack } from '../../../shared/pack/model';
import { checkRoles, rolesSchema, type ConsolidationRoles } from '../../../shared/consolidate/roles';

export async function loadRoles(packsDir: string, packs: readonly Pack[]): Promise<Map<string, ConsolidationRoles>> {
  const out = new Map<string, ConsolidationRoles>();
  let names: string[];
  try {
    names = (await readdir(packsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return out;
  }
  for (const name of names) {
    const dir = join(packsDir, name);
    let manifest: unknown;
    try {
      manifest = JSON.parse(await readFile(join(dir, 'pack.json'), 'utf8'));
    } catch {
      continue;
    }
    const id = typeof manifest === 'object' && manifest !== null && 'id' in manifest ? String(manifest.id) : '';
    const pack = packs.find((p) => p.id === id);
    if (!pack) continue;
    let text: string;
    try {
      text = await readFile(join(dir, 'consolidation.json'), 'utf8');
    } catch {
      continue;
    }
    const file = `${name}/consolidation.json`;
    let raw: unknown;
    try {
      raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (err) {
      throw new PackError(`文件“${file}”不是有效的 JSON：${err instanceof Error ? err.message : String(err)}`, { file });
    }
    const parsed = rolesSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new PackError(`文件“${file}”格式不正确：${issue ? `${issue.path.join('.')} ${issue.message}` : ''}`, { file });
    }
    const problem = checkRoles(parsed.data, pack);
    if (problem) throw new PackError(`文件“${file}”：${problem}`, { file });
    out.set(pack.id, parsed.data);
  }
  return out;
}
