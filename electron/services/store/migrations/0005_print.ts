/**
 * Printing: the print settings of each report (remembered across sessions) and a record of every
 * print or saved PDF — when, the data fingerprint on its pages and each part's own fingerprint — so a
 * fingerprint typed back from a signed paper copy tells which tables changed since.
 * Both are keyed by unit, year and whether it is the department's consolidated report (which has no
 * row in `reports`), so printing or choosing paper never creates a report. A print of a stored unit
 * report also names it, so deleting the report deletes its print records.
 * Once released, this text must never change (its sha256 is recorded); a change is a new migration.
 */
export const sql = `
CREATE TABLE print_settings (
  unit_code    TEXT NOT NULL REFERENCES units(code) ON UPDATE CASCADE ON DELETE CASCADE,
  year         INTEGER NOT NULL,
  consolidated INTEGER NOT NULL CHECK (consolidated IN (0, 1)),
  settings     TEXT NOT NULL,
  PRIMARY KEY (unit_code, year, consolidated)
) WITHOUT ROWID;

CREATE TABLE print_records (
  id           INTEGER PRIMARY KEY,
  unit_code    TEXT NOT NULL REFERENCES units(code) ON UPDATE CASCADE ON DELETE CASCADE,
  year         INTEGER NOT NULL,
  consolidated INTEGER NOT NULL CHECK (consolidated IN (0, 1)),
  report_id    INTEGER REFERENCES reports(id) ON DELETE CASCADE,
  printed_at   TEXT NOT NULL,
  fingerprint  TEXT NOT NULL,
  parts        TEXT NOT NULL,
  printed      TEXT NOT NULL
);

CREATE INDEX print_records_by_report ON print_records (unit_code, year, consolidated, fingerprint);
`;
