// Builds main, preload and renderer with electron-vite (a few seconds) unless JUESUAN_SKIP_BUILD=1,
// which the test run sets because `npm test` has just built. Run directly (`node
// scripts/build-if-needed.mjs`) it builds too: the e2e harness and the Chromium bench do that.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export function buildIfNeeded() {
  if (process.env.JUESUAN_SKIP_BUILD === '1') return;
  // electron-vite does not export its bin file; find it beside its package.json.
  const pkg = createRequire(import.meta.url).resolve('electron-vite/package.json');
  const cli = join(dirname(pkg), 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) {
    console.error('构建失败，请查看上面的错误信息。');
    process.exit(result.status ?? 1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) buildIfNeeded();
