/** A report's stored data (shared/api ReportData) as the engine takes it: named rows read from the texts. */
import type { CellKey } from '../base/cellKey';
import type { SubjectNames } from '../pack/clerkSubjects';
import { namedRowsFromTexts } from '../pack/namedRows';
import type { ReportEngineData } from './reportEngine';

export interface StoredReportData {
  rows: Record<string, string[]>;
  inputs: Record<CellKey, number>;
  texts?: Record<string, string>;
  strings?: Record<CellKey, string>;
}

export function engineData(data: StoredReportData, subjects?: SubjectNames): ReportEngineData {
  const { names, seq } = namedRowsFromTexts(data.texts ?? {});
  return {
    rows: data.rows,
    inputs: data.inputs,
    ...(subjects ? { subjects } : {}),
    ...(data.strings ? { strings: data.strings } : {}),
    rowNames: names,
    rowSeq: seq,
  };
}
