/**
 * The shipped formats side by side: yn-2020 serves 2020–2021, yn-2025 (Yunnan's format since 2022)
 * serves 2022–2025 with its 11 tables; the functional catalogues hold every 类 and 款 and the 项
 * county departments use most, each line backed by a `src`.
 */
import { describe, expect, it } from 'vitest';
import { defaultPacksDir, loadPackRoot } from '../../electron/services/packs/loadPack';
import { catalogueOf, type Pack } from '../../shared/pack/model';
import { packForYear } from '../../shared/pack/years';
import { EXPENSE_CLASSES } from '../../scripts/bench/fullSizeReport';

let packs: Pack[] | undefined;
async function shipped(): Promise<Pack[]> {
  packs ??= await loadPackRoot(defaultPacksDir());
  return packs;
}
async function pack(id: string): Promise<Pack> {
  const found = (await shipped()).find((p) => p.id === id);
  if (!found) throw new Error(`no pack ${id}`);
  return found;
}

describe('shipped formats', () => {
  it('open every year from 2019 (上年数) to 2025 in the format of that year', async () => {
    const all = await shipped();
    expect([2019, 2020, 2021, 2022, 2023, 2024, 2025].map((y) => packForYear(all, y)?.id)).toEqual([
      'yn-2020', 'yn-2020', 'yn-2020', 'yn-2025', 'yn-2025', 'yn-2025', 'yn-2025',
    ]);
  });

  it('yn-2025 has the table set Yunnan publishes since 2022, numbered 公开01–11表', async () => {
    const p = await pack('yn-2025');
    expect(p.tables.map((t) => `${t.code} ${t.title}`)).toEqual([
      '公开01表 收入支出决算表',
      '公开02表 收入决算表',
      '公开03表 支出决算表',
      '公开04表 财政拨款收入支出决算表',
      '公开05表 一般公共预算财政拨款收入支出决算表',
      '公开06表 一般公共预算财政拨款基本支出决算表',
      '公开07表 一般公共预算财政拨款项目支出决算表',
      '公开08表 政府性基金预算财政拨款收入支出决算表',
      '公开09表 国有资本经营预算财政拨款收入支出决算表',
      '公开10表 “三公”经费、行政参公单位机关运行经费情况表',
      '公开11表 国有资产使用情况表',
    ]);
    // Ids keep their meaning across formats, so last year's rows map by id (上年数, X-13).
    expect(p.tables.map((t) => t.id)).toEqual(['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'TPRJ', 'T07', 'T08', 'T09', 'T10']);
    const prj = p.tables.find((t) => t.id === 'TPRJ');
    expect(prj?.columns.map((c) => c.label)).toEqual(['项目支出合计', '工资福利支出', '商品和服务支出', '对个人和家庭的补助', '资本性支出', '其他支出']);
    expect(p.rules?.map((r) => r.id)).toEqual(expect.arrayContaining(['TPRJ-1', 'TPRJ-2', 'X-14', 'G-1', 'X-13']));
    expect(p.rules?.find((r) => r.id === 'G-1')?.level).toBe('提示');
  });

  it('catalogues hold every 类 of the T01 lines with 款 under it, and the 项 departments use most', async () => {
    for (const id of ['yn-2020', 'yn-2025']) {
      const entries = catalogueOf(await pack(id), 'func').entries;
      const byCode = new Map(entries.map((e) => [e.code, e]));
      for (const cls of EXPENSE_CLASSES) {
        expect(byCode.get(cls)?.level, `${id} ${cls}`).toBe('类');
        expect(entries.some((e) => e.level === '款' && e.parent === cls), `${id} ${cls} 款`).toBe(true);
      }
      for (const code of ['2010101', '2010301', '2050201', '2130104', '2080505', '2101101', '2210201', '2120101', '2240101']) {
        expect(byCode.get(code)?.level, `${id} ${code}`).toBe('项');
      }
      expect(entries.every((e) => e.src !== '')).toBe(true);
      expect(entries.filter((e) => e.level === '项').length).toBeGreaterThan(650);
    }
    const func2020 = new Map(catalogueOf(await pack('yn-2020'), 'func').entries.map((e) => [e.code, e.name]));
    const func2025 = new Map(catalogueOf(await pack('yn-2025'), 'func').entries.map((e) => [e.code, e.name]));
    expect([func2020.get('21305'), func2025.get('21305')]).toEqual(['扶贫', '巩固脱贫攻坚成果衔接乡村振兴']);
    expect([func2020.has('20139'), func2025.has('20139')]).toEqual([false, true]);
  });
});
