/**
 * `juesuan print` and `juesuan verify` on a real SQLite file: the CLI's main in-process (a child process
 * where the environment or standard error matters), real PDFs read back with pdftotext.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { createServices } from '../../../electron/services/createServices';
import { defaultPacksDir, loadPack } from '../../../electron/services/packs/loadPack';
import { makeFullSizeReport } from '../../../scripts/bench/fullSizeReport';
import { pagesText, squeeze } from '../services/print/pdfText';
import { makeTempDir } from '../services/tempDir';
import { repo } from './runCli';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let db: string;
let item: string;
const report = (): string[] => ['--db', db, '--unit', '001', '--year', '2020'];

async function run(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(argv, { out: (text) => lines.push(text) });
  return { code, out: lines.join('\n') };
}

function child(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(repo, 'bin', 'juesuan.mjs'), ...args], { cwd: repo, env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  temp = await makeTempDir('juesuan-print-cli-');
  db = join(temp.dir, 'report.db');
  const pack = await loadPack(join(defaultPacksDir(), 'yn-2020'));
  const { data } = makeFullSizeReport(pack, 5, 10);
  item = data.rows.T03?.[0] ?? '';
  const services = await createServices({ dbPath: db, settingsFile: join(temp.dir, 'settings.json') });
  await services.api.addUnit({ code: '001', name: '隆阳区政务服务管理局', kind: '行政单位' });
  await services.store.replaceReportData('001', 2020, pack.id, { ...data, texts: { 'cover.leader': '张立新', 'cover.financeLead': '李文华', 'cover.preparer': '王晓燕' } });
  await services.close();
});
afterAll(async () => {
  await temp.remove();
});

describe('juesuan print and verify', () => {
  it('prints the chosen tables in 万元, and verify follows the fingerprint through an edit', async () => {
    const out = join(temp.dir, '两张表.pdf');
    const printed = await run('print', ...report(), '--out', out, '--tables', 'T01,T03', '--wan');
    expect(printed.code).toBe(0);
    expect(printed.out).toContain('公开01表 1 页');
    const fingerprint = /数据指纹 ([0-9A-F]{8})/.exec(printed.out)?.[1] ?? '';
    expect(fingerprint).toMatch(/^[0-9A-F]{8}$/);
    const pages = pagesText(out).map(squeeze);
    expect(pages.length).toBe(2);
    expect(pages[0]).toContain('收入支出决算总表');
    expect(pages[1]).toContain('支出决算表');
    for (const page of pages) {
      expect(page).toContain('金额单位：万元');
      expect(page).toContain(`数据指纹${fingerprint}`);
      expect(page).toContain('单位负责人（签章）：张立新');
    }

    const same = await run('verify', ...report(), '--fingerprint', fingerprint.toLowerCase());
    expect(same.code).toBe(0);
    expect(same.out).toContain('一致');

    // One input of 公开03表 changes: the fingerprint changes, and verify names the table.
    expect((await run('set', ...report(), 'T03', item, 'c2', '12345.67')).code).toBe(0);
    const changed = await run('verify', ...report(), '--fingerprint', fingerprint);
    expect(changed.code).toBe(1);
    expect(changed.out).toContain('不一致');
    expect(changed.out).toContain('公开03表 支出决算表');
    expect(changed.out).not.toContain('公开01表');
    const now = /今天的数据指纹为 ([0-9A-F]{8})/.exec(changed.out)?.[1];
    expect(now).toBeDefined();
    expect(now).not.toBe(fingerprint);

    // A fingerprint never printed from this database: it cannot say which tables changed.
    const unknown = await run('verify', ...report(), '--fingerprint', now === '00000000' ? '00000001' : '00000000');
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('没有以指纹');
  });

  it('refuses a report failing a 强制 rule unless --draft, which marks every page', async () => {
    // The edit above left 公开03表 out of balance with 公开02表/公开05表.
    const out = join(temp.dir, '核对稿.pdf');
    const refused = await child({}, 'print', ...report(), '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('--draft');
    const draft = await run('print', ...report(), '--out', out, '--draft');
    expect(draft.code).toBe(0);
    const pages = pagesText(out).map(squeeze);
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) expect(page).toContain('未通过审核，仅供核对');
  });

  it('says in one line when there is no Chromium to print with', async () => {
    const result = await child({ JUESUAN_CHROMIUM: join(temp.dir, '没有这个浏览器') }, 'print', ...report(), '--out', join(temp.dir, 'x.pdf'), '--draft');
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('没有找到可用于生成 PDF 的 Chromium');
  });

  it('refuses a fingerprint that cannot be one, naming what it should look like', async () => {
    const result = await child({}, 'verify', ...report(), '--fingerprint', 'XYZ');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('8 位');
  });
});

describe('printing a department and a report not yet stored', () => {
  it('prints the consolidated report (--dept) and verifies it, creating no report', async () => {
    const deptDb = join(temp.dir, 'dept.db');
    const pack = await loadPack(join(defaultPacksDir(), 'yn-2020'));
    const services = await createServices({ dbPath: deptDb, settingsFile: join(temp.dir, 'dept-settings.json') });
    await services.api.addUnit({ code: '100', name: '隆阳区教育体育局', kind: '行政单位' });
    await services.api.addUnit({ code: '101', name: '隆阳区第一中学', kind: '其他事业单位', parent: '100' });
    await services.api.addUnit({ code: '102', name: '隆阳区第二中学', kind: '其他事业单位', parent: '100' });
    await services.store.replaceReportData('101', 2020, pack.id, makeFullSizeReport(pack, 5, 10).data);
    await services.store.replaceReportData('102', 2020, pack.id, makeFullSizeReport(pack, 5, 10).data);
    await services.close();
    const dept = ['--db', deptDb, '--dept', '100', '--year', '2020'];

    const out = join(temp.dir, '部门汇总.pdf');
    const printed = await run('print', ...dept, '--out', out, '--tables', 'cover,T01', '--draft');
    expect(printed.code).toBe(0);
    const fingerprint = /数据指纹 ([0-9A-F]{8})/.exec(printed.out)?.[1] ?? '';
    const pages = pagesText(out).map(squeeze);
    expect(pages.length).toBe(2);
    expect(pages[0]).toContain('隆阳区教育体育局');
    expect(pages[1]).toContain('收入支出决算总表');
    for (const page of pages) expect(page).toContain(`数据指纹${fingerprint}`);
    expect((await run('verify', ...dept, '--fingerprint', fingerprint)).code).toBe(0);

    // The department's own report (本级) was never entered: printing it is refused, and nothing is created.
    const own = await run('print', '--db', deptDb, '--unit', '100', '--year', '2020', '--out', join(temp.dir, '本级.pdf'));
    expect(own.code).toBe(1);
    const after = await createServices({ dbPath: deptDb, settingsFile: join(temp.dir, 'dept-settings.json') });
    try {
      expect(await after.store.findReport('100', 2020)).toBeUndefined();
      expect(await after.store.findReport('100', 2019)).toBeUndefined();
      // Print settings of a report not stored are kept without creating it.
      await after.api.setPrintSettings({ unit: '100', year: 2019, settings: { ...(await after.api.getPrintSettings({ unit: '100', year: 2019 })).settings, paper: 'A3' } });
      expect((await after.api.getPrintSettings({ unit: '100', year: 2019 })).settings.paper).toBe('A3');
      expect(await after.store.findReport('100', 2019)).toBeUndefined();
    } finally {
      await after.close();
    }
  });
});
