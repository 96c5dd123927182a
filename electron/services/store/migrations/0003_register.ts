/**
 * The unit register (单位名录) fields, the department's 调整表 amounts and texts, and the record of
 * exchange files imported. A unit with reports is archived (archived_from), never deleted.
 * Once released, this text must never change (its sha256 is recorded); a change is a new migration.
 */
export const sql = `
ALTER TABLE units ADD COLUMN credit_code TEXT;
ALTER TABLE units ADD COLUMN budget_level TEXT;
ALTER TABLE units ADD COLUMN accounting_system TEXT;
ALTER TABLE units ADD COLUMN report_kind TEXT NOT NULL DEFAULT '单户表';
ALTER TABLE units ADD COLUMN archived_from INTEGER;

-- A department's sums read every cell of its units by column: (table, column, row) in index order lets
-- SQLite stream the GROUP BY and go straight to the few columns eliminations read.
CREATE INDEX cells_by_column ON cells (table_id, col_id, row_id, value);

CREATE TABLE dept_adjustments (
  dept_code TEXT NOT NULL REFERENCES units(code) ON UPDATE CASCADE ON DELETE RESTRICT,
  year      INTEGER NOT NULL,
  line_key  TEXT NOT NULL,
  amount    INTEGER NOT NULL CHECK (typeof(amount) = 'integer'),
  note      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (dept_code, year, line_key)
) WITHOUT ROWID;

CREATE TABLE dept_texts (
  dept_code TEXT NOT NULL REFERENCES units(code) ON UPDATE CASCADE ON DELETE RESTRICT,
  year      INTEGER NOT NULL,
  key       TEXT NOT NULL,
  value     TEXT NOT NULL,
  PRIMARY KEY (dept_code, year, key)
) WITHOUT ROWID;

CREATE TABLE exchange_imports (
  unit_code   TEXT NOT NULL REFERENCES units(code) ON UPDATE CASCADE ON DELETE RESTRICT,
  year        INTEGER NOT NULL,
  dept_code   TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  PRIMARY KEY (unit_code, year)
) WITHOUT ROWID;
`;
