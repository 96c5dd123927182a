/** Reads `narrative/template.json` of the pack folder whose pack.json carries the pack's id. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PackError } from '../../../shared/pack/errors';
import type { Pack } from '../../../shared/pack/model';
import type { NarrativeTemplate } from '../../../shared/narrative/template';
import { validateTemplate } from '../../../shared/narrative/validateTemplate';

export const TEMPLATE_FILE = join('narrative', 'template.json');

async function packFolder(packsDir: string, packId: string): Promise<string> {
  const entries = await readdir(packsDir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const dir = join(packsDir, entry.name);
    const manifest = await readFile(join(dir, 'pack.json'), 'utf8').catch(() => null);
    if (manifest === null) continue;
    try {
      const parsed: unknown = JSON.parse(manifest.replace(/^\uFEFF/, ''));
      if (typeof parsed === 'object' && parsed !== null && 'id' in parsed && parsed.id === packId) return dir;
    } catch {
      continue;
    }
  }
  throw new PackError(`找不到报表格式 ${packId} 的文件夹（${packsDir}）`, { file: packsDir });
}

export async function loadNarrativeTemplate(packsDir: string, pack: Pack): Promise<NarrativeTemplate> {
  const dir = await packFolder(packsDir, pack.id);
  const file = join(dir, TEMPLATE_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new PackError(`报表格式 ${pack.id} 没有情况说明模板（${file}）`, { file });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new PackError(`情况说明模板“${file}”不是有效的 JSON：${err instanceof Error ? err.message : String(err)}`, { file });
  }
  return validateTemplate(json, file, pack);
}
