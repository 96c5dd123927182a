/**
 * The renderer's live audit over a real ReportEngine and the real yn-2020 rules: results, counts and
 * cell marks follow each committed edit synchronously; explanations and last year are fed in.
 */
import { describe, expect, it } from 'vitest';
import type { CellKey, Unit } from '../../../shared/api/contract';
import { ReportEngine } from '../../../shared/engine/reportEngine';
import type { EditRequest } from '../../../shared/engine/types';
import { AuditCellMarks } from '../../../renderer/src/audit/cellMarks';
import { auditTexts, LiveAudit, type AuditSource } from '../../../renderer/src/audit/liveAudit';
import { balancedData, realPack, realRules, yuan } from '../../shared/audit/auditFixtures';

const UNIT: Unit = { code: '001', name: '测试局', kind: '行政单位', parent: null };

/** The part of ReportSession the audit listens to: commit edits, then announce the changed keys. */
class Source implements AuditSource {
  readonly unit = UNIT;
  readonly year = 2020;
  private readonly listeners = new Set<{ cells?(keys: CellKey[]): void; rows?(table: string): void }>();
  constructor(readonly engine: ReportEngine) {}
  on(l: { cells?(keys: CellKey[]): void; rows?(table: string): void }): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  commit(edit: EditRequest): void {
    const keys = this.engine.setInputs([edit]);
    for (const l of this.listeners) l.cells?.(keys);
  }
  addRows(table: string, codes: string[]): void {
    this.engine.addRows(table, codes);
    for (const l of this.listeners) l.rows?.(table);
  }
}

async function setup(texts: Record<string, string> = {}) {
  const pack = await realPack();
  const source = new Source(new ReportEngine(pack, balancedData()));
  const live = new LiveAudit(source, await realRules(pack), texts, null);
  return { pack, source, live };
}

describe('LiveAudit', () => {
  it('updates results, counts and marks within the commit, and notifies once per edit', async () => {
    const { source, live } = await setup();
    let calls = 0;
    live.subscribe(() => calls++);
    expect(live.snapshot().results).toEqual([]);
    source.commit({ table: 'T01', row: 'EEND', col: 'c2', value: yuan('59999.95') });
    expect(calls).toBe(1);
    const view = live.snapshot();
    const t015 = view.results.find((r) => r.id === 'T01-5');
    expect(t015?.message).toBe('收入支出决算总表：收入总计 1,070,000.00 ≠ 支出总计 1,069,999.95，差 0.05');
    expect(view.counts.强制).toBeGreaterThan(0);
    expect(view.marks.get('T01:ITOT:c1')).toBe('强制');
    source.commit({ table: 'T01', row: 'EEND', col: 'c2', value: yuan('60000') });
    expect(calls).toBe(2);
    expect(live.snapshot().results).toEqual([]);
    expect(live.snapshot().marks.size).toBe(0);
  });

  it('keeps the same result list when an edit changes no result', async () => {
    const { source, live } = await setup();
    source.commit({ table: 'T09', row: 'OPEX', col: 'c2', value: yuan('1') });
    const before = live.snapshot();
    source.commit({ table: 'T09', row: 'OPEX', col: 'c2', value: yuan('2') });
    const after = live.snapshot();
    expect(after.version).toBe(before.version + 1);
    // X-12's message changed (the amount), so the list is new; an edit elsewhere keeps it.
    source.commit({ table: 'T10', row: 'TOTAL', col: 'c11', value: 0 });
    expect(live.snapshot().results).toBe(after.results);
  });

  it('shows a stored explanation on a 提示 result, never on a 强制 one; rows added rebind', async () => {
    const { source, live } = await setup();
    source.commit({ table: 'T09', row: 'OPEX', col: 'c2', value: yuan('100') });
    const x12 = live.snapshot().results.find((r) => r.ruleId === 'X-12');
    expect(x12?.level).toBe('提示');
    live.textsChanged({ [`explain.${x12?.id ?? ''}`]: '含下属单位运行经费', 'explain.T01-5': '强制规则的说明无效', 'narrative.x': '无关' });
    expect(live.find(x12?.id ?? '')?.explanation).toBe('含下属单位运行经费');
    expect(live.snapshot().counts.explained).toBe(1);
    source.addRows('T03', ['2080505']);
    expect(live.find(x12?.id ?? '')?.explanation).toBe('含下属单位运行经费');
    expect(auditTexts({ 'explain.a': 'x', 'meta.sourceUnit': '万元', 'cover.name': 'y' })).toEqual({ 'explain.a': 'x', 'meta.sourceUnit': '万元' });
  });

  it('reads last year for X-13 once it is given', async () => {
    const { pack, live } = await setup();
    expect(live.snapshot().notEvaluated).toEqual(['X-13']);
    const last = balancedData();
    last.inputs['T01:EEND:c2'] = yuan('65000');
    live.setPrevious(new ReportEngine(pack, last));
    expect(live.snapshot().notEvaluated).toEqual([]);
    expect(live.snapshot().results.map((r) => r.message)).toContain('收入支出决算总表：年初结转和结余 60,000.00 ≠ 上年年末结转和结余 65,000.00，差 5,000.00');
    const report = live.report();
    expect(report.title).toBe('测试局（001） 2020 年度部门决算审核报告');
    expect(report.sections.map((s) => s.table)).toContain('T01');
  });
});

describe('AuditCellMarks', () => {
  it('gives level classes, reports exactly the cells whose marks changed, and highlights the other side', async () => {
    const { source, live } = await setup();
    const marks = new AuditCellMarks(live);
    const seen: CellKey[][] = [];
    marks.subscribe((keys) => seen.push([...keys]));
    source.commit({ table: 'T09', row: 'OPEX', col: 'c2', value: yuan('100') });
    expect(marks.classesOf('T09:OPEX:c2')).toEqual(['cell-audit-soft']);
    expect(seen).toEqual([['T09:OPEX:c2']]);
    source.commit({ table: 'T09', row: 'OPEX', col: 'c2', value: yuan('101') });
    expect(seen).toHaveLength(1);
    const x12 = live.snapshot().results.find((r) => r.ruleId === 'X-12');
    marks.highlight(x12 ?? null);
    expect(marks.classesOf('T06:GSUM:c1')).toEqual(['cell-audit-related']);
    expect(seen[1]).toEqual(['T06:GSUM:c1']);
    source.commit({ table: 'T01', row: 'EEND', col: 'c2', value: yuan('1') });
    expect(marks.classesOf('T01:ITOT:c1')).toContain('cell-audit-hard');
    source.commit({ table: 'T09', row: 'OPEX', col: 'c2', value: yuan('200000') });
    expect(marks.classesOf('T09:OPEX:c2')).toEqual([]);
    marks.highlight(null);
    expect(marks.classesOf('T06:GSUM:c1')).toEqual([]);
    marks.dispose();
  });
});
