/**
 * A small promise wrapper over one `sqlite3.Database` connection.
 *
 * Every operation goes through one queue: sqlite3 runs statements of one connection in order, but two
 * async callers could otherwise interleave their statements inside each other's BEGIN…COMMIT. A
 * transaction holds the queue until it commits or rolls back; inside it, use the `Tx` handed to the
 * callback (calling the Database's own methods from inside a transaction would wait for itself).
 */
import sqlite3 from 'sqlite3';
import { AppError } from '../../../shared/api/errors';
import { registerOpenDatabase } from '../files/openDatabases';
import { storageError } from './sqliteErrors';

export type SqlValue = string | number | bigint | null | Buffer;
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;

export interface RunResult {
  changes: number;
  lastID: number;
}

/** The statements available inside a transaction (and, queued, on the Database itself). */
export interface Tx {
  run(sql: string, params?: SqlParams): Promise<RunResult>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

export interface TransactionOptions {
  /**
   * The `PRAGMA data_version` the caller's view of the data was read at. Checked after BEGIN IMMEDIATE
   * (which sees every commit made before it): if another connection wrote in between, nothing is
   * written and a StaleDataError is thrown, so a write decided on old data is never stored.
   */
  dataVersion?: number;
}

/** Another connection changed the database after the caller last read it; the transaction wrote nothing. */
export class StaleDataError extends AppError {
  constructor() {
    super('数据已在别处修改，已重新载入；这次修改未写入，请核对后重新输入');
  }
}

/** sqlite3's Backup handle (the package's typings leave it out). */
interface SqliteBackup {
  step(pages: number, callback: (err: Error | null) => void): void;
  finish(callback?: (err: Error | null) => void): void;
}
type BackupCapable = { backup(file: string, destName: string, sourceName: string, filenameIsDest: boolean, cb: (err: Error | null) => void): SqliteBackup };

/** sqlite3 reports errors as Error objects carrying a `code` such as 'SQLITE_NOTADB'. */
export function sqliteCode(err: unknown): string | undefined {
  if (err instanceof Error && 'code' in err && typeof err.code === 'string') return err.code;
  return undefined;
}

function direct(db: sqlite3.Database): Tx {
  return {
    run: (sql, params = []) =>
      new Promise((resolve, reject) => {
        db.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
          if (err) reject(err);
          else resolve({ changes: this.changes, lastID: this.lastID });
        });
      }),
    get: <T>(sql: string, params: SqlParams = []) =>
      new Promise<T | undefined>((resolve, reject) => {
        db.get<T>(sql, params, (err: Error | null, row: T | undefined) => (err ? reject(err) : resolve(row)));
      }),
    all: <T>(sql: string, params: SqlParams = []) =>
      new Promise<T[]>((resolve, reject) => {
        db.all<T>(sql, params, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows)));
      }),
    exec: (sql) =>
      new Promise<void>((resolve, reject) => {
        db.exec(sql, (err: Error | null) => (err ? reject(err) : resolve()));
      }),
  };
}

export class Database implements Tx {
  private readonly tx: Tx;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** Known to the output guard while open, so no export can be written onto this file. */
  private readonly forget: () => void;

  private constructor(
    private readonly db: sqlite3.Database,
    readonly file: string,
  ) {
    this.tx = direct(db);
    this.forget = registerOpenDatabase(file);
  }

  /** Opens (creating if missing) a database file. sqlite reads the file lazily: a bad file shows on the first statement. */
  static open(file: string): Promise<Database> {
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(file, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE, (err) => {
        if (err) reject(storageError(err, file) ?? err);
        else resolve(new Database(db, file));
      });
    });
  }

  configureBusyTimeout(ms: number): void {
    this.db.configure('busyTimeout', ms);
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('数据库已关闭'));
    // A failure a clerk can cause (full disk, read-only file, damaged file) leaves here as a Chinese AppError.
    const translated = () => work().catch((err: unknown) => Promise.reject(storageError(err, this.file) ?? err));
    const next = this.queue.then(translated, translated);
    // The queue must go on after a failure; the caller still sees the rejection.
    this.queue = next.catch(() => undefined);
    return next;
  }

  run(sql: string, params?: SqlParams): Promise<RunResult> {
    return this.enqueue(() => this.tx.run(sql, params));
  }

  get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return this.enqueue(() => this.tx.get<T>(sql, params));
  }

  all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.enqueue(() => this.tx.all<T>(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.enqueue(() => this.tx.exec(sql));
  }

  /**
   * Runs `work` between BEGIN IMMEDIATE and COMMIT; any error rolls everything back and is rethrown.
   * IMMEDIATE takes the write lock up front, so a second process fails at BEGIN (after busy_timeout)
   * rather than half-way through.
   */
  transaction<T>(work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.enqueue(async () => {
      await this.tx.exec('BEGIN IMMEDIATE');
      let result: T;
      try {
        if (options.dataVersion !== undefined) {
          const now = await this.tx.get<{ data_version: number }>('PRAGMA data_version');
          if (now?.data_version !== options.dataVersion) throw new StaleDataError();
        }
        result = await work(this.tx);
        await this.tx.exec('COMMIT');
      } catch (err) {
        try {
          await this.tx.exec('ROLLBACK');
        } catch {
          // sqlite may already have rolled back by itself (e.g. after SQLITE_FULL); the first error is the one to report.
        }
        throw err;
      }
      return result;
    });
  }

  /** Runs `work` in one read transaction: every statement sees the same committed state. */
  snapshot<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      await this.tx.exec('BEGIN');
      try {
        return await work(this.tx);
      } finally {
        await this.tx.exec('COMMIT').catch(() => undefined);
      }
    });
  }

  /** Changes whenever ANOTHER connection (this process or another) commits; this connection's own commits leave it. */
  async dataVersion(): Promise<number> {
    const row = await this.get<{ data_version: number }>('PRAGMA data_version');
    return row?.data_version ?? 0;
  }

  /** A consistent copy of the whole database in a new file (the file must not exist). */
  vacuumInto(file: string): Promise<void> {
    return this.run('VACUUM INTO ?', [file]).then(() => undefined);
  }

  /**
   * Replaces the whole content of this database with the database in `file`, page by page through
   * SQLite's online backup API, in one step: other connections see it as one commit.
   */
  restoreFrom(file: string): Promise<void> {
    return this.enqueue(
      () =>
        new Promise<void>((resolve, reject) => {
          const raw = this.db as unknown as BackupCapable;
          const backup = raw.backup(file, 'main', 'main', false, (err) => {
            if (err) return reject(err);
            backup.step(-1, (stepErr) => {
              backup.finish(() => (stepErr ? reject(stepErr) : resolve()));
            });
          });
        }),
    );
  }

  /** Waits for queued work, then closes the connection (which checkpoints the WAL). */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    const done = this.queue.then(
      () =>
        new Promise<void>((resolve, reject) => {
          this.db.close((err) => (err ? reject(err) : resolve()));
        }),
    );
    this.closed = true;
    return done.finally(this.forget);
  }
}
