/** `node bin/juesuan.mjs …` in a child process, as a clerk's script runs it. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(repo, 'bin', 'juesuan.mjs');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function juesuan(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: repo }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs a command that must succeed; its standard output. */
export async function ok(...args: string[]): Promise<string> {
  const run = await juesuan(...args);
  if (run.code !== 0) throw new Error(`juesuan ${args.join(' ')} failed (${run.code}): ${run.stderr}`);
  return run.stdout;
}
