/**
 * The edit history of what a clerk keeps for a department rather than for a stored unit report: the
 * 调整表 amounts (and their notes) and the department's own texts. Journalled like a report's changes
 * (migration 0004_history), keyed by department and year because a 部门汇总 has no stored report.
 * A 调整表 change is table 'ADJ', row = the line's key, column 'amount' (分) or 'note'; a text is
 * table '', row = its key. Once released, this text must never change.
 */
export const sql = `
CREATE TABLE dept_change_batches (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  dept_code TEXT NOT NULL,
  year      INTEGER NOT NULL,
  at        TEXT NOT NULL,
  how       TEXT NOT NULL CHECK (how IN ('typed', 'paste', 'import', 'undo', 'restore')),
  note      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dept_change_batches_dept ON dept_change_batches (dept_code, year, id);

CREATE TABLE dept_change_log (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  batch_id  INTEGER NOT NULL REFERENCES dept_change_batches(id),
  kind      TEXT NOT NULL CHECK (kind IN ('adjustment', 'text')),
  table_id  TEXT NOT NULL,
  row_id    TEXT NOT NULL,
  col_id    TEXT NOT NULL,
  old_value,
  new_value
);
CREATE INDEX dept_change_log_batch ON dept_change_log (batch_id);
CREATE INDEX dept_change_log_place ON dept_change_log (row_id, col_id);
`;
