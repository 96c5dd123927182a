/**
 * The first schema. Only what the clerk typed is stored: units, which reports exist, the 科目 rows
 * added to subject tables, input cells (integer 分 or whole counts) and texts. Computed cells never are.
 * Once released, this text must never change (its sha256 is recorded); a change is a new migration.
 */
export const sql = `
CREATE TABLE units (
  code   TEXT PRIMARY KEY NOT NULL,
  name   TEXT NOT NULL,
  kind   TEXT NOT NULL,
  parent TEXT REFERENCES units(code) ON UPDATE CASCADE ON DELETE RESTRICT
);

CREATE TABLE reports (
  id        INTEGER PRIMARY KEY,
  unit_code TEXT NOT NULL REFERENCES units(code) ON UPDATE CASCADE ON DELETE RESTRICT,
  year      INTEGER NOT NULL,
  pack_id   TEXT NOT NULL,
  UNIQUE (unit_code, year)
);

CREATE TABLE report_rows (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  table_id  TEXT NOT NULL,
  row_id    TEXT NOT NULL,
  PRIMARY KEY (report_id, table_id, row_id)
) WITHOUT ROWID;

CREATE TABLE cells (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  table_id  TEXT NOT NULL,
  row_id    TEXT NOT NULL,
  col_id    TEXT NOT NULL,
  value     INTEGER NOT NULL CHECK (typeof(value) = 'integer'),
  PRIMARY KEY (report_id, table_id, row_id, col_id)
) WITHOUT ROWID;

CREATE TABLE texts (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  key       TEXT NOT NULL,
  value     TEXT NOT NULL,
  PRIMARY KEY (report_id, key)
) WITHOUT ROWID;
`;
