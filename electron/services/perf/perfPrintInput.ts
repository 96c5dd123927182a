/**
 * What the printed set needs of a report's 绩效自评: the stored data, the scores, and the 自评报告 in
 * the chosen outline, generated exactly as the .docx export writes it.
 */
import { AppError } from '../../../shared/api/errors';
import type { PerfData } from '../../../shared/perf/model';
import type { PerfPackData } from '../../../shared/perf/packData';
import { generatePerfReport } from '../../../shared/perf/report';
import { scoreAll } from '../../../shared/perf/view';
import type { Session } from '../reportSessions';
import type { PerfPrintInput } from '../print/printSet';

export function perfPrintInput(pack: PerfPackData, session: Session, data: PerfData, withReport: boolean, outline: string | undefined): PerfPrintInput {
  const scores = scoreAll(pack, data);
  if (!withReport) return { data, scores, report: null };
  const def = outline ? pack.reports.find((r) => r.id === outline) : pack.reports[0];
  if (!def) throw new AppError(outline ? `没有“${outline}”格式的自评报告，可选：${pack.reports.map((r) => r.id).join('、')}` : `报表格式 ${session.pack.id} 没有自评报告的格式`);
  const generated = generatePerfReport({ def, report: session.engine, data, scores, unitName: session.unit.name, year: session.year, texts: session.texts });
  return { data, scores, report: { doc: generated.doc, edits: generated.edits, title: def.title.replace(/（.*）$/, '') } };
}
