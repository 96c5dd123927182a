/**
 * CPU time of this process and every process it started (Chromium's browser, zygotes, renderers),
 * read from /proc. On a machine shared with other work the wall-clock figures grow with the load;
 * the CPU time a print costs does not, so the bench prints both. Null where there is no /proc.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

/** Clock ticks per second of /proc/<pid>/stat on Linux. */
const TICK_MS = 10;

export function treeCpuMs(): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const d of entries) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state, ppid, …, utime (12th), stime (13th).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(fields[1]));
      cpu.set(Number(d), (Number(fields[11]) + Number(fields[12])) * TICK_MS);
    } catch {
      // the process ended while the list was read
    }
  }
  let total = 0;
  for (const [pid, ms] of cpu) {
    let p: number | undefined = pid;
    while (p !== undefined && p > 1 && p !== process.pid) p = parent.get(p);
    if (p === process.pid) total += ms;
  }
  return total;
}

/** The machine's load average over the last minute, and its processor count. */
export function machineLoad(): string {
  return `负载 ${loadavg()[0]?.toFixed(1) ?? '?'}（${availableParallelism()} 核）`;
}
