/**
 * Crash safety of the web host, measured: start the real host (electron/web/main.ts, bundled once so
 * each start is quick), stream edits to it over HTTP one call at a time, SIGKILL it at a seeded
 * moment — often with a call in flight — then open the file afresh and check that
 *   - PRAGMA integrity_check is ok,
 *   - every acknowledged edit is there (nothing lost), and
 *   - the call in flight at the kill was applied entirely or not at all (never half a call).
 * The next host (started while the previous one was still being edited, so starts overlap edits)
 * carries on with the same file. Used by the suite (≥ 50 kills) and by scripts/crash-sigkill.ts
 * (≥ 1,000 kills, figures printed).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import sqlite3 from 'sqlite3';
import { seededRandom } from '../bench/fullSizeReport';
import { ReportStore } from '../../electron/services/store/reportStore';

export interface SigkillOptions {
  kills: number;
  seed: number;
  /** A folder for the database and settings. */
  dir: string;
  /** The repository (for the sources, node_modules and the pack). */
  repo: string;
  /** Acknowledged calls between kills: a seeded number in [1, maxCallsPerKill]. */
  maxCallsPerKill?: number;
  progress?: (kill: number, figures: SigkillFigures) => void;
  /** A host bundle made by bundleWebHost (made, and removed afterwards, when not given). */
  bundle?: string;
}

export interface SigkillFigures {
  kills: number;
  /** Calls the host answered { ok: true } before being killed. */
  acknowledgedCalls: number;
  /** Cell values in those calls. */
  acknowledgedEdits: number;
  /** Acknowledged values missing or different after reopening (must be 0). */
  lost: number;
  /** Reopened files failing integrity_check (must be 0). */
  corrupt: number;
  /** Calls in flight at the kill that turned out applied entirely / not at all / partly (must be 0). */
  inFlightApplied: number;
  inFlightNotApplied: number;
  inFlightPartial: number;
  /** Calls answered with an error (must be 0: every edit is valid). */
  refusedCalls: number;
}

const UNIT = '001';
const YEAR = 2020;
const ROWS = ['2010301', '2080505'];
const COLS = ['c2', 'c3', 'c4', 'c5', 'c6'];
const CELLS = ROWS.flatMap((row) => COLS.map((col) => ({ table: 'T03', row, col })));


export async function bundleWebHost(repo: string): Promise<string> {
  const outDir = join(repo, 'node_modules', '.cache', 'juesuan-crash');
  await mkdir(outDir, { recursive: true });
  const outfile = join(outDir, `webhost-${process.pid}.mjs`);
  // Packages stay external (resolved from node_modules beside the bundle); only our sources are bundled.
  await build({ entryPoints: [join(repo, 'electron/web/main.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'error' });
  return outfile;
}

/** Every host still running, so that a run cut short (a test timing out, Ctrl+C) leaves none behind. */
const running = new Set<ChildProcess>();

/** Kills every host this process started that is still running. */
export function killAllHosts(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

process.once('exit', killAllHosts);

interface Host {
  child: ChildProcess;
  exited: Promise<void>;
  ready: Promise<{ origin: string; token: string }>;
}

function startHost(bundle: string, repo: string, dir: string): Host {
  const child = spawn(
    process.execPath,
    [bundle, '--db', join(dir, 'crash.sqlite'), '--port', '0', '--packs', join(repo, 'resources', 'packs'), '--settings', join(dir, 'settings.json')],
    { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  const ready = new Promise<{ origin: string; token: string }>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=([0-9a-f]{64})/.exec(out);
      if (match) resolve({ origin: match[1] ?? '', token: match[2] ?? '' });
    });
    void exited.then(() => reject(new Error(`web host exited before it was ready: ${stderr.trim()}`)));
  });
  ready.catch(() => undefined);
  return { child, exited, ready };
}

async function call(origin: string, token: string, method: string, input: unknown): Promise<{ ok: boolean }> {
  const response = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Juesuan-Token': token },
    body: JSON.stringify(input),
  });
  return (await response.json()) as { ok: boolean };
}

async function integrityOk(file: string): Promise<boolean> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const conn = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => (err ? reject(err) : resolve(conn)));
  });
  try {
    const rows = await new Promise<{ integrity_check: string }[]>((resolve, reject) =>
      db.all<{ integrity_check: string }>('PRAGMA integrity_check', (err, r) => (err ? reject(err) : resolve(r))),
    );
    return rows.length === 1 && rows[0]?.integrity_check === 'ok';
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

async function storedInputs(file: string): Promise<Record<string, number>> {
  const store = await ReportStore.open(file);
  try {
    const report = await store.findReport(UNIT, YEAR);
    if (!report) throw new Error('the report is gone');
    return (await store.loadReportData(report.id)).inputs;
  } finally {
    await store.close();
  }
}

export async function runSigkill(options: SigkillOptions): Promise<SigkillFigures> {
  const random = seededRandom(options.seed);
  const maxCalls = options.maxCallsPerKill ?? 40;
  const file = join(options.dir, 'crash.sqlite');
  const figures: SigkillFigures = {
    kills: 0,
    acknowledgedCalls: 0,
    acknowledgedEdits: 0,
    lost: 0,
    corrupt: 0,
    inFlightApplied: 0,
    inFlightNotApplied: 0,
    inFlightPartial: 0,
    refusedCalls: 0,
  };
  const bundle = options.bundle ?? (await bundleWebHost(options.repo));
  /** What the database must hold: the value of every acknowledged edit, by cell key. */
  const expected: Record<string, number> = {};
  let serial = 0;

  let host = startHost(bundle, options.repo, options.dir);
  {
    const { origin, token } = await host.ready;
    await call(origin, token, 'addUnit', { code: UNIT, name: '崩溃测试局', kind: '行政单位' });
    await call(origin, token, 'addRows', { unit: UNIT, year: YEAR, table: 'T03', rows: ROWS });
  }
  try {
    for (let kill = 1; kill <= options.kills; kill++) {
      const { origin, token } = await host.ready;
      // The next host starts now, while this one is being edited; it opens the same file.
      const next = startHost(bundle, options.repo, options.dir);
      const calls = 1 + Math.floor(random() * maxCalls);
      let inFlight: Record<string, number> | null = null;
      for (let i = 0; i <= calls; i++) {
        const size = 1 + Math.floor(random() * 4);
        const batch: Record<string, number> = {};
        for (let k = 0; k < size; k++) {
          const cell = CELLS[Math.floor(random() * CELLS.length)]!;
          batch[`${cell.table}:${cell.row}:${cell.col}`] = ++serial * 100 + (serial % 97);
        }
        const edits = Object.entries(batch).map(([key, value]) => {
          const [table = '', row = '', col = ''] = key.split(':');
          return { table, row, col, value };
        });
        const request = call(origin, token, 'setCells', { unit: UNIT, year: YEAR, edits });
        if (i < calls) {
          const answer = await request;
          if (!answer.ok) {
            figures.refusedCalls++;
            continue;
          }
          Object.assign(expected, batch);
          figures.acknowledgedCalls++;
          figures.acknowledgedEdits += edits.length;
          continue;
        }
        // The last call: kill the host after a seeded short wait, often while this call is being handled.
        inFlight = batch;
        request.catch(() => undefined);
        const wait = Math.floor(random() * 4);
        await new Promise((resolve) => (wait === 0 ? setImmediate(resolve) : setTimeout(resolve, wait)));
        host.child.kill('SIGKILL');
        await host.exited;
        const answered = await request.then(
          (a) => a.ok,
          () => false,
        );
        if (answered) {
          Object.assign(expected, batch);
          figures.acknowledgedCalls++;
          figures.acknowledgedEdits += edits.length;
          inFlight = null;
        }
      }
      figures.kills++;
      if (!(await integrityOk(file))) figures.corrupt++;
      const stored = await storedInputs(file);
      const flight = inFlight ?? {};
      const flightKeys = Object.keys(flight);
      const applied = flightKeys.filter((key) => stored[key] === flight[key]).length;
      if (flightKeys.length > 0) {
        if (applied === flightKeys.length) figures.inFlightApplied++;
        else if (applied === 0) figures.inFlightNotApplied++;
        else figures.inFlightPartial++;
        if (applied === flightKeys.length) Object.assign(expected, flight);
      }
      for (const [key, value] of Object.entries(expected)) if (stored[key] !== value) figures.lost++;
      options.progress?.(kill, figures);
      host = next;
    }
  } finally {
    host.child.kill('SIGKILL');
    await host.exited;
    if (options.bundle === undefined) await rm(bundle, { force: true });
  }
  return figures;
}
