/**
 * Migrations in order. Their SQL lives in TypeScript modules (one per migration) rather than .sql
 * files so that the same list works from source (tsx, vitest) and bundled into out/main/index.js,
 * with no file lookup at run time.
 */
import { sql as init } from './0001_init';
import { sql as undoSteps } from './0002_undo_steps';
import { sql as register } from './0003_register';
import { sql as history } from './0004_history';
import { sql as print } from './0005_print';
import { sql as yearCatalogues } from './0006_year_catalogues';
import { sql as perf } from './0007_perf';
import { sql as cellKinds } from './0008_cell_kinds';
import { sql as deptHistory } from './0009_dept_history';
import { sql as perfHistory } from './0010_perf_history';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: '0001_init', sql: init },
  { id: 2, name: '0002_undo_steps', sql: undoSteps },
  { id: 3, name: '0003_register', sql: register },
  { id: 4, name: '0004_history', sql: history },
  { id: 5, name: '0005_print', sql: print },
  { id: 6, name: '0006_year_catalogues', sql: yearCatalogues },
  { id: 7, name: '0007_perf', sql: perf },
  { id: 8, name: '0008_cell_kinds', sql: cellKinds },
  { id: 9, name: '0009_dept_history', sql: deptHistory },
  { id: 10, name: '0010_perf_history', sql: perfHistory },
];
