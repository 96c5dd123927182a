/**
 * The 绩效自评 in the data fingerprint: absent (and every other fingerprint as before) while nothing is
 * typed into it; present as its own part otherwise, changed by any value of the register, an indicator,
 * a 重点工作任务, the 部门整体 form or a 自评报告 text, and independent of storage ids.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../../../shared/pack/model';
import { EMPTY_DEPT_FORM, type PerfData } from '../../../../shared/perf/model';
import { canonicalParts, type FingerprintSource } from '../../../../shared/print/fingerprint';
import { reportFingerprint } from '../../../../electron/services/print/fingerprints';
import { defaultPacksDir, loadPack } from '../../../../electron/services/packs/loadPack';
import { S002_DATA } from '../../../shared/perf/s002Fixture';

let pack: Pack;
beforeAll(async () => {
  pack = await loadPack(join(defaultPacksDir(), 'yn-2020'));
});

const EMPTY: PerfData = { projects: [], indicators: [], tasks: [], dept: { ...EMPTY_DEPT_FORM } };

const source = (perf: PerfData | undefined, texts: Record<string, string> = {}): FingerprintSource => ({
  unit: { code: '001', name: '隆阳区政务服务管理局', kind: '行政单位', parent: null },
  year: 2020,
  packId: 'yn-2020',
  rows: { T03: ['2010301'] },
  inputs: { 'T03:2010301:c2': 100 },
  texts: { 'cover.leader': '张三', ...texts },
  ...(perf ? { perf } : {}),
});

const fp = (perf: PerfData | undefined, texts: Record<string, string> = {}) => reportFingerprint(source(perf, texts), pack);

describe('绩效自评 in the data fingerprint', () => {
  it('leaves a report without 绩效自评 with the fingerprint it had', () => {
    expect(fp(EMPTY)).toEqual(fp(undefined));
    expect(canonicalParts(source(EMPTY), pack).map((p) => p.id)).not.toContain('perf');
  });

  it('is a part of its own, changed by every kind of 绩效 value', () => {
    const base = fp(S002_DATA);
    expect(base.parts.map((p) => p.id).at(-1)).toBe('perf');
    expect(base.parts.find((p) => p.id === 'perf')?.title).toBe('绩效自评');
    const first = S002_DATA.projects[0]!;
    const firstIndicator = S002_DATA.indicators[0]!;
    const variants: PerfData[] = [
      { ...S002_DATA, projects: [{ ...first, executed: [first.executed[0] + 1, 0, 0] }, ...S002_DATA.projects.slice(1)] },
      { ...S002_DATA, indicators: [{ ...firstIndicator, actual: '63476' }, ...S002_DATA.indicators.slice(1)] },
      { ...S002_DATA, indicators: [{ ...firstIndicator, applicable: false }, ...S002_DATA.indicators.slice(1)] },
      { ...S002_DATA, tasks: S002_DATA.tasks.map((t, i) => (i === 0 ? { ...t, spent: t.spent - 1 } : t)) },
      { ...S002_DATA, dept: { ...S002_DATA.dept, yearActual: '全部完成' } },
    ];
    for (const changed of variants) {
      const after = fp(changed);
      expect(after.fingerprint).not.toBe(base.fingerprint);
      // Only the 绩效自评 part differs.
      expect(after.parts.filter((p, i) => p.fingerprint !== base.parts[i]?.fingerprint).map((p) => p.id)).toEqual(['perf']);
    }
    // A 自评报告 text alone makes the part, and counts under it.
    const text = fp(EMPTY, { 'perf.text.measures': '加强预算管理' });
    expect(text.parts.map((p) => p.id)).toContain('perf');
    expect(text.fingerprint).not.toBe(fp(EMPTY).fingerprint);
  });

  it('does not depend on storage ids, only on the rows and their order', () => {
    const renumbered: PerfData = {
      ...S002_DATA,
      projects: S002_DATA.projects.map((p) => ({ ...p, id: p.id + 40 })),
      indicators: S002_DATA.indicators.map((i) => ({ ...i, id: i.id + 900, owner: i.owner === 0 ? 0 : i.owner + 40 })),
      tasks: S002_DATA.tasks.map((t) => ({ ...t, id: t.id + 7 })),
    };
    expect(fp(renumbered).fingerprint).toBe(fp(S002_DATA).fingerprint);
    const reordered: PerfData = { ...S002_DATA, projects: S002_DATA.projects.map((p, i, all) => ({ ...p, seq: all.length - i })) };
    expect(fp(reordered).fingerprint).not.toBe(fp(S002_DATA).fingerprint);
  });
});
