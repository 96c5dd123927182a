import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { catalogueOf } from '../../../../shared/pack/model';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPacksDir, loadPack, loadPackRoot } from '../../../../electron/services/packs/loadPack';
import { PackError } from '../../../../shared/pack/errors';
import { REAL_PACK_DIR } from '../../../shared/pack/packFixtures';

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A copy of yn-2020 in a temp folder, with `change` applied to it. */
async function brokenCopy(change: (dir: string) => Promise<void>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'juesuan-pack-'));
  temps.push(root);
  const dir = join(root, 'yn-2020');
  await cp(REAL_PACK_DIR, dir, { recursive: true });
  await change(dir);
  return dir;
}

async function editJson(dir: string, file: string, edit: (json: Record<string, unknown>) => void): Promise<void> {
  const json: unknown = JSON.parse(await readFile(join(dir, file), 'utf8'));
  if (typeof json !== 'object' || json === null) throw new Error('not an object');
  const record: Record<string, unknown> = { ...json };
  edit(record);
  await writeFile(join(dir, file), JSON.stringify(record, null, 2));
}

async function replaceIn(dir: string, file: string, from: string, to: string): Promise<void> {
  const text = await readFile(join(dir, file), 'utf8');
  if (!text.includes(from)) throw new Error(`“${from}” not in ${file}`);
  await writeFile(join(dir, file), text.replace(from, to));
}

async function refusal(dir: string): Promise<PackError> {
  try {
    await loadPack(dir);
  } catch (err) {
    if (err instanceof PackError) return err;
    throw err;
  }
  throw new Error('the pack was accepted');
}

describe('loadPack', () => {
  it('loads the real yn-2020 pack as the spec describes it', async () => {
    const pack = await loadPack(REAL_PACK_DIR);
    expect(pack).toMatchObject({ id: 'yn-2020', name: '云南省 2020—2021 年度部门决算公开表', year: 2020, years: { from: 2020, to: 2021 }, region: '云南' });
    expect(pack.tables.map((t) => `${t.id} ${t.code} ${t.title}`)).toEqual([
      'T01 公开01表 收入支出决算总表',
      'T02 公开02表 收入决算表',
      'T03 公开03表 支出决算表',
      'T04 公开04表 财政拨款收入支出决算总表',
      'T05 公开05表 一般公共预算财政拨款收入支出决算表',
      'T06 公开06表 一般公共预算财政拨款基本支出决算表',
      'T07 公开07表 政府性基金预算财政拨款收入支出决算表',
      'T08 公开08表 国有资本经营预算财政拨款收入支出决算表',
      'T09 公开09表 “三公”经费、行政参公单位机关运行经费情况表',
      'T10 公开10表 国有资产占有使用情况表',
    ]);
    expect(catalogueOf(pack, 'func').entries).toHaveLength(910);
    expect(catalogueOf(pack, 'econ').entries).toHaveLength(110);
    const t10 = pack.tables.find((t) => t.id === 'T10');
    expect(t10?.notes).toEqual([
      '1.资产总额=流动资产+固定资产+对外投资/有价证券+在建工程+无形资产+其他资产',
      '2.固定资产=房屋构筑物+车辆+单价200万元以上大型设备+其他固定资产',
      '3.填报金额为资产“账面原值”',
    ]);
    expect(t10?.columns.filter((c) => c.groups?.[0] === '固定资产').map((c) => c.id)).toEqual(['c3', 'c4', 'c5', 'c6', 'c7']);
    expect(t10?.columns.map((c) => c.lanci)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(pack.tables.find((t) => t.id === 'T07')?.emptyNote).toContain('{unit}');
  });

  it('finds resources/packs of the checkout, and every pack under a root', async () => {
    expect(defaultPacksDir()).toBe(join(REAL_PACK_DIR, '..'));
    const root = await mkdtemp(join(tmpdir(), 'juesuan-root-'));
    temps.push(root);
    await cp(REAL_PACK_DIR, join(root, 'b-pack'), { recursive: true });
    await cp(REAL_PACK_DIR, join(root, 'a-pack'), { recursive: true });
    await editJson(join(root, 'a-pack'), 'pack.json', (j) => { j.id = 'other-2020'; });
    await writeFile(join(root, 'notes.txt'), '不是报表套');
    const packs = await loadPackRoot(root);
    expect(packs.map((p) => p.id)).toEqual(['other-2020', 'yn-2020']);
    await editJson(join(root, 'a-pack'), 'pack.json', (j) => { j.id = 'yn-2020'; });
    await expect(loadPackRoot(root)).rejects.toThrow('报表套编号“yn-2020”重复：文件夹“a-pack”与“b-pack”');
  });

  it('refuses a formula that does not parse, saying where', async () => {
    const dir = await brokenCopy((d) => replaceIn(d, 'tables/T03.json', 'T03[*].c3 + T03[*].c4', 'T03[*].c3 + (T03[*].c4'));
    const err = await refusal(dir);
    expect(err.message).toMatch(/^表文件“tables\/T03.json”第 1 条公式“T03\[\*\]\.c1 = .*”无法解析：第 \d+ 个字符处缺少“\)”$/);
    expect(err.where?.file).toBe('tables/T03.json');
  });

  it('refuses an unknown column, in a side and in a formula', async () => {
    const side = await brokenCopy((d) => replaceIn(d, 'tables/T05.json', '"inputs": ["c1", "c2", "c4", "c5", "c6"]', '"inputs": ["c1", "c2", "c4", "c5", "c6", "c8"]'));
    expect((await refusal(side)).message).toBe('表文件“tables/T05.json”：第 1 部分的输入列“c8”不在该部分的列中');
    const formula = await brokenCopy((d) => replaceIn(d, 'tables/T01.json', '"T01.I04 = T02.TOTAL.c3"', '"T01.I04 = T02.TOTAL.c9"'));
    expect((await refusal(formula)).message).toBe('表文件“tables/T01.json”第 4 条公式“T01.I04 = T02.TOTAL.c9”：引用了表 T02 中不存在的列“c9”');
    const rowCol = await brokenCopy((d) => replaceIn(d, 'tables/T01.json', '"T01.I04 = T02.TOTAL.c3"', '"T01.I04 = T01.ESUM.c1"'));
    expect((await refusal(rowCol)).message).toContain('表 T01 的“ESUM”行没有列“c1”');
  });

  it('refuses a cycle among formulas across tables', async () => {
    const dir = await brokenCopy(async (d) => {
      await replaceIn(d, 'tables/T01.json', '"T01.I01 = T04.I01"', '"T01.I01 = T04.ISUM"');
      await replaceIn(d, 'tables/T04.json', '"T04.ISUM = T04.I01 + T04.I02 + T04.I03"', '"T04.ISUM = T04.I01 + T04.I02 + T04.I03 + T01.ITOT"');
    });
    const err = await refusal(dir);
    expect(err.message).toMatch(/^表文件“tables\/T0[14].json”：公式循环引用：/);
    for (const cell of ['T04:ISUM:c1', 'T01:I01:c1', 'T01:ISUM:c1', 'T01:ITOT:c1']) expect(err.message).toContain(cell);
  });

  it('refuses a catalogue whose row names a missing parent', async () => {
    const dir = await brokenCopy((d) => replaceIn(d, 'catalogue/gov-func-classification.csv', '2010301,行政运行,项,20103,', '2010301,行政运行,项,20193,'));
    const err = await refusal(dir);
    expect(err.message).toMatch(/^科目表文件“catalogue\/gov-func-classification.csv”第 \d+ 行（编码 2010301）：上级科目“20193”在本科目表中不存在$/);
  });

  it('refuses a missing file, bad JSON and a bad CSV, naming the file', async () => {
    const missing = await brokenCopy((d) => rm(join(d, 'tables/T09.json')));
    expect((await refusal(missing)).message).toContain('中的文件“tables/T09.json”不存在');
    const json = await brokenCopy((d) => writeFile(join(d, 'tables/T02.json'), '{"id": "T02",'));
    expect((await refusal(json)).message).toMatch(/^文件“tables\/T02.json”不是有效的 JSON：/);
    const csv = await brokenCopy((d) => writeFile(join(d, 'catalogue/gov-econ-classification-dept.csv'), 'code,name,level,parent,src\n301,"工资,类,,x\n'));
    expect((await refusal(csv)).message).toMatch(/^科目表文件“catalogue\/gov-econ-classification-dept.csv”不是有效的 CSV：/);
    const noManifest = await brokenCopy((d) => rm(join(d, 'pack.json')));
    expect((await refusal(noManifest)).message).toContain('中的文件“pack.json”不存在');
    const noCatalogue = await brokenCopy((d) => editJson(d, 'pack.json', (j) => { j.catalogues = { func: { title: '功能', file: 'catalogue/gov-func-classification.csv' } }; }));
    // Catalogue ids are open: a table naming a catalogue the manifest does not declare is the fault.
    expect((await refusal(noCatalogue)).message).toBe('表文件“tables/T06.json”：“人员经费”部分引用的科目表“econ”不在 pack.json 的 catalogues 中');
  });
});
