import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../../electron/cli/main';
import { makeTempDir } from '../../services/tempDir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir();
});
afterAll(async () => {
  await temp.remove();
});

async function run(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(argv, { out: (t) => lines.push(t) });
  return { code, out: lines.join('\n') };
}

async function ok(...argv: string[]): Promise<string> {
  const r = await run(...argv);
  if (r.code !== 0) throw new Error(`juesuan ${argv.join(' ')} → ${r.code}\n${r.out}`);
  return r.out;
}

describe('juesuan consolidate, rollover, unit rename|move|archive, report delete', () => {
  it('does a department end to end from the command line', async () => {
    const db = join(temp.dir, 'cli.db');
    const settings = ['--db', db];
    await ok('unit', 'add', ...settings, '--code', 'D', '--name', '某某县测试局', '--kind', '行政单位');
    await ok('unit', 'add', ...settings, '--code', 'D1', '--name', '测试中心', '--kind', '其他事业单位', '--parent', 'D');
    await ok('unit', 'add', ...settings, '--code', 'D2', '--name', '测试站', '--kind', '参照公务员法管理的事业单位', '--parent', 'D');
    // D1 上缴 100 to D; D books 附属单位上缴收入 100: eliminated. D2 上缴 50, D books nothing more: a mismatch.
    await ok('set', ...settings, '--unit', 'D1', '--year', '2020', 'T03', '2010301', 'c4', '100');
    await ok('set', ...settings, '--unit', 'D1', '--year', '2020', 'T02', '2010301', 'c7', '100');
    await ok('set', ...settings, '--unit', 'D', '--year', '2020', 'T02', '2010301', 'c6', '100');
    await ok('set', ...settings, '--unit', 'D', '--year', '2020', 'T03', '2010301', 'c5', '100');
    await ok('set', ...settings, '--unit', 'D2', '--year', '2020', 'T03', '2010350', 'c4', '50');
    await ok('set', ...settings, '--unit', 'D', '--year', '2020', 'T01', 'EEND', 'c2', '300');
    await ok('set', ...settings, '--unit', 'D1', '--year', '2020', 'T01', 'EEND', 'c2', '20');

    const json = JSON.parse(await ok('consolidate', ...settings, '--dept', 'D', '--year', '2020', '--json'));
    const show = JSON.parse(await ok('show', ...settings, '--unit', 'D', '--year', '2020', '--json'));
    expect(Object.keys(json)).toEqual(Object.keys(show));
    expect(Object.keys(json.tables)).toEqual(Object.keys(show.tables));
    expect(json.tables.T02['2010301'].c6).toBe('0.00');
    expect(json.tables.T03['2010301'].c4).toBe('0.00');
    expect(json.tables.T03['2010350'].c4).toBe('50.00');
    expect(json.tables.T01.EEND.c2).toBe('320.00');

    const text = await ok('consolidate', ...settings, '--dept', 'D', '--year', '2020', '--table', 'T01');
    expect(text).toContain('纳入汇总的单位（3 个）');
    expect(text).toContain('调整表（2 项）');
    expect(text).toMatch(/附属单位上缴收入不一致.*测试站 50\.00元.*某某县测试局附属单位上缴收入 0\.00元/);

    // The department is audited like any report; its X-12 compares the 行政/参公 units (D, D2) only.
    await ok('set', ...settings, '--unit', 'D', '--year', '2020', 'T09', 'OPEX', 'c2', '70');
    await ok('set', ...settings, '--unit', 'D1', '--year', '2020', 'T06', '30201', 'c1', '1000');
    await ok('set', ...settings, '--unit', 'D2', '--year', '2020', 'T06', '30201', 'c1', '30');
    const audit = await run('audit', ...settings, '--dept', 'D', '--year', '2020', '--json');
    const deptAudit = JSON.parse(audit.out);
    expect(deptAudit).toMatchObject({ unit: 'D', consolidated: true, year: 2020 });
    expect(deptAudit.results.filter((r: { rule: string }) => r.rule === 'X-12').map((r: { message: string }) => r.message)).toEqual([
      '“三公”经费、行政参公单位机关运行经费情况表：机关运行经费（行政单位和参公事业单位） 70.00 ≠ 一般公共预算财政拨款基本支出决算表公用经费合计（行政单位和参公事业单位） 30.00，差 40.00',
    ]);
    expect((await run('audit', ...settings, '--dept', 'D', '--unit', 'D', '--year', '2020')).code).toBe(2);

    const roll = await ok('rollover', ...settings, '--unit', 'D', '--from', '2020');
    expect(roll).toContain('已由 2020 年度结转生成 2021 年度报表');
    expect(roll).toMatch(/年初结转和结余.*300\.00/);
    const y2021 = JSON.parse(await ok('show', ...settings, '--unit', 'D', '--year', '2021', '--json', '--table', 'T01'));
    expect(y2021.tables.T01.IBEG.c1).toBe('300.00');
    expect((await run('rollover', ...settings, '--unit', 'D', '--from', '2020')).code).toBe(1);

    expect(await ok('unit', 'rename', ...settings, '--code', 'D2', '--name', '测试管理站')).toContain('改名为“测试管理站”');
    expect(await ok('unit', 'move', ...settings, '--code', 'D2', '--parent', 'D1')).toContain('已移到 D1 之下');
    expect(await ok('unit', 'info', ...settings, '--code', 'D1', '--credit-code', '91110000802100433B')).toContain('统一社会信用代码：91110000802100433B');
    expect((await run('unit', 'info', ...settings, '--code', 'D1', '--credit-code', '91110000802100433C')).code).toBe(1);
    expect(await ok('unit', 'archive', ...settings, '--code', 'D2')).toContain('自 2021 年度起不再纳入部门汇总');

    expect((await run('report', 'delete', ...settings, '--unit', 'D', '--year', '2021')).code).toBe(2);
    const deleted = await ok('report', 'delete', ...settings, '--unit', 'D', '--year', '2021', '--yes');
    const backup = /备份：(.+)$/.exec(deleted)?.[1] ?? '';
    expect((await readFile(backup)).subarray(0, 15).toString()).toBe('SQLite format 3');
    // yn-2020 serves 2021 too: the year still opens, empty — the deleted report's 年初 is gone.
    const emptied = JSON.parse(await ok('show', ...settings, '--unit', 'D', '--year', '2021', '--json', '--table', 'T01'));
    expect(emptied.tables.T01.IBEG.c1).toBe('0.00');

    const out = join(temp.dir, '报送.json');
    await ok('export-exchange', ...settings, '--unit', 'D1', '--year', '2020', '--out', out);
    const again = await ok('import-exchange', ...settings, '--dept', 'D', out);
    expect(again).toContain('与库中数据完全相同');
  });

  it('moves a 2021 report kept in the 2020 format (after roll-over) as a report file and as an exchange file', async () => {
    const unitDb = ['--db', join(temp.dir, 'unit-2021.db')];
    const deptDb = ['--db', join(temp.dir, 'dept-2021.db')];
    const copyDb = ['--db', join(temp.dir, 'copy-2021.db')];
    for (const db of [unitDb, deptDb]) await ok('unit', 'add', ...db, '--code', 'D', '--name', '某某县测试局', '--kind', '行政单位');
    await ok('unit', 'add', ...unitDb, '--code', 'D1', '--name', '测试中心', '--kind', '其他事业单位', '--parent', 'D');
    await ok('set', ...unitDb, '--unit', 'D1', '--year', '2020', 'T01', 'EEND', 'c2', '321.50');
    await ok('set', ...unitDb, '--unit', 'D1', '--year', '2020', 'T03', '2010301', 'c2', '88');
    expect(await ok('rollover', ...unitDb, '--unit', 'D1', '--from', '2020')).toContain('（报表格式 yn-2020）');
    await ok('set', ...unitDb, '--unit', 'D1', '--year', '2021', 'T03', '2010301', 'c2', '99');

    // Report file: exported, imported into another database, exported again — the same bytes.
    const file = join(temp.dir, '测试中心2021.json');
    await ok('export-json', ...unitDb, '--unit', 'D1', '--year', '2021', '--out', file);
    await ok('unit', 'add', ...copyDb, '--code', 'D', '--name', '某某县测试局', '--kind', '行政单位');
    await ok('import-json', ...copyDb, file);
    const back = join(temp.dir, '测试中心2021-back.json');
    await ok('export-json', ...copyDb, '--unit', 'D1', '--year', '2021', '--out', back);
    expect(await readFile(back, 'utf8')).toBe(await readFile(file, 'utf8'));
    const shown = JSON.parse(await ok('show', ...copyDb, '--unit', 'D1', '--year', '2021', '--json', '--table', 'T01'));
    expect(shown.tables.T01.IBEG.c1).toBe('321.50');

    // Exchange file: into the department, which has no 2021 report of its own yet.
    const sent = join(temp.dir, '测试中心2021报送.json');
    await ok('export-exchange', ...unitDb, '--unit', 'D1', '--year', '2021', '--out', sent);
    expect(await ok('import-exchange', ...deptDb, '--dept', 'D', sent)).toContain('已导入');
    const dept = JSON.parse(await ok('consolidate', ...deptDb, '--dept', 'D', '--year', '2021', '--json', '--table', 'T03'));
    expect(dept.tables.T03['2010301'].c2).toBe('99.00');
    const returned = join(temp.dir, '测试中心2021报送-back.json');
    await ok('export-exchange', ...deptDb, '--unit', 'D1', '--year', '2021', '--out', returned);
    expect(await readFile(returned, 'utf8')).toBe(await readFile(sent, 'utf8'));

    // A year no installed format is carried into by roll-over is still refused, with the reason.
    const bad = JSON.parse(await readFile(file, 'utf8'));
    bad.year = 2018;
    const badFile = join(temp.dir, '错年度.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(badFile, JSON.stringify(bad)));
    const refused = await run('import-json', ...copyDb, badFile);
    expect(refused.code).toBe(1);
  });
});
