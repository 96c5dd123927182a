import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLayering, importsOf, type SourceFile } from './support/layering';

const ROOT = join(__dirname, '..');

async function sources(dir: string): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  for (const entry of await readdir(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(ts|tsx|mts)$/.test(entry.name)) continue;
    const full = join(entry.parentPath, entry.name);
    out.push({ path: relative(ROOT, full).replace(/\\/g, '/'), text: await readFile(full, 'utf8') });
  }
  return out;
}

describe('layering', () => {
  it('holds for shared/, electron/services and renderer/', async () => {
    const files = [...(await sources('shared')), ...(await sources('electron/services')), ...(await sources('renderer/src'))];
    expect(files.length).toBeGreaterThan(100);
    expect(checkLayering(files)).toEqual([]);
  });

  it('fails on a planted wrong import, naming the file and the rule', async () => {
    const real = await readFile(join(ROOT, 'shared/engine/layout.ts'), 'utf8');
    const planted: SourceFile[] = [
      { path: 'shared/engine/layout.ts', text: `${real}\nimport { loadRules } from '../audit/loadRules';\n` },
      { path: 'shared/pack/model.ts', text: "import type { Unit } from '../api/contract';\n" },
      { path: 'shared/money/fen.ts', text: "import { readFile } from 'node:fs/promises';\n" },
      { path: 'electron/services/api.ts', text: "import { app } from 'electron';\n" },
      { path: 'renderer/src/app/App.tsx', text: "import { ReportStore } from '../../../electron/services/store/reportStore';\n" },
      { path: 'shared/narrative/generate.ts', text: "const x = await import('../../electron/services/paths');\n" },
    ];
    expect(checkLayering(planted)).toEqual([
      { file: 'shared/engine/layout.ts', specifier: '../audit/loadRules', rule: 'shared/engine 不能引用更高层的 shared/audit' },
      { file: 'shared/pack/model.ts', specifier: '../api/contract', rule: 'shared/pack 不能引用更高层的 shared/api' },
      { file: 'shared/money/fen.ts', specifier: 'node:fs/promises', rule: 'shared/ 只能引用不依赖平台的包（zod）' },
      { file: 'electron/services/api.ts', specifier: 'electron', rule: 'electron/services 不能引用 electron' },
      { file: 'renderer/src/app/App.tsx', specifier: '../../../electron/services/store/reportStore', rule: 'renderer 只能通过 shared/api 与后端通信，不能引用 electron/*' },
      { file: 'shared/narrative/generate.ts', specifier: '../../electron/services/paths', rule: 'shared/ 不能引用 shared/ 以外的代码' },
    ]);
  });

  it('reads every form of import', () => {
    const text = [
      "import a from 'a';",
      "import type { B } from './b';",
      "import {\n  c,\n  d,\n} from '../c';",
      "export { e } from './e';",
      "import './side-effect.css';",
      "const f = await import('./f');",
    ].join('\n');
    expect(importsOf(text)).toEqual(['a', './b', '../c', './e', './side-effect.css', './f']);
  });
});
