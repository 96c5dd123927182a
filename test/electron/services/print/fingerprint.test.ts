import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../../../shared/pack/model';
import { canonicalParts, normalizeFingerprint, type FingerprintSource } from '../../../../shared/print/fingerprint';
import { reportFingerprint } from '../../../../electron/services/print/fingerprints';
import { defaultPacksDir, loadPack } from '../../../../electron/services/packs/loadPack';

let pack: Pack;
beforeAll(async () => {
  pack = await loadPack(join(defaultPacksDir(), 'yn-2020'));
});

const source = (inputs: Record<string, number>, texts: Record<string, string> = {}): FingerprintSource => ({
  unit: { code: '001', name: '隆阳区政务服务管理局', kind: '行政单位', parent: null },
  year: 2020,
  packId: 'yn-2020',
  rows: { T03: ['2010301', '2010350'] },
  inputs,
  texts,
});

describe('data fingerprint', () => {
  it('does not depend on the order data was written in', () => {
    const a = reportFingerprint(source({ 'T03:2010301:c2': 100, 'T03:2010350:c2': 200, 'T01:IBEG:c1': 5 }, { 'cover.leader': '张三', 'narrative.x': 'a' }), pack);
    const b = reportFingerprint(source({ 'T01:IBEG:c1': 5, 'T03:2010350:c2': 200, 'T03:2010301:c2': 100 }, { 'narrative.x': 'a', 'cover.leader': '张三' }), pack);
    expect(a).toEqual(b);
    expect(a.fingerprint).toMatch(/^[0-9A-F]{8}$/);
  });

  it('changes with one input, in that table’s part only', () => {
    const before = reportFingerprint(source({ 'T03:2010301:c2': 100, 'T01:IBEG:c1': 5 }), pack);
    const after = reportFingerprint(source({ 'T03:2010301:c2': 101, 'T01:IBEG:c1': 5 }), pack);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    const changed = after.parts.filter((p, i) => p.fingerprint !== before.parts[i]?.fingerprint).map((p) => p.id);
    expect(changed).toEqual(['T03']);
  });

  it('changes with a cover name or a 情况说明 text, in their own parts', () => {
    const base = reportFingerprint(source({}, { 'cover.leader': '张三' }), pack);
    const renamed = reportFingerprint(source({}, { 'cover.leader': '张四' }), pack);
    const narrative = reportFingerprint(source({}, { 'cover.leader': '张三', 'narrative.duty': '主要职能' }), pack);
    const diff = (x: typeof base) => x.parts.filter((p, i) => p.fingerprint !== base.parts[i]?.fingerprint).map((p) => p.id);
    expect(diff(renamed)).toEqual(['cover']);
    expect(diff(narrative)).toEqual(['narrative']);
  });

  it('has one part per table in pack order, with the titles a clerk knows', () => {
    const parts = canonicalParts(source({}), pack);
    expect(parts.map((p) => p.id)).toEqual(['unit', 'cover', ...pack.tables.map((t) => t.id), 'narrative', 'explain', 'other']);
    expect(parts.find((p) => p.id === 'T03')?.title).toBe('公开03表 支出决算表');
  });

  it('reads a fingerprint as typed from paper', () => {
    expect(normalizeFingerprint(' 3f9a 1c07 ')).toBe('3F9A1C07');
    expect(normalizeFingerprint('3F9A-1C07')).toBe('3F9A1C07');
    expect(normalizeFingerprint('３Ｆ９Ａ１Ｃ０７')).toBe('3F9A1C07');
    expect(normalizeFingerprint('3F9A1C0')).toBeNull();
    expect(normalizeFingerprint('3F9A1C0G')).toBeNull();
  });
});
