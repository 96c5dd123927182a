/**
 * The narrative from a real SQLite file: `juesuan narrative` writes .txt and .docx; the .docx is unzipped
 * and its document.xml read back; last year's figures come from year Y−1 in the same database.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { narrativeCommand } from '../../../../electron/cli/commands/narrative';
import { createServices } from '../../../../electron/services/createServices';
import { packNarrativeTemplate } from '../../../../electron/services/narrative/loadTemplate';
import { reportNarrative } from '../../../../electron/services/narrative/reportNarrative';
import { unfilledPlaceholders } from '../../../../shared/narrative/unfilled';
import { makeTempDir } from '../tempDir';

const packsDir = fileURLToPath(new URL('../../../../resources/packs', import.meta.url));
let temp: { dir: string; remove(): Promise<void> };
let db: string;

function unzipEntry(file: string, entry: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('unzip', ['-p', file, entry], { maxBuffer: 32 * 1024 * 1024 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });
}

async function run(...args: string[]): Promise<string[]> {
  const lines: string[] = [];
  await narrativeCommand(['--db', db, '--packs', packsDir, '--unit', 'U01', '--year', '2020', ...args], { out: (t) => lines.push(t) });
  return lines;
}

beforeAll(async () => {
  temp = await makeTempDir('juesuan-narrative-');
  db = join(temp.dir, 'j.db');
  const s = await createServices({ dbPath: db, packsDir, settingsFile: join(temp.dir, 'settings.json') });
  try {
    await s.api.addUnit({ code: 'U01', name: '某某县政务服务管理局', kind: '行政单位' });
    const ref = { unit: 'U01', year: 2020 };
    await s.api.openReport(ref);
    await s.api.addRows({ ...ref, table: 'T02', rows: ['2010301'] });
    await s.api.addRows({ ...ref, table: 'T03', rows: ['2010301'] });
    await s.api.addRows({ ...ref, table: 'T05', rows: ['2010301'] });
    await s.api.setCells({
      ...ref,
      edits: [
        { table: 'T02', row: '2010301', col: 'c2', value: 644_271_385 },
        { table: 'T04', row: 'I01', col: 'c1', value: 644_271_385 },
        { table: 'T03', row: '2010301', col: 'c2', value: 644_271_385 },
        { table: 'T05', row: '2010301', col: 'c4', value: 644_271_385 },
        { table: 'T09', row: 'OPEX', col: 'c2', value: 50_000_000 },
      ],
    });
    // Year Y−1 of the same unit: no 2019 pack is installed, so the report is created on the 2020 pack.
    const prev = await s.store.getOrCreateReport('U01', 2019, 'yn-2020');
    await s.store.writeCells(prev.id, [{ table: 'T09', row: 'OPEX', col: 'c2', value: 52_000_000 }]);
  } finally {
    await s.close();
  }
});

afterAll(async () => {
  await temp.remove();
});

describe('juesuan narrative', () => {
  it('writes UTF-8 text with the figures and takes 上年数 from year Y−1 in the database', async () => {
    const out = join(temp.dir, 'n.txt');
    const lines = await run('--out', out, '--allow-unfilled');
    expect(lines[0]).toBe(`已生成 某某县政务服务管理局 2020 年度情况说明：${out}（上年数取自 2019 年度报表）`);
    expect(lines.some((l) => l.startsWith('提示 N-0 '))).toBe(true);
    const bytes = await readFile(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('某某县政务服务管理局2020年度收入合计6442713.85元。');
    expect(text).toContain('2020年机关运行经费支出500000.00元，与上年对比减少20000.00元，下降3.85%');
    expect(text).toContain('\r\n');
  });

  it('writes a .docx whose document.xml holds the headings and paragraphs, in 万元 when asked', async () => {
    const out = join(temp.dir, 'n.docx');
    await run('--out', out, '--wan', '--nonzero', '--allow-unfilled');
    const xml = await unzipEntry(out, 'word/document.xml');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('某某县政务服务管理局2020年度部门决算');
    expect(text).toContain('第三部分 2020年度部门决算情况说明');
    expect(text).toContain('收入合计644.27万元');
    expect(text).toContain('1.一般公共服务(类)支出644.27万元，占一般公共预算财政拨款总支出的100.00%');
    expect(text).not.toContain('(类)支出0.00万元');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
  });

  it('refuses to export while «…» are unfilled and lists them; --allow-unfilled exports the draft and lists them too', async () => {
    const out = join(temp.dir, 'refused.txt');
    const refusal = run('--out', out);
    await expect(refusal).rejects.toThrow(/^情况说明中还有 \d+ 处未填写：«主要职能»（（一）主要职能）；«重点工作任务»（（二）重点工作任务）；/);
    await expect(refusal).rejects.toThrow('请先填写，或加 --allow-unfilled 导出草稿');
    await expect(readFile(out)).rejects.toThrow();
    const lines = await run('--out', out, '--allow-unfilled');
    expect(lines).toContain('未填写 «主要职能»（（一）主要职能）');
    expect(lines).toContain('未填写 «政府采购支出总额»（三、政府采购支出情况）');
  });

  it('exports once every «…» is filled, in the report’s remembered style, and keeps an edited standard paragraph', async () => {
    const s = await createServices({ dbPath: db, packsDir, settingsFile: join(temp.dir, 'settings.json') });
    const ref = { unit: 'U01', year: 2020 };
    try {
      const session = await s.sessions.open(ref);
      const { doc, edits } = await reportNarrative(s.sessions, packNarrativeTemplate(session.pack), ref);
      const texts: Record<string, string> = {};
      for (const u of unfilledPlaceholders(doc, edits)) if (u.key) texts[u.key] = u.key.startsWith('narrative.') ? '已说明' : '0';
      texts['narrative.option.percent'] = '100%';
      texts['narrative.option.grouping'] = 'grouped';
      texts['narrative.edit.term1'] = '一、财政拨款收入：指本级财政当年拨付的资金（本报表修改）。';
      await s.api.setTexts({ ...ref, texts });
    } finally {
      await s.close();
    }
    const out = join(temp.dir, 'filled.txt');
    const lines = await run('--out', out);
    expect(lines.some((l) => l.startsWith('未填写'))).toBe(false);
    const text = (await readFile(out)).toString('utf8');
    expect(text).toContain('收入合计6,442,713.85元。其中：财政拨款收入6,442,713.85元，占总收入的100%');
    expect(text).toContain('一、财政拨款收入：指本级财政当年拨付的资金（本报表修改）。');
    expect(text).not.toContain('«');
    const docx = join(temp.dir, 'filled.docx');
    await run('--out', docx, '--percent', '100.00%', '--thousands', 'no', '--zero-amount', '0元');
    const xml = await unzipEntry(docx, 'word/document.xml');
    const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(words).toContain('财政拨款收入6442713.85元，占总收入的100.00%；上级补助收入0元，占总收入的0.00%');
    expect(words).toContain('（本报表修改）');
    await expect(run('--out', docx, '--percent', '50%')).rejects.toThrow('--percent 应为 100% 或 100.00%');
  });

  it('refuses an output that is neither .txt nor .docx, and a database that does not exist', async () => {
    await expect(run('--out', join(temp.dir, 'n.pdf'))).rejects.toThrow('输出文件须以 .txt 或 .docx 结尾');
    await expect(
      narrativeCommand(['--db', join(temp.dir, 'none.db'), '--unit', 'U01', '--year', '2020', '--out', join(temp.dir, 'x.txt')], { out: () => undefined }),
    ).rejects.toThrow('不存在');
  });
});
