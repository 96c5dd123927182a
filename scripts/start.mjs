// `npm start`: build, then run the workstation in Electron; where Electron's binary cannot be had,
// say so in one line and serve the same workstation in the browser instead.
import { spawn } from 'node:child_process';
import { buildIfNeeded } from './build-if-needed.mjs';
import { electronBinary } from './electron-binary.mjs';
import { startWeb } from './web.mjs';

buildIfNeeded();
const binary = process.env.JUESUAN_BROWSER === '1' ? null : electronBinary();
if (binary) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  // The same arguments as the browser fallback takes (`--db 文件`); the window reads --db.
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit', env });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('无法获取 Electron 运行时（本机不能下载），改为浏览器模式启动：请用浏览器打开下面的地址。');
  startWeb(process.argv.slice(2));
}
