import { describe, expect, it } from 'vitest';
import { cellTitle, columnPath, columnTitle, rowTitle } from '../../../shared/engine/labels';
import { searchCatalogue } from '../../../shared/engine/searchCatalogue';
import { realPack } from '../pack/packFixtures';

describe('searchCatalogue', () => {
  it('finds 项 by code prefix first, then by name, in code order', async () => {
    const pack = await realPack();
    const byCode = searchCatalogue(pack, 'func', '20103', 10);
    expect(byCode.map((e) => e.code)).toEqual(byCode.map((e) => e.code).sort());
    expect(byCode.every((e) => e.code.startsWith('20103') && e.level === '项')).toBe(true);
    expect(byCode[0]).toMatchObject({ code: '2010301', name: '行政运行' });
    expect(searchCatalogue(pack, 'func', '２０１０３０１', 5).map((e) => e.code)).toEqual(['2010301']);
    const byName = searchCatalogue(pack, 'func', '行政运行', 100);
    expect(byName.length).toBeGreaterThan(3);
    expect(byName.every((e) => e.name.includes('行政运行') && e.level === '项')).toBe(true);
    expect(searchCatalogue(pack, 'func', '行政运行', 2)).toHaveLength(2);
    expect(searchCatalogue(pack, 'func', '  ', 10)).toEqual([]);
    expect(searchCatalogue(pack, 'func', '没有这个科目', 10)).toEqual([]);
    // Only 项 are offered: a 款 name alone matches nothing at 款 level.
    expect(searchCatalogue(pack, 'func', '201', 500).some((e) => e.level !== '项')).toBe(false);
  });
});

describe('labels', () => {
  it('names columns with their group path, rows with their code, and cells as messages do', async () => {
    const pack = await realPack();
    const t05 = pack.tables.find((t) => t.id === 'T05');
    if (!t05) throw new Error('no T05');
    expect(columnPath(t05, 'c4')).toEqual(['本年支出', '基本支出']);
    expect(columnTitle(t05, 'c4')).toBe('本年支出·基本支出');
    expect(columnTitle(t05, 'c1')).toBe('年初结转和结余');
    expect(rowTitle({ code: '2010301', label: '行政运行' })).toBe('2010301 行政运行');
    expect(rowTitle({ label: '合计' })).toBe('合计');
    expect(cellTitle(t05, { label: '合计' }, 'c3')).toBe('一般公共预算财政拨款收入支出决算表 第“合计”行“本年支出·小计”');
  });
});
