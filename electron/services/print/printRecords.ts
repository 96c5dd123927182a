/** Print settings and print records of a report in the database (migration 0003_print). */
import type { PrintSettings } from '../../../shared/print/settings';
import type { Database } from '../store/database';
import type { PartFingerprint } from './fingerprints';

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

export async function loadPrintSettings(db: Database, reportId: number): Promise<Partial<PrintSettings> | null> {
  const row = await db.get<{ settings: string }>('SELECT settings FROM print_settings WHERE report_id = ?', [reportId]);
  // Settings that no longer parse fall back to the defaults; they are only a convenience.
  return row ? parseJson<Partial<PrintSettings> | null>(row.settings, null) : null;
}

export async function savePrintSettings(db: Database, reportId: number, settings: PrintSettings): Promise<void> {
  await db.run(
    'INSERT INTO print_settings (report_id, settings) VALUES (?, ?) ON CONFLICT (report_id) DO UPDATE SET settings = excluded.settings',
    [reportId, JSON.stringify(settings)],
  );
}

export async function addPrintRecord(
  db: Database,
  reportId: number,
  record: { printedAt: string; fingerprint: string; parts: readonly PartFingerprint[]; printed: { id: string; pages: number }[] },
): Promise<void> {
  const parts = Object.fromEntries(record.parts.map((p) => [p.id, p.fingerprint]));
  await db.run('INSERT INTO print_records (report_id, printed_at, fingerprint, parts, printed) VALUES (?, ?, ?, ?, ?)', [
    reportId,
    record.printedAt,
    record.fingerprint,
    JSON.stringify(parts),
    JSON.stringify(record.printed),
  ]);
}

/** Prints of the report that carried this fingerprint, latest first. */
export async function printsWithFingerprint(db: Database, reportId: number, fingerprint: string): Promise<PrintRecord[]> {
  const rows = await db.all<RecordRow>(
    'SELECT printed_at, fingerprint, parts, printed FROM print_records WHERE report_id = ? AND fingerprint = ? ORDER BY id DESC',
    [reportId, fingerprint],
  );
  return rows.map((r) => ({
    printedAt: r.printed_at,
    fingerprint: r.fingerprint,
    parts: parseJson<Record<string, string>>(r.parts, {}),
    printed: parseJson<{ id: string; pages: number }[]>(r.printed, []),
  }));
}
