/**
 * `juesuan adjust` on a real database, the CLI's `main` in-process: sets a 调整表 line's amount and note
 * through the Api (journalled: `history --dept` lists it, `history undo --dept` takes it back), gives it
 * back to the program with --auto, and refuses a bad amount, an unknown line and a wrong option mix with
 * a Chinese line naming the line and a non-zero exit, leaving the 调整表 as it was.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../inProcess';
import { makeTempDir } from '../../services/tempDir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let db: string;
let key: string;

async function ok(...argv: string[]): Promise<string> {
  const r = await runMain(...argv);
  if (r.code !== 0) throw new Error(`juesuan ${argv.join(' ')} → ${r.code}\n${r.stderr}`);
  return r.stdout;
}

const dept = () => ['--db', db, '--dept', 'D', '--year', '2020'];
/** The 调整表 line as `consolidate` prints it. */
const lineText = async () => (await ok('consolidate', ...dept(), '--table', 'T01')).split('\n').find((l) => l.includes(`[${key}]`)) ?? '';

beforeAll(async () => {
  temp = await makeTempDir('juesuan-adjust-');
  db = join(temp.dir, '决算.sqlite');
  await ok('unit', 'add', '--db', db, '--code', 'D', '--name', '某某县测试局', '--kind', '行政单位');
  await ok('unit', 'add', '--db', db, '--code', 'D1', '--name', '测试中心', '--kind', '其他事业单位', '--parent', 'D');
  // D1 上缴 100.00; D books 附属单位上缴收入 90.00: the sides differ, so nothing is eliminated until the clerk says.
  await ok('set', '--db', db, '--unit', 'D1', '--year', '2020', 'T03', '2010301', 'c4', '100');
  await ok('set', '--db', db, '--unit', 'D', '--year', '2020', 'T02', '2010301', 'c6', '90');
  const text = await ok('consolidate', ...dept());
  key = /\[([^\]]+)\]/.exec(text.split('\n').find((l) => l.includes('⚠ 不一致')) ?? '')?.[1] ?? '';
  expect(key).not.toBe('');
});

afterAll(async () => {
  await temp.remove();
});

describe('juesuan adjust', () => {
  it('sets an amount with a note, journalled in the department’s history and undoable', async () => {
    expect(await lineText()).toContain('抵销 0.00');
    const out = await ok('adjust', ...dept(), '--line', key, '--amount', '1,234.50', '--note', '差额为在途资金');
    expect(out).toMatch(new RegExp(`^调整表项 ${key}（上缴上级支出.*某某县测试局，2010301.*）：抵销 1,234.50 元（手工填写），原为 0.00 元；说明：差额为在途资金`));
    const batch = /修改记录第 (\d+) 批/.exec(out)?.[1];
    expect(batch).toBeDefined();
    expect(await lineText()).toContain('抵销 1,234.50（手工）');
    const history = await ok('history', ...dept(), '--line', key);
    expect(history).toContain(`第 ${batch} 批`);
    expect(history).toContain('录入\t抵销数\t（空） → 1234.50');
    expect(history).toContain('录入\t说明\t（空） → 差额为在途资金');
    expect(await ok('history', ...dept())).toMatch(new RegExp(`第 ${batch} 批\\t.*\\t录入\\t2 处\\t调整表`));

    // Without --note the note stays; the same amount again changes nothing.
    expect(await ok('adjust', ...dept(), '--line', key, '--amount', '1234.5')).toContain('与原来相同，没有修改');
    const again = await ok('adjust', ...dept(), '--line', key, '--amount', '（100）');
    expect(again).toContain('抵销 -100.00 元（手工填写），原为 1,234.50 元（手工填写）；说明：差额为在途资金');

    // --auto gives the line back to the program (0 here, the sides differ); undone from the CLI.
    const auto = await ok('adjust', ...dept(), '--line', key, '--auto');
    expect(auto).toContain('抵销 0.00 元（程序生成）');
    const autoBatch = /修改记录第 (\d+) 批/.exec(auto)?.[1] ?? '';
    await ok('history', 'undo', ...dept(), autoBatch);
    expect(await lineText()).toContain('抵销 -100.00（手工）');
  });

  it('refuses a bad amount, an unknown line and a wrong mix of options in Chinese, changing nothing', async () => {
    const before = await lineText();
    const bad = await runMain('adjust', ...dept(), '--line', key, '--amount', '12,34');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(new RegExp(`^调整表项 ${key}（.*）的抵销数：“12,34”不是有效的金额`));
    const tooFine = await runMain('adjust', ...dept(), '--line', key, '--amount', '1.234');
    expect(tooFine.code).toBe(1);
    expect(tooFine.stderr).toContain('小数位过多');
    const unknown = await runMain('adjust', ...dept(), '--line', 'NOPE:D:2010301', '--amount', '5');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('部门 某某县测试局（D）2020 年度的调整表中没有“NOPE:D:2010301”这一项');
    const both = await runMain('adjust', ...dept(), '--line', key, '--amount', '5', '--auto');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--amount 与 --auto 必须给一个且只能给一个');
    const neither = await runMain('adjust', ...dept(), '--line', key);
    expect(neither.code).toBe(2);
    for (const run of [bad, tooFine, unknown, both, neither]) {
      expect(run.stderr).toMatch(/^[\u4e00-\u9fff-]/);
      expect(run.stderr).not.toMatch(/Error|内部错误/);
    }
    expect(await lineText()).toBe(before);
  });
});
