/** Print settings and print records of a report in the database (migration 0005_print). */
import type { PrintSettings } from '../../../shared/print/settings';
import type { Database } from '../store/database';
import type { PartFingerprint } from './fingerprints';

/** Which report: a unit's, or (consolidated) its department's. */
export interface PrintKey {
  unit: string;
  year: number;
  consolidated: boolean;
}

const WHERE = 'unit_code = ? AND year = ? AND consolidated = ?';
const keyParams = (key: PrintKey) => [key.unit, key.year, key.consolidated ? 1 : 0];

export interface PrintRecord {
  printedAt: string;
  fingerprint: string;
  /** Each part's fingerprint at the time of the print (every part of the report, printed or not). */
  parts: Record<string, string>;
  /** What was printed: part ids and their page counts. */
  printed: { id: string; pages: number }[];
}

interface RecordRow {
  printed_at: string;
  fingerprint: string;
  parts: string;
  printed: string;
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export async function loadPrintSettings(db: Database, key: PrintKey): Promise<Partial<PrintSettings> | null> {
  const row = await db.get<{ settings: string }>(`SELECT settings FROM print_settings WHERE ${WHERE}`, keyParams(key));
  // Settings that no longer parse fall back to the defaults; they are only a convenience.
  return row ? parseJson<Partial<PrintSettings> | null>(row.settings, null) : null;
}

export async function savePrintSettings(db: Database, key: PrintKey, settings: PrintSettings): Promise<void> {
  await db.run(
    `INSERT INTO print_settings (unit_code, year, consolidated, settings) VALUES (?, ?, ?, ?)
     ON CONFLICT (unit_code, year, consolidated) DO UPDATE SET settings = excluded.settings`,
    [...keyParams(key), JSON.stringify(settings)],
  );
}

export async function addPrintRecord(
  db: Database,
  key: PrintKey,
  /** The stored unit report printed (null: a consolidated report). */
  reportId: number | null,
  record: { printedAt: string; fingerprint: string; parts: readonly PartFingerprint[]; printed: { id: string; pages: number }[] },
): Promise<void> {
  const parts = Object.fromEntries(record.parts.map((p) => [p.id, p.fingerprint]));
  await db.run('INSERT INTO print_records (unit_code, year, consolidated, report_id, printed_at, fingerprint, parts, printed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    ...keyParams(key),
    reportId,
    record.printedAt,
    record.fingerprint,
    JSON.stringify(parts),
    JSON.stringify(record.printed),
  ]);
}

/** Prints of the report that carried this fingerprint, latest first. */
export async function printsWithFingerprint(db: Database, key: PrintKey, fingerprint: string): Promise<PrintRecord[]> {
  const rows = await db.all<RecordRow>(
    `SELECT printed_at, fingerprint, parts, printed FROM print_records WHERE ${WHERE} AND fingerprint = ? ORDER BY id DESC`,
    [...keyParams(key), fingerprint],
  );
  return rows.map((r) => ({
    printedAt: r.printed_at,
    fingerprint: r.fingerprint,
    parts: parseJson<Record<string, string>>(r.parts, {}),
    printed: parseJson<{ id: string; pages: number }[]>(r.printed, []),
  }));
}
