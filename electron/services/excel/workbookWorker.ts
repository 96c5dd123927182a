/**
 * The reading worker: checks a package against the limits, then loads it. It runs in a worker
 * thread with a memory cap (readWorkbook.ts starts it), so a file that still makes exceljs run away
 * costs this thread, never the process that holds the database.
 */
import { parentPort } from 'node:worker_threads';
import type { Grid } from './grid';
import { readGrids } from './readGrids';
import { scanPackage } from './scanPackage';
import type { WorkbookLimits } from './workbookLimits';

export interface ReadRequest {
  id: number;
  bytes: Uint8Array;
  fileLabel: string;
  limits: WorkbookLimits;
}

export type ReadReply = { id: number; ok: true; grids: Grid[] } | { id: number; ok: false; message: string; refused: boolean };

class Refusal extends Error {}

async function handle(request: ReadRequest): Promise<ReadReply> {
  const { id, bytes, fileLabel, limits } = request;
  try {
    await scanPackage(bytes, fileLabel, limits, (message) => {
      throw new Refusal(message);
    });
    return { id, ok: true, grids: await readGrids(bytes) };
  } catch (err) {
    if (err instanceof Refusal) return { id, ok: false, message: err.message, refused: true };
    return { id, ok: false, message: err instanceof Error ? err.message : String(err), refused: false };
  }
}

parentPort?.on('message', (request: ReadRequest) => {
  void handle(request).then((reply) => parentPort?.postMessage(reply));
});
// Loaded (exceljs and all): the reader starts a file's deadline only now, so a slow start is not the file's time.
parentPort?.postMessage({ ready: true });
