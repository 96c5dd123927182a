/**
 * 绩效自评: the project register (项目库) with its 自评表 head, the indicator rows of every 自评表 (owner 0 =
 * the 部门整体 form), the 部门年度重点工作任务, and the 部门整体 form's texts. Money is integer 分; 分值, 指标值
 * and 得分 are the exact decimal text the clerk typed. Rows go with their report.
 * Once released, this text must never change (its sha256 is recorded); a change is a new migration.
 */
export const sql = `
CREATE TABLE perf_projects (
  report_id      INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  id             INTEGER NOT NULL,
  seq            INTEGER NOT NULL,
  name           TEXT NOT NULL DEFAULT '',
  dept           TEXT NOT NULL DEFAULT '',
  impl_unit      TEXT NOT NULL DEFAULT '',
  func_code      TEXT NOT NULL DEFAULT '',
  fund_source    TEXT NOT NULL DEFAULT '',
  initial_0      INTEGER NOT NULL DEFAULT 0 CHECK (typeof(initial_0) = 'integer'),
  initial_1      INTEGER NOT NULL DEFAULT 0 CHECK (typeof(initial_1) = 'integer'),
  initial_2      INTEGER NOT NULL DEFAULT 0 CHECK (typeof(initial_2) = 'integer'),
  annual_0       INTEGER NOT NULL DEFAULT 0 CHECK (typeof(annual_0) = 'integer'),
  annual_1       INTEGER NOT NULL DEFAULT 0 CHECK (typeof(annual_1) = 'integer'),
  annual_2       INTEGER NOT NULL DEFAULT 0 CHECK (typeof(annual_2) = 'integer'),
  executed_0     INTEGER NOT NULL DEFAULT 0 CHECK (typeof(executed_0) = 'integer'),
  executed_1     INTEGER NOT NULL DEFAULT 0 CHECK (typeof(executed_1) = 'integer'),
  executed_2     INTEGER NOT NULL DEFAULT 0 CHECK (typeof(executed_2) = 'integer'),
  arrived        INTEGER NOT NULL DEFAULT 0 CHECK (typeof(arrived) = 'integer'),
  returned       INTEGER NOT NULL DEFAULT 0 CHECK (typeof(returned) = 'integer'),
  carried        INTEGER NOT NULL DEFAULT 0 CHECK (typeof(carried) = 'integer'),
  goal_expected  TEXT NOT NULL DEFAULT '',
  goal_actual    TEXT NOT NULL DEFAULT '',
  fund_points    TEXT NOT NULL DEFAULT '10',
  PRIMARY KEY (report_id, id)
) WITHOUT ROWID;

CREATE TABLE perf_indicators (
  report_id  INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  id         INTEGER NOT NULL,
  owner      INTEGER NOT NULL,
  seq        INTEGER NOT NULL,
  level1     TEXT NOT NULL,
  level2     TEXT NOT NULL DEFAULT '',
  level3     TEXT NOT NULL DEFAULT '',
  nature     TEXT NOT NULL DEFAULT '定量' CHECK (nature IN ('定量', '定性')),
  direction  TEXT NOT NULL DEFAULT '正向' CHECK (direction IN ('正向', '反向')),
  unit       TEXT NOT NULL DEFAULT '',
  target     TEXT NOT NULL DEFAULT '',
  actual     TEXT NOT NULL DEFAULT '',
  points     TEXT NOT NULL DEFAULT '0',
  band       TEXT NOT NULL DEFAULT '',
  given      TEXT NOT NULL DEFAULT '',
  applicable INTEGER NOT NULL DEFAULT 1 CHECK (applicable IN (0, 1)),
  reason     TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (report_id, id)
) WITHOUT ROWID;

CREATE TABLE perf_tasks (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  id        INTEGER NOT NULL,
  seq       INTEGER NOT NULL,
  name      TEXT NOT NULL DEFAULT '',
  project   TEXT NOT NULL DEFAULT '',
  content   TEXT NOT NULL DEFAULT '',
  approved  INTEGER NOT NULL DEFAULT 0 CHECK (typeof(approved) = 'integer'),
  spent     INTEGER NOT NULL DEFAULT 0 CHECK (typeof(spent) = 'integer'),
  reason    TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (report_id, id)
) WITHOUT ROWID;

CREATE TABLE perf_dept (
  report_id    INTEGER PRIMARY KEY NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  duty         TEXT NOT NULL DEFAULT '',
  overall_goal TEXT NOT NULL DEFAULT '',
  year_goal    TEXT NOT NULL DEFAULT '',
  year_actual  TEXT NOT NULL DEFAULT '',
  fund_points  TEXT NOT NULL DEFAULT '10'
);
`;
