/**
 * A full-size report for `npm run bench`: all 26 类 in T01/T04, 300 项 rows in each of T02/T03/T05,
 * every 款 of T06 filled. The 项 are taken in turn from each 类 of the pack's functional catalogue; at
 * full size a 类 without 项 there, or a catalogue too small, gets a synthetic extension (款 codes
 * xx8x/xx9x and 项 under them, named 合成…) in the pack copy. The values
 * are consistent: T01 总计 balances, T05 年末 = 年初 + 收入 − 支出, T06 = T05 基本支出.
 */
import { cellKey, type CellKey, type ReportData } from '../../shared/api/contract';
import { catalogueOf, type CatalogueEntry, type Pack } from '../../shared/pack/model';

/** The 26 类 printed on T01/T04 (spec §2 T01). */
export const EXPENSE_CLASSES = [
  '201', '202', '203', '204', '205', '206', '207', '208', '210', '211', '212', '213', '214',
  '215', '216', '217', '219', '220', '221', '222', '223', '224', '229', '231', '232', '234',
];

/** mulberry32: a small seeded PRNG so a bench or test run sees the same report every time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 项 rows per subject table of the bench's full-size report. */
export const FULL_SIZE_ITEMS = 300;

function extendFuncCatalogue(entries: CatalogueEntry[], target: number): CatalogueEntry[] {
  const codes = new Set(entries.map((e) => e.code));
  const out = [...entries];
  let items = entries.filter((e) => e.level === '项').length;
  const freeKuan = (cls: string): string => {
    for (let s = 80; s < 100; s++) {
      const code = `${cls}${s}`;
      if (!codes.has(code)) return code;
    }
    throw new Error(`类 ${cls} 下没有空闲的款编码`);
  };
  const kuanOf = new Map<string, { code: string; next: number }>();
  // A full-size report covers every 类 (synthetic 项 where the catalogue has none); a smaller one (the
  // tests' departments) stays within the installed catalogue unless it is too small.
  const everyClass = target >= FULL_SIZE_ITEMS;
  const hasItem = new Set(entries.filter((e) => e.level === '项').map((e) => e.code.slice(0, 3)));
  for (let round = everyClass ? 0 : 1; items < target || round === 0; round++) {
    for (const cls of EXPENSE_CLASSES) {
      if (round === 0 ? hasItem.has(cls) : items >= target) continue;
      let kuan = kuanOf.get(cls);
      if (!kuan || kuan.next > 99) {
        const code = freeKuan(cls);
        codes.add(code);
        out.push({ code, name: `合成款${code}`, level: '款', parent: cls, src: 'bench' });
        kuan = { code, next: 1 };
        kuanOf.set(cls, kuan);
      }
      const code = `${kuan.code}${String(kuan.next).padStart(2, '0')}`;
      kuan.next++;
      codes.add(code);
      out.push({ code, name: `合成项${code}`, level: '项', parent: kuan.code, src: 'bench' });
      items++;
    }
  }
  return out;
}

/** `count` 项 codes taken in turn from each 类 (first 项 of every 类, then the second, …), in code order. */
function spreadOverClasses(codes: string[], count: number): string[] {
  const byClass = new Map<string, string[]>();
  for (const code of [...codes].sort()) {
    if (!EXPENSE_CLASSES.includes(code.slice(0, 3))) continue;
    const list = byClass.get(code.slice(0, 3)) ?? [];
    list.push(code);
    byClass.set(code.slice(0, 3), list);
  }
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    let took = false;
    for (const list of byClass.values()) {
      const code = list[i];
      if (code === undefined || out.length >= count) continue;
      out.push(code);
      took = true;
    }
    if (!took) break;
  }
  return out.sort();
}

export interface FullSizeReport {
  pack: Pack;
  data: ReportData;
}

export function makeFullSizeReport(pack: Pack, seed = 2020, itemCount = FULL_SIZE_ITEMS): FullSizeReport {
  const random = seededRandom(seed);
  const amount = (max: number) => Math.floor(random() * max) * 100 + Math.floor(random() * 100);
  const func = catalogueOf(pack, 'func');
  const funcEntries = extendFuncCatalogue(func.entries, itemCount);
  const bigPack: Pack = { ...pack, catalogues: { ...pack.catalogues, func: { ...func, entries: funcEntries } } };

  const codes = funcEntries.filter((e) => e.level === '项').map((e) => e.code);
  // A full-size report spreads its 项 over every 类; a small one takes the catalogue's first 项.
  const items = itemCount >= EXPENSE_CLASSES.length ? spreadOverClasses(codes, itemCount) : codes.slice(0, itemCount);
  const inputs: Record<CellKey, number> = {};
  const set = (table: string, row: string, col: string, value: number) => {
    if (value !== 0) inputs[cellKey(table, row, col)] = value;
  };
  const hasProjects = pack.tables.some((t) => t.id === 'TPRJ');
  let begin = 0;
  let income = 0;
  let basic = 0;
  let end = 0;
  for (const code of items) {
    const b = amount(2_000_000); // 基本支出 up to 2,000,000 元
    const p = amount(500_000); // 项目支出
    const y = amount(50_000); // 年初结转和结余
    const extra = amount(20_000); // 收入 beyond this year's spending, carried forward
    const inc = b + p + extra;
    set('T03', code, 'c2', b);
    set('T03', code, 'c3', p);
    set('T02', code, 'c2', inc);
    set('T05', code, 'c1', y);
    set('T05', code, 'c2', inc);
    set('T05', code, 'c4', b);
    set('T05', code, 'c5', p);
    set('T05', code, 'c6', y + extra);
    // Formats with a 项目支出决算表 (yn-2025 TPRJ) spell out T05's 项目支出 by economic class.
    if (hasProjects) {
      const goods = Math.floor(p / 2);
      set('TPRJ', code, 'c3', goods);
      set('TPRJ', code, 'c5', p - goods);
    }
    begin += y;
    income += inc;
    basic += b;
    end += y + extra;
  }
  // Every fund's own figures balance: T04 and T01 come out with 总计 = 总计.
  set('T04', 'I01', 'c1', income);
  set('T04', 'IBEG1', 'c1', begin);
  set('T04', 'EEND', 'c3', end);
  set('T01', 'IBEG', 'c1', begin);
  set('T01', 'EEND', 'c2', end);

  // T06 = T05 基本支出, spread over every 款 of 301/302/303/310.
  const econ = catalogueOf(pack, 'econ').entries;
  const kuan = econ.filter((e) => e.level === '款' && ['301', '302', '303', '310'].includes(e.parent));
  let left = basic;
  kuan.forEach((e, i) => {
    const share = i === kuan.length - 1 ? left : Math.floor((left / (kuan.length - i)) * (0.5 + random()));
    const v = Math.min(share, left);
    inputs[cellKey('T06', e.code, 'c1')] = v;
    left -= v;
  });

  const sg = { SGABR: 3_000_000, SGCARBUY: 0, SGCAROPS: 4_500_000, SGRECDOM: 1_200_000, SGRECFA: 200_000, SGRECABR: 0 };
  for (const [row, v] of Object.entries(sg)) {
    set('T09', row, 'c1', v + 100_000);
    set('T09', row, 'c2', v);
  }
  set('T09', 'OPEX', 'c2', 18_465_000);
  set('T09', 'NABRGRP', 'c2', 1);
  set('T09', 'NABRPER', 'c2', 3);
  set('T09', 'NCARHOLD', 'c2', 2);
  set('T09', 'NDOMBAT', 'c2', 12);
  set('T09', 'NDOMPER', 'c2', 80);
  const assets = { c2: 812_345_600, c4: 2_000_000_000, c5: 45_000_000, c6: 0, c7: 123_456_700, c8: 0, c9: 0, c10: 5_000_000, c11: 0 };
  for (const [col, v] of Object.entries(assets)) set('T10', 'TOTAL', col, v);

  const rows: Record<string, string[]> = { T02: items, T03: items, T05: items, ...(hasProjects ? { TPRJ: items } : {}) };
  return { pack: bigPack, data: { rows, inputs, texts: {} } };
}
