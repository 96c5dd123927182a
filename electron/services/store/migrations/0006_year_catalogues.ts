/**
 * A year's 科目 catalogue loaded from the finance bureau's file (《政府收支分类科目》), kept with the
 * database rather than written into the installed pack: it replaces the pack's catalogue of that id
 * for reports of that year.
 */
export const sql = `
CREATE TABLE year_catalogues (
  year      INTEGER NOT NULL,
  catalogue TEXT NOT NULL,
  file_name TEXT NOT NULL,
  imported  TEXT NOT NULL,
  PRIMARY KEY (year, catalogue)
) WITHOUT ROWID;

CREATE TABLE year_catalogue_entries (
  year      INTEGER NOT NULL,
  catalogue TEXT NOT NULL,
  code      TEXT NOT NULL,
  name      TEXT NOT NULL,
  level     TEXT NOT NULL CHECK (level IN ('类', '款', '项')),
  parent    TEXT NOT NULL,
  src       TEXT NOT NULL,
  PRIMARY KEY (year, catalogue, code),
  FOREIGN KEY (year, catalogue) REFERENCES year_catalogues (year, catalogue) ON DELETE CASCADE
) WITHOUT ROWID;
`;
