/**
 * Helpers for the store tests: the CLI's `main` run in-process (its own database connection, so it is
 * a real second writer for the web host), and Api calls over the web host's real HTTP transport.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from '../../../electron/cli/main';
import type { ApiMethod, ApiResults } from '../../../shared/api/contract';
import type { Envelope } from '../../../shared/api/envelope';
import { startWorkstationWeb, type WorkstationWeb } from '../../../electron/web/main';

export interface MainRun {
  code: number;
  out: string;
  err: string;
}

/** `juesuan …` in this process; standard error is collected while it runs. */
export async function cli(...args: string[]): Promise<MainRun> {
  const out: string[] = [];
  const err: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => {
    err.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stderr.write;
  let code: number;
  try {
    code = await main(args, { out: (text) => out.push(text) });
  } finally {
    process.stderr.write = write;
  }
  return { code, out: out.join('\n'), err: err.join('') };
}

/** A command that must succeed; its standard output. */
export async function cliOk(...args: string[]): Promise<string> {
  const run = await cli(...args);
  if (run.code !== 0) throw new Error(`juesuan ${args.join(' ')} failed (${run.code}): ${run.err}`);
  return run.out;
}


export async function startWeb(dir: string, dbPath: string): Promise<WorkstationWeb> {
  const staticDir = join(dir, 'renderer');
  await mkdir(staticDir, { recursive: true });
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>决算工作站</title>');
  return startWorkstationWeb({ dbPath, staticDir, settingsFile: join(dir, 'settings.json'), port: 0 });
}

/** One Api call over the host's HTTP transport, as the page makes it. */
export async function web<M extends ApiMethod>(host: WorkstationWeb, method: M, input: unknown): Promise<Envelope<ApiResults[M]>> {
  const base = `http://127.0.0.1:${host.port}`;
  const response = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Juesuan-Token': host.token, Origin: base },
    body: JSON.stringify(input),
  });
  return (await response.json()) as Envelope<ApiResults[M]>;
}

/** The value of a call that must succeed. */
export async function webOk<M extends ApiMethod>(host: WorkstationWeb, method: M, input: unknown): Promise<ApiResults[M]> {
  const reply = await web(host, method, input);
  if (!reply.ok) throw new Error(`${method} failed: ${reply.error.message}`);
  return reply.value;
}
