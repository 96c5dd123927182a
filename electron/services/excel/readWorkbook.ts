/**
 * Reads the bytes of an .xlsx into Grids, bounded: files that are not a readable workbook are
 * refused here with a message a clerk can act on; the package is checked against the workbook
 * limits and parsed in a worker thread with a memory cap and a deadline, so a hostile or broken
 * file ends that thread with a Chinese line, never the process holding the database.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/api/errors';
import type { Grid } from './grid';
import { limitMessage, limitText, WORKBOOK_LIMITS, type WorkbookLimits } from './workbookLimits';
import type { ReadReply, ReadRequest } from './workbookWorker';

export { gridCell, gridText, type Grid, type GridCell } from './grid';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** An OLE file holding an encrypted OOXML package names its "EncryptionInfo" stream (UTF-16). */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const needle = Buffer.from('EncryptionInfo', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/**
 * The worker's entry: next to this module when running from source (through tsx's loader, which a
 * worker must register for itself), or the bundled `workbookWorker.js` beside the built main script.
 */
function startWorker(limits: WorkbookLimits): Worker {
  const here = import.meta.url;
  const resourceLimits = { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32 };
  if (here.endsWith('.ts')) {
    const entry = new URL('./workbookWorker.ts', here).href;
    const tsxDir = dirname(createRequire(here).resolve('tsx/package.json'));
    const tsx = pathToFileURL(join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
    const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
    return new Worker(code, { eval: true, resourceLimits });
  }
  return new Worker(new URL('./workbookWorker.js', here), { resourceLimits });
}

/** How long a fresh worker may take to load exceljs before a read gives up (not counted against the file). */
const STARTUP_MS = 60_000;

interface Pending {
  resolve(grids: Grid[]): void;
  reject(err: Error): void;
  fileLabel: string;
  timer: NodeJS.Timeout;
  worker: Worker;
}

/** One reading worker, reused between files; a worker that timed out or ran out of memory is replaced. */
class ReaderThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private queue: Promise<unknown> = Promise.resolve();

  read(bytes: Uint8Array, fileLabel: string, limits: WorkbookLimits): Promise<Grid[]> {
    const run = this.queue.then(() => this.readNow(bytes, fileLabel, limits));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private heapMb = 0;
  /** Resolves when the current worker has loaded its modules. */
  private ready: Promise<void> = Promise.resolve();

  private ensure(limits: WorkbookLimits): Worker {
    if (this.worker && this.heapMb === limits.heapMb) return this.worker;
    if (this.worker) void this.worker.terminate();
    this.heapMb = limits.heapMb;
    const worker = startWorker(limits);
    let markReady: () => void = () => undefined;
    this.ready = new Promise<void>((resolve) => {
      markReady = resolve;
    });
    worker.on('message', (reply: ReadReply | { ready: true }) => {
      if ('ready' in reply) {
        markReady();
        return;
      }
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      clearTimeout(p.timer);
      if (reply.ok) p.resolve(reply.grids);
      else p.reject(new AppError(reply.refused ? reply.message : unreadable(p.fileLabel, reply.message), { file: p.fileLabel }));
    });
    const fail = (why: (label: string) => string) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, p] of this.pending) {
        if (p.worker !== worker) continue;
        clearTimeout(p.timer);
        this.pending.delete(id);
        p.reject(new AppError(why(p.fileLabel), { file: p.fileLabel }));
      }
    };
    worker.on('error', (err) => {
      const oom = /memory|ERR_WORKER_OUT_OF_MEMORY/i.test(`${(err as { code?: string }).code ?? ''} ${err.message}`);
      fail((label) => (oom ? limitMessage(label, '读取时占用的内存', limitText.heapMb(limits)) : unreadable(label, err.message)));
    });
    worker.on('exit', () => fail((label) => limitMessage(label, '读取时占用的内存', limitText.heapMb(limits))));
    // After the listeners: adding a 'message' listener refs the worker again. An idle reader must not keep a command running.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private async readNow(bytes: Uint8Array, fileLabel: string, limits: WorkbookLimits): Promise<Grid[]> {
    const worker = this.ensure(limits);
    // A worker that cannot even start (a broken install) must not leave the caller waiting for ever.
    let startTimer: NodeJS.Timeout | undefined;
    const started = await Promise.race([
      this.ready.then(() => true),
      new Promise<boolean>((r) => {
        startTimer = setTimeout(() => r(false), STARTUP_MS);
      }),
    ]);
    clearTimeout(startTimer);
    if (!started) {
      if (this.worker === worker) this.worker = null;
      void worker.terminate();
      throw new AppError(`文件“${fileLabel}”未能读取：读取程序启动失败，请重试`, { file: fileLabel });
    }
    const id = this.nextId++;
    return new Promise<Grid[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        if (this.worker === worker) this.worker = null;
        void worker.terminate();
        reject(new AppError(limitMessage(fileLabel, '读取时间过长', limitText.readMs(limits)), { file: fileLabel }));
      }, limits.readMs);
      this.pending.set(id, { resolve, reject, fileLabel, timer, worker });
      const copy = new Uint8Array(bytes);
      const request: ReadRequest = { id, bytes: copy, fileLabel, limits };
      worker.postMessage(request, [copy.buffer]);
    });
  }
}

/** exceljs's own errors are English and say nothing to a clerk; these are the ones a file can cause. */
function unreadable(fileLabel: string, detail: string): string {
  const why = /merge/i.test(detail)
    ? '其中有互相重叠的合并单元格'
    : /worksheet name|sheet name|name/i.test(detail)
      ? '其中有 Excel 不允许的工作表名称'
      : /end of data|zip|signature|corrupt|invalid/i.test(detail)
        ? '压缩包已损坏'
        : '文件内容不符合 .xlsx 格式';
  return `文件“${fileLabel}”已损坏或不是有效的 .xlsx 工作簿（${why}），不能导入。请在 Excel 中打开并另存为 .xlsx 后再导入`;
}

const reader = new ReaderThread();

/** Loads the bytes of an .xlsx; throws an AppError naming the file when it cannot be read or breaks a limit. */
export async function readWorkbook(bytes: Uint8Array, fileLabel: string, limits: WorkbookLimits = WORKBOOK_LIMITS): Promise<Grid[]> {
  const where = { file: fileLabel };
  if (bytes.byteLength === 0) throw new AppError(`文件“${fileLabel}”是空文件，不能导入`, where);
  if (startsWith(bytes, OLE)) {
    if (isEncryptedPackage(bytes)) {
      throw new AppError(`文件“${fileLabel}”设有打开密码（已加密），不能导入。请在 Excel 中取消密码后另存为 .xlsx 再导入`, where);
    }
    throw new AppError(`文件“${fileLabel}”是旧版 Excel 97-2003（.xls）格式，不能导入。请在 Excel 中另存为 .xlsx 后再导入`, where);
  }
  if (!startsWith(bytes, ZIP)) throw new AppError(`文件“${fileLabel}”不是 Excel 工作簿（.xlsx），不能导入`, where);
  if (bytes.byteLength > limits.fileBytes) {
    throw new AppError(limitMessage(fileLabel, `有 ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB`, limitText.fileBytes(limits)), where);
  }
  return reader.read(bytes, fileLabel, limits);
}
