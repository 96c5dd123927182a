/**
 * Printing: the print settings of each report (remembered across sessions) and a record of every
 * print or saved PDF — when, the data fingerprint on its pages and each part's own fingerprint — so a
 * fingerprint typed back from a signed paper copy tells which tables changed since.
 * Once released, this text must never change (its sha256 is recorded); a change is a new migration.
 */
export const sql = `
CREATE TABLE print_settings (
  report_id INTEGER PRIMARY KEY NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  settings  TEXT NOT NULL
);

CREATE TABLE print_records (
  id          INTEGER PRIMARY KEY,
  report_id   INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  printed_at  TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  parts       TEXT NOT NULL,
  printed     TEXT NOT NULL
);

CREATE INDEX print_records_by_fingerprint ON print_records (report_id, fingerprint);
`;
