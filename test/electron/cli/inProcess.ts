/** The CLI's `main` called in-process, with what it prints to stdout and stderr collected. */
import { main } from '../../../electron/cli/main';

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runMain(...args: string[]): Promise<InProcessRun> {
  const out: string[] = [];
  const err: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => {
    err.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await main(args, { out: (text) => out.push(`${text}\n`) });
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stderr.write = write;
  }
}
