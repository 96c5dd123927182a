/**
 * The edit history of the 绩效自评 (tables of migration 0007_perf), in the SAME batches as the report's
 * cells and texts (change_batches of 0004_history), so a report has one timeline: its 修改记录 lists
 * 绩效 changes between cell changes, and restore and undo work across both.
 * A change of one value is (target, row id, field key, old, new): money as integer 分, 分值/得分/指标值
 * as the exact text, 是否适用 as 1/0; the 部门整体 form is row 0. Adding or removing a row is field ''
 * with the whole stored row (JSON, column names) as new or old; a project's removal also records the
 * removal of its indicators. Once released, this text must never change.
 */
export const sql = `
CREATE TABLE perf_change_log (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  batch_id  INTEGER NOT NULL REFERENCES change_batches(id),
  target    TEXT NOT NULL CHECK (target IN ('project', 'indicator', 'task', 'dept')),
  row_id    INTEGER NOT NULL,
  field     TEXT NOT NULL,
  old_value,
  new_value
);
CREATE INDEX perf_change_log_batch ON perf_change_log (batch_id);
CREATE INDEX perf_change_log_place ON perf_change_log (target, row_id, field);
`;
