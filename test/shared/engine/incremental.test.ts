/**
 * Property: after any sequence of random edits (and the odd row added or removed), the
 * incrementally maintained values equal a from-scratch computation of the same inputs, and each
 * setInputs reports exactly the cells whose values changed.
 */
import { describe, expect, it } from 'vitest';
import { ReportEngine } from '../../../shared/engine/reportEngine';
import { tableValues } from './tableValues';
import type { EditRequest } from '../../../shared/engine/types';
import { makeFullSizeReport, seededRandom } from '../../../scripts/bench/fullSizeReport';
import { catalogueOf } from '../../../shared/pack/model';
import { realPack } from '../pack/packFixtures';

function snapshot(engine: ReportEngine): Map<string, number> {
  const out = new Map<string, number>();
  for (const table of engine.tableIds()) {
    for (const [row, cells] of Object.entries(tableValues(engine, table))) {
      for (const [col, v] of Object.entries(cells)) out.set(`${table}:${row}:${col}`, v);
    }
  }
  return out;
}

function inputCells(engine: ReportEngine): EditRequest[] {
  const out: EditRequest[] = [];
  for (const table of engine.tableIds()) {
    for (const side of engine.layout(table).sides) {
      for (const row of side.rows) for (const col of row.inputs) out.push({ table, row: row.id, col, value: 0 });
    }
  }
  return out;
}

describe('incremental recomputation', () => {
  it('equals full recomputation after 400 random edits with rows added and removed', async () => {
    const pack = await realPack();
    const random = seededRandom(42);
    const pick = <T>(list: readonly T[]): T => {
      const item = list[Math.floor(random() * list.length)];
      if (item === undefined) throw new Error('empty list');
      return item;
    };
    const items = catalogueOf(pack, 'func').entries.filter((e) => e.level === '项').map((e) => e.code);
    const subjectTables = ['T02', 'T03', 'T05', 'T07', 'T08'];
    const engine = new ReportEngine(pack, { rows: { T03: items.slice(0, 10) }, inputs: {} });

    for (let step = 0; step < 400; step++) {
      const roll = random();
      if (roll < 0.06) {
        engine.addRows(pick(subjectTables), [pick(items), pick(items)]);
      } else if (roll < 0.09) {
        const table = pick(subjectTables);
        const removable = engine.layout(table).sides.flatMap((s) => s.rows).filter((r) => r.removable);
        if (removable.length > 0) engine.removeRow(table, pick(removable).id);
      } else {
        const cells = inputCells(engine);
        const batch = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
          const cell = pick(cells);
          const value = random() < 0.1 ? null : Math.floor((random() - 0.2) * 1e10);
          return { ...cell, value };
        });
        const before = snapshot(engine);
        const changed = engine.setInputs(batch);
        const after = snapshot(engine);
        const diff = [...after.keys()].filter((k) => after.get(k) !== before.get(k));
        for (const key of diff) expect(changed).toContain(key);
        // Only a typed cell may be reported without a new value (clearing a stored 0 changes what is stored).
        const typed = new Set(batch.map((e) => `${e.table}:${e.row}:${e.col}`));
        for (const key of changed) if (!diff.includes(key)) expect(typed).toContain(key);
      }
      if (step % 50 === 49) {
        const fresh = new ReportEngine(pack, { rows: engine.addedRows(), inputs: engine.inputs() });
        expect(snapshot(engine)).toEqual(snapshot(fresh));
      }
    }
    const fresh = new ReportEngine(pack, { rows: engine.addedRows(), inputs: engine.inputs() });
    expect(snapshot(engine)).toEqual(snapshot(fresh));
    expect(Object.keys(engine.inputs()).length).toBeGreaterThan(50);
  });

  it('keeps a full-size report (300 项 per table, all 26 类, every T06 款) balanced and equal to a rebuild', async () => {
    const { pack, data } = makeFullSizeReport(await realPack());
    const engine = new ReportEngine(pack, data);
    expect(engine.layout('T03').sides[0]?.rows.filter((r) => r.level === '项')).toHaveLength(300);
    expect(engine.layout('T03').sides[0]?.rows.filter((r) => r.level === '类')).toHaveLength(26);
    const lines = engine.layout('T01').sides[1]?.rows.filter((r) => r.level === '类') ?? [];
    for (const line of lines) expect(engine.value('T01', line.id, 'c2')).toBeGreaterThan(0);
    expect(engine.value('T01', 'ITOT', 'c1')).toBe(engine.value('T01', 'ETOT', 'c2'));
    expect(engine.value('T04', 'ITOT', 'c1')).toBe(engine.value('T04', 'ETOT', 'c2'));
    const t06 = (engine.value('T06', 'PSUM', 'c1') ?? 0) + (engine.value('T06', 'GSUM', 'c1') ?? 0);
    expect(t06).toBe(engine.value('T05', 'TOTAL', 'c4'));

    const random = seededRandom(7);
    const cells = inputCells(engine);
    for (let i = 0; i < 300; i++) {
      const cell = cells[Math.floor(random() * cells.length)];
      if (cell) engine.setInputs([{ ...cell, value: Math.floor(random() * 1e9) }]);
    }
    const fresh = new ReportEngine(pack, { rows: engine.addedRows(), inputs: engine.inputs() });
    expect(snapshot(engine)).toEqual(snapshot(fresh));
  });
});
