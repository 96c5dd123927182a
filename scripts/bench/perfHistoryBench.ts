/**
 * The 绩效自评's edit history on the bench register (50 projects × 20 indicators) beside the full-size
 * report: a journalled 绩效 edit, listing the report's batches, one field's 修改记录, restoring the whole
 * report to before 300 edits and undoing that, and finding the oldest point (the fingerprint lookup's
 * worst case: the 绩效 data rebuilt at every point).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPerfPack } from '../../electron/services/perf/loadPerfPack';
import { defaultPacksDir } from '../../electron/services/packs/loadPack';
import { perfFieldHistory } from '../../electron/services/perf/perfHistory';
import { PerfStore } from '../../electron/services/perf/perfStore';
import { findHistoryPoint, reportBatches, restoreToBatch, undoBatch } from '../../electron/services/reportHistory';
import { ReportSessions } from '../../electron/services/reportSessions';
import { ReportStore } from '../../electron/services/store/reportStore';
import type { FullSizeReport } from './fullSizeReport';
import { makePerfRegister, writePerfData } from './perfRegister';
import { ms, printFigures, quantile, timed } from './stats';

const EDITS = 300;

export async function benchPerfHistory({ pack, data }: FullSizeReport): Promise<void> {
  if (!(await loadPerfPack(join(defaultPacksDir(), pack.id), pack))) return;
  const register = makePerfRegister(50, 20);
  const dir = await mkdtemp(join(tmpdir(), 'juesuan-bench-perfhist-'));
  const store = await ReportStore.open(join(dir, 'perf.db'));
  try {
    await store.addUnit({ code: '001', name: '保山市隆阳区政务服务管理局', kind: '行政单位', parent: null });
    await store.replaceReportData('001', pack.year, pack.id, data);
    const stored = await store.findReport('001', pack.year);
    if (!stored) throw new Error('bench report not stored');
    await writePerfData(store.db, stored.id, register);
    const sessions = new ReportSessions(store, [pack]);
    const ref = { unit: '001', year: pack.year };
    const perf = new PerfStore(store.db);
    const before = JSON.stringify(await perf.load(stored.id));
    const edits: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const project = register.projects[i % register.projects.length]!;
      const indicator = register.indicators[(i * 7) % register.indicators.length]!;
      edits.push(
        await timed(() =>
          i % 2 === 0 ? perf.set(stored.id, 'project', project.id, 'annual.0', 100_000 + i) : perf.set(stored.id, 'indicator', indicator.id, 'actual', String(90 + (i % 10))),
        ),
      );
    }
    const listing: number[] = [];
    for (let i = 0; i < 10; i++) listing.push(await timed(() => reportBatches(sessions, ref, 500)));
    const field: number[] = [];
    for (let i = 0; i < 10; i++) field.push(await timed(() => perfFieldHistory(sessions, ref, 'project', register.projects[0]!.id, 'annual.0')));
    let restored: { batchId: number | null; changed: number } = { batchId: null, changed: 0 };
    const restore = await timed(async () => (restored = await restoreToBatch(sessions, ref, 0)));
    const undo = await timed(() => undoBatch(sessions, ref, restored.batchId ?? 0));
    let found: number | null = null;
    const lookup = await timed(async () => (found = (await findHistoryPoint(sessions, ref, (_state, p) => JSON.stringify(p) === before))?.batchId ?? null));
    printFigures(`绩效自评修改记录（${register.projects.length} 个项目、${register.indicators.length} 项指标，${EDITS} 次修改）`, [
      { what: '一次绩效修改连同修改记录（中位数）', value: ms(quantile(edits, 0.5)) },
      { what: '  （p95）', value: ms(quantile(edits, 0.95)) },
      { what: `报表修改记录列表（${EDITS} 批，中位数）`, value: ms(quantile(listing, 0.5)) },
      { what: '一栏的修改记录（中位数）', value: ms(quantile(field, 0.5)) },
      { what: `整份报表恢复到 ${EDITS} 次修改之前（${restored.changed} 处）`, value: ms(restore) },
      { what: '  撤销这次恢复', value: ms(undo) },
      { what: `找到绩效数据与修改之前相符的最近时刻（逐批重建，第 ${found ?? '—'} 批之后）`, value: ms(lookup) },
    ]);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}
