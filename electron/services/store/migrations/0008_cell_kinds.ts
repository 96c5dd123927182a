/**
 * Cells of the kinds that are not whole numbers: text (项目名称, 绩效目标, 原因) and decimal / percent
 * (得分, 完成率). Each is kept exactly as a TEXT value — the text itself, or the decimal's canonical
 * string with the column's places ("85.50") — beside the integer `cells` of money and counts, never as
 * a reinterpretation of them. A cell is in one of the two tables, never both (the store sees to it).
 * Once released, this text must never change.
 */
export const sql = `
CREATE TABLE typed_cells (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  table_id  TEXT NOT NULL,
  row_id    TEXT NOT NULL,
  col_id    TEXT NOT NULL,
  value     TEXT NOT NULL CHECK (typeof(value) = 'text' AND length(value) > 0),
  PRIMARY KEY (report_id, table_id, row_id, col_id)
) WITHOUT ROWID;
`;
