/**
 * The layering of the source tree as a checker (VS Code's layer checker does the same):
 *  - shared/ is platform-free: no Node, DOM, React or Electron import, only the packages listed;
 *  - inside shared/, layers go one way: base/money → pack → engine → audit → narrative → load, perf
 *    (绩效自评 and its 自评报告, written by the narrative) and print (the HTML of the printed set) → api →
 *    consolidate (部门汇总 works on reports as the contract describes them; nothing below it uses it)
 *    (a module imports only its own layer or the ones before it, types included);
 *  - electron/services never imports electron; renderer/ never imports electron/* (it reaches the
 *    back end only through shared/api), nor Node.
 */
import { dirname, join, normalize } from 'node:path';

export const SHARED_LAYERS: Record<string, number> = { base: 0, money: 0, pack: 1, engine: 2, audit: 3, narrative: 4, load: 5, perf: 5, print: 5, api: 6, consolidate: 7 };
const SHARED_PACKAGES = new Set(['zod']);
/**
 * Files that describe a pack's own files (rules.json, the 情况说明 template) and so belong to the pack
 * layer though they sit beside the code that uses them; they must import only base and pack.
 */
const PACK_LAYER_FILES = new Set(['shared/audit/ruleModel.ts', 'shared/narrative/template.ts']);
const NODE_BUILTIN = /^(node:|fs$|fs\/|path$|os$|crypto$|child_process$|url$|util$|stream$|worker_threads$|http$|https$|net$|events$|buffer$|zlib$)/;

export interface SourceFile {
  /** Path from the repository root, with forward slashes. */
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module specifier a source file imports or re-exports. */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec) out.push(spec);
  }
  return out;
}

/** The repository path a relative specifier points to (no extension), or null for a package. */
function resolved(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  return normalize(join(dirname(from), spec)).replace(/\\/g, '/');
}

function sharedLayer(path: string): { name: string; rank: number } | null {
  if (PACK_LAYER_FILES.has(path) || PACK_LAYER_FILES.has(`${path}.ts`)) return { name: 'pack', rank: SHARED_LAYERS.pack ?? 1 };
  const m = /^shared\/([^/]+)\//.exec(path);
  if (!m || m[1] === undefined) return null;
  const rank = SHARED_LAYERS[m[1]];
  return rank === undefined ? { name: m[1], rank: -1 } : { name: m[1], rank };
}

export function checkLayering(files: readonly SourceFile[]): Violation[] {
  const out: Violation[] = [];
  for (const file of files) {
    const own = file.path;
    for (const spec of importsOf(file.text)) {
      const target = resolved(own, spec);
      const fail = (rule: string) => out.push({ file: own, specifier: spec, rule });
      if (own.startsWith('shared/')) {
        const layer = sharedLayer(own);
        if (layer && layer.rank < 0) fail(`shared/${layer.name} 不在分层表中`);
        if (target === null) {
          if (!SHARED_PACKAGES.has(spec)) fail('shared/ 只能引用不依赖平台的包（zod）');
          continue;
        }
        if (!target.startsWith('shared/')) {
          fail('shared/ 不能引用 shared/ 以外的代码');
          continue;
        }
        const to = sharedLayer(target);
        if (layer && to && to.rank > layer.rank) fail(`shared/${layer.name} 不能引用更高层的 shared/${to.name}`);
      } else if (own.startsWith('electron/services/')) {
        if (spec === 'electron' || spec.startsWith('electron/')) fail('electron/services 不能引用 electron');
        if (target !== null && (target.startsWith('electron/main') || target.startsWith('electron/preload') || target.startsWith('renderer/'))) {
          fail('electron/services 不能引用 Electron 外壳或界面代码');
        }
      } else if (own.startsWith('renderer/')) {
        if (spec === 'electron' || spec.startsWith('electron/') || NODE_BUILTIN.test(spec)) fail('renderer 不能引用 Electron 或 Node');
        if (target !== null && target.startsWith('electron/')) fail('renderer 只能通过 shared/api 与后端通信，不能引用 electron/*');
      }
    }
  }
  return out;
}
