// `npm run web`: the workstation in the browser, served on 127.0.0.1 with a per-launch token.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded } from './build-if-needed.mjs';

const hostMain = fileURLToPath(new URL('../electron/web/main.ts', import.meta.url));

export function startWeb(args) {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), hostMain, ...args], { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildIfNeeded();
  startWeb(process.argv.slice(2));
}
