/**
 * The grid's undo and redo steps, kept with the report so that Ctrl+Z still works after a reload.
 * One row per step (a typed value, a paste, a clear): `seq` orders them, `undone` says which stack
 * it is on. Deleting a report deletes its steps.
 * Once released, this text must never change (its sha256 is recorded); a change is a new migration.
 */
export const sql = `
CREATE TABLE undo_steps (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  seq       INTEGER NOT NULL,
  undone    INTEGER NOT NULL CHECK (undone IN (0, 1)),
  changes   TEXT NOT NULL,
  PRIMARY KEY (report_id, seq)
) WITHOUT ROWID;
`;
