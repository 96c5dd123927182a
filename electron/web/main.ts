/**
 * `npm run web`: the workstation in the browser. Opens the services, serves out/renderer on
 * 127.0.0.1 and prints the one line with the address (and its per-launch token), then runs until
 * SIGINT/SIGTERM and closes the database cleanly.
 *
 *   node --import tsx electron/web/main.ts [--db FILE] [--port N] [--packs DIR] [--settings FILE]
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/api/errors';
import { setAsideMessage } from '../services/backup/damagedDatabase';
import { createServices, type Services } from '../services/createServices';
import { resolveDataLocation } from '../services/paths';
import { startWebHost } from './server';

export interface WorkstationWebOptions {
  dbPath?: string;
  packsDir?: string;
  settingsFile?: string;
  port?: number;
  /** Default: <repo>/out/renderer. */
  staticDir?: string;
}

export interface WorkstationWeb {
  url: string;
  /** The database file in use. */
  dbPath: string;
  token: string;
  port: number;
  /** The services behind the host (tests reach the backups through it). */
  services: Services;
  /** Stops the host, then closes the database. */
  close(): Promise<void>;
}

export function defaultStaticDir(): string {
  return fileURLToPath(new URL('../../out/renderer', import.meta.url));
}

export async function startWorkstationWeb(options: WorkstationWebOptions = {}): Promise<WorkstationWeb> {
  const services = await createServices({
    dbPath: options.dbPath,
    packsDir: options.packsDir,
    settingsFile: options.settingsFile,
    onDamaged: 'recover',
    backupOnOpen: 'always',
  });
  let host;
  try {
    host = await startWebHost({ api: services.api, staticDir: options.staticDir ?? defaultStaticDir(), port: options.port });
  } catch (err) {
    await services.close();
    const detail = err instanceof Error ? err.message : String(err);
    throw new AppError(`无法在 127.0.0.1:${options.port ?? 0} 启动浏览器模式：${detail}`);
  }
  return {
    url: host.url,
    dbPath: services.dbPath,
    token: host.token,
    port: host.port,
    services,
    close: async () => {
      await host.close();
      await services.close();
    },
  };
}

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError(`端口“${text}”无效，应为 0–65535 的整数`);
  return port;
}

export async function runWebMain(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      port: { type: 'string' },
      packs: { type: 'string' },
      settings: { type: 'string' },
    },
    strict: true,
  });
  const web = await startWorkstationWeb({
    dbPath: values.db,
    packsDir: values.packs,
    settingsFile: values.settings,
    port: parsePort(values.port),
  });
  if (web.services.setAside) console.error(setAsideMessage(web.services.setAside));
  console.log(`决算工作站（浏览器模式）已启动：${web.url}`);
  console.log(`数据库：${web.dbPath}`);
  const notice = values.db === undefined ? resolveDataLocation().notice : null;
  if (notice) console.log(notice);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    web.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`关闭时出错：${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runWebMain(process.argv.slice(2)).catch((err: unknown) => {
    const message = err instanceof AppError ? err.message : `启动失败：${err instanceof Error ? err.message : String(err)}`;
    console.error(message.split('\n')[0]);
    process.exit(1);
  });
}
