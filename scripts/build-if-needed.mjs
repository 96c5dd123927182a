// Builds main, preload and renderer with electron-vite (a few seconds) unless JUESUAN_SKIP_BUILD=1,
// which the test run sets because `npm test` has just built.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

export function buildIfNeeded() {
  if (process.env.JUESUAN_SKIP_BUILD === '1') return;
  const cli = createRequire(import.meta.url).resolve('electron-vite/bin/electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) {
    console.error('构建失败，请查看上面的错误信息。');
    process.exit(result.status ?? 1);
  }
}
