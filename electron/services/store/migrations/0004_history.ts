/**
 * The edit history: every change to what the clerk keeps (an input cell, a text, an added 科目 row) is
 * journalled in the transaction that makes it, grouped in batches (one write = one batch). A batch
 * names its report by id AND by unit and year, so the history of a deleted report is never taken for
 * the history of a later report that reuses the id. Once released, this text must never change.
 */
export const sql = `
CREATE TABLE change_batches (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  report_id INTEGER NOT NULL,
  unit_code TEXT NOT NULL,
  year      INTEGER NOT NULL,
  at        TEXT NOT NULL,
  how       TEXT NOT NULL CHECK (how IN ('typed', 'paste', 'import', 'undo', 'restore')),
  note      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX change_batches_report ON change_batches (report_id, id);

CREATE TABLE change_log (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  batch_id  INTEGER NOT NULL REFERENCES change_batches(id),
  kind      TEXT NOT NULL CHECK (kind IN ('cell', 'text', 'row')),
  table_id  TEXT NOT NULL,
  row_id    TEXT NOT NULL,
  col_id    TEXT NOT NULL,
  old_value,
  new_value
);
CREATE INDEX change_log_batch ON change_log (batch_id);
CREATE INDEX change_log_place ON change_log (table_id, row_id, col_id, kind);
`;
