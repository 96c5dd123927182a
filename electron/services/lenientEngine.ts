/**
 * An engine over stored data that may no longer fit the pack (a newer pack without a row, or data
 * written by an older version): everything that fits is loaded, everything else is named, so a report
 * can always be opened and exported. Nothing is dropped from the database by this.
 */
import { splitCellKey, type ReportData } from '../../shared/api/contract';
import { ReportEngine, type ReportEngineData } from '../../shared/engine/reportEngine';
import type { EditRequest } from '../../shared/engine/types';
import { fenToYuanString } from '../../shared/money/fen';
import type { Pack } from '../../shared/pack/model';
import type { SubjectNames } from '../../shared/pack/clerkSubjects';

export interface LenientEngine {
  engine: ReportEngine;
  /** One Chinese sentence per stored item the pack cannot take; empty when all of it fits. */
  unfit: string[];
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function buildLenientEngine(pack: Pack, data: Pick<ReportData, 'rows' | 'inputs'> & Omit<ReportEngineData, 'rows' | 'inputs'> & { subjects?: SubjectNames }): LenientEngine {
  try {
    return { engine: new ReportEngine(pack, data), unfit: [] };
  } catch {
    // Some of it does not fit: load it piece by piece below.
  }
  const { rowNames, rowSeq } = data;
  const engine = new ReportEngine(pack, { rows: {}, inputs: {}, subjects: data.subjects, ...(rowNames ? { rowNames } : {}), ...(rowSeq ? { rowSeq } : {}) });
  const named = new Set(pack.tables.filter((t) => t.sides.some((side) => side.rows.some((r) => r.type === 'named'))).map((t) => t.id));
  const unfit: string[] = [];
  const tables = new Set(pack.tables.map((t) => t.id));
  for (const [table, codes] of Object.entries(data.rows)) {
    if (codes.length === 0) continue;
    if (!tables.has(table)) {
      unfit.push(`表 ${table} 不在报表格式 ${pack.id} 中，其科目行 ${codes.join('、')} 未能载入`);
      continue;
    }
    if (named.has(table)) {
      try {
        engine.restoreNamedRows(table, codes);
      } catch (err) {
        unfit.push(`表 ${table} 的行 ${codes.join('、')} 未能载入：${messageOf(err)}`);
      }
      continue;
    }
    try {
      engine.addRows(table, codes);
    } catch {
      for (const code of codes) {
        try {
          engine.addRows(table, [code]);
        } catch (err) {
          unfit.push(`表 ${table} 的科目行 ${code} 未能载入：${messageOf(err)}`);
        }
      }
    }
  }
  const good: EditRequest[] = [];
  const shown = (value: number | string | null) => (typeof value === 'number' ? fenToYuanString(value) : `“${value ?? ''}”`);
  for (const [key, value] of [...Object.entries(data.inputs), ...Object.entries(data.strings ?? {})]) {
    const { table, row, col } = splitCellKey(key);
    const edit = { table, row, col, value };
    const problem = engine.checkEdit(edit);
    if (problem) unfit.push(`${problem}（保存的数值 ${shown(value)}，未能载入）`);
    else good.push(edit);
  }
  try {
    engine.setInputs(good);
  } catch {
    for (const edit of good) {
      try {
        engine.setInputs([edit]);
      } catch (err) {
        unfit.push(`表 ${edit.table} 行 ${edit.row} 列 ${edit.col}：${messageOf(err)}（保存的数值 ${shown(edit.value)}，未能载入）`);
      }
    }
  }
  return { engine, unfit };
}
