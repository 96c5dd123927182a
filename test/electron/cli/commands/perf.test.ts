/**
 * 绩效自评 end to end on a real database file: tables through the Api, the register, 自评表 and report
 * texts through `juesuan set`, scores through `show --perf`, the register through `export-json --perf`,
 * and the Hunan report through `perf-report` (.txt read back, .docx unzipped), with refusals at their place.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../../electron/cli/main';
import { createServices } from '../../../../electron/services/createServices';
import { S002_PROJECTS, S002_TEXTS, S002_UNIT, seedS002Tables } from '../../../shared/perf/s002Fixture';
import { makeTempDir } from '../../services/tempDir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let db: string;
beforeAll(async () => {
  temp = await makeTempDir();
  db = join(temp.dir, 'perf.db');
});
afterAll(async () => {
  await temp.remove();
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const lines: string[] = [];
  const errs: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => {
    errs.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await main(argv, { out: (t) => lines.push(t) });
    return { code, out: lines.join('\n'), err: errs.join('') };
  } finally {
    process.stderr.write = write;
  }
}

const REF = () => ['--db', db, '--unit', S002_UNIT.code, '--year', '2020'];

async function ok(...argv: string[]): Promise<string> {
  const r = await run(...argv);
  if (r.code !== 0) throw new Error(`juesuan ${argv.join(' ')} → ${r.code}\n${r.err}`);
  return r.out;
}

const yuanText = (fen: number): string => (fen / 100).toFixed(2);

describe('juesuan set/show/export-json --perf and perf-report', () => {
  it('fills the register and the 自评表s, scores them, and writes the S002 report', async () => {
    const s = await createServices({ dbPath: db });
    try {
      await s.api.addUnit({ code: S002_UNIT.code, name: S002_UNIT.name, kind: '行政单位', parent: null });
      const ref = { unit: S002_UNIT.code, year: 2020 };
      await seedS002Tables(s.api, ref);
      // Projects 2–6 through the Api; project 1 through the command line below.
      for (const p of S002_PROJECTS.slice(1)) {
        const { id } = await s.api.perfEdit({ ...ref, op: { op: 'addProject', name: p.name } });
        if (id === null) throw new Error('no id');
        const set = (field: string, fen: number) => s.api.perfEdit({ ...ref, op: { op: 'set', target: 'project', id, field, text: yuanText(fen) } });
        await set('initial.0', p.initial[0]);
        await set('annual.0', p.annual[0]);
        await set('executed.0', p.executed[0]);
        await set('returned', p.returned);
        await set('carried', p.carried);
        await s.api.perfEdit({ ...ref, op: { op: 'set', target: 'project', id, field: 'funcCode', text: p.funcCode } });
      }
    } finally {
      await s.close();
    }

    expect(await ok('set', ...REF(), '项目库', '新增', '“12345”市民服务热线工作经费')).toContain('已添加项目 第 6 个');
    // Added last, it is 第 6 个; the report lists the register in its order.
    await ok('set', ...REF(), '项目库', '6', '年初预算数（本年财政拨款）', '235000');
    await ok('set', ...REF(), '项目库', '6', 'annual.0', '235,000.00');
    await ok('set', ...REF(), '项目库', '6', '全年执行数（本年财政拨款）', '182100');
    await ok('set', ...REF(), '项目库', '6', '结余上缴财政', '52900');
    const lastSet = await ok('set', ...REF(), '项目库', '6', '功能科目', '2010302');
    // With every project in, Σ 全年执行数 = 项目支出 of 公开03表, in total and by 科目: no P-1/P-2.
    expect(lastSet).not.toMatch(/P-1|P-2/);

    // Project 6's 自评表: a 定量 indicator, a 定性 one refused outside its band, then scored inside it.
    expect(await ok('set', ...REF(), '指标', '6', '新增', '产出指标', '热线工单签收数')).toContain('已添加指标 第 1 项');
    await ok('set', ...REF(), '指标', '6', '1', '分值', '50');
    await ok('set', ...REF(), '指标', '6', '1', '年度指标值', '60000');
    await ok('set', ...REF(), '指标', '6', '1', '实际完成值', '45000');
    const notNumber = await run('set', ...REF(), '指标', '6', '1', '实际完成值', '较好');
    expect(notNumber.code).toBe(1);
    expect(notNumber.err).toContain('绩效指标“热线工单签收数”：实际完成值：“较好”不是数字（文字描述的指标请将指标性质选为“定性”）');
    await ok('set', ...REF(), '指标', '6', '新增', '效益指标', '群众诉求解决情况');
    await ok('set', ...REF(), '指标', '6', '2', '指标性质', '定性');
    await ok('set', ...REF(), '指标', '6', '2', '分值', '30');
    await ok('set', ...REF(), '指标', '6', '2', '评价档次', '部分达成年度指标');
    const outside = await run('set', ...REF(), '指标', '6', '2', '得分', '28');
    expect(outside.code).toBe(1);
    expect(outside.err).toContain('绩效指标“群众诉求解决情况”：得分：评为“部分达成年度指标”时得分应在15.00至24.00分之间（分值的50%～80%），“28”不在此范围');
    await ok('set', ...REF(), '指标', '6', '2', '得分', '21');
    await ok('set', ...REF(), '指标', '6', '新增', '满意度指标', '回访满意度');
    await ok('set', ...REF(), '指标', '6', '3', '分值', '10');
    await ok('set', ...REF(), '指标', '6', '3', '年度指标值', '≥95%');
    await ok('set', ...REF(), '指标', '6', '3', '实际完成值', '97.5%');

    const shown = await ok('show', ...REF(), '--perf');
    // 资金 10 × 18.21/23.5 = 7.7489…; 产出 50 × 45000/60000 = 37.5; 效益 21; 满意度 10: 76.2489… → 76.25, 中.
    expect(shown).toContain('项目支出绩效自评表 6. “12345”市民服务热线工作经费');
    expect(shown).toContain('执行率 77.49%  分值 10  得分 7.75');
    expect(shown).toContain('得分 37.50（正向指标，得分 = 实际完成值 ÷ 指标值 × 分值50.00）');
    expect(shown).toContain('总分 76.25  等级 中');
    const json = JSON.parse(await ok('show', ...REF(), '--perf', '--json'));
    expect(json.projects).toHaveLength(6);
    expect(json.projects[5].score.total).toBe('76.25');
    expect(json.projects[5].executed).toEqual(['182100.00', '0.00', '0.00']);

    const jsonFile = join(temp.dir, 'perf.json');
    await ok('export-json', ...REF(), '--perf', '--out', jsonFile);
    expect(JSON.parse(await readFile(jsonFile, 'utf8'))).toEqual(json);

    // The report refuses while «…» remain, and names them.
    const txt = join(temp.dir, '自评报告.txt');
    const refused = await run('perf-report', ...REF(), '--out', txt);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('自评报告中还有');
    expect(refused.err).toContain('«部门基本情况»');
    for (const [key, value] of Object.entries(S002_TEXTS)) await ok('set', ...REF(), '报告文字', key, value);
    const badMoney = await run('set', ...REF(), '报告文字', '基本支出年初预算数（元）', '六百万');
    expect(badMoney.code).toBe(1);
    expect(badMoney.err).toContain('基本支出年初预算数（元）');

    const still = await run('perf-report', ...REF(), '--out', txt);
    expect(still.err).toContain('«部门整体自评得分»');
    // The 部门整体 form: one 重点工作任务 and an indicator per 一级.
    await ok('set', ...REF(), '重点任务', '新增', '政务服务');
    await ok('set', ...REF(), '重点任务', '1', '批复金额', '1160200');
    await ok('set', ...REF(), '重点任务', '1', '实际支出金额', '976600');
    for (const [level1, name] of [['产出指标', '发布权责清单'], ['效益指标', '企业开办时间'], ['满意度指标', '热线回访满意度']] as const) {
      await ok('set', ...REF(), '指标', '部门', '新增', level1, name);
    }
    await ok('set', ...REF(), '指标', '部门', '1', '分值', '50');
    await ok('set', ...REF(), '指标', '部门', '2', '分值', '30');
    await ok('set', ...REF(), '指标', '部门', '2', '指标方向', '反向');
    await ok('set', ...REF(), '指标', '部门', '3', '分值', '10');
    for (const n of ['1', '2', '3']) {
      await ok('set', ...REF(), '指标', '部门', n, '年度指标值', n === '2' ? '1' : '4');
      await ok('set', ...REF(), '指标', '部门', n, '实际完成值', n === '2' ? '2' : '4');
    }
    await ok('set', ...REF(), '部门自评表', '部门职责', '行政审批服务');
    const dept = await ok('show', ...REF(), '--perf');
    // 10 × 97.66/116.02 = 8.4175… + 50 + 30 × 1/2 (反向, 2 days against 1) + 10 = 83.4175… → 83.42, 良.
    expect(dept).toContain('得分 15.00（反向指标，得分 = 指标值 ÷ 实际完成值 × 分值30.00）');
    expect(dept).toContain('总分 83.42  等级 良');

    const out = await ok('perf-report', ...REF(), '--out', txt);
    expect(out).toContain('已生成自评报告');
    const text = await readFile(txt, 'utf8');
    for (const figure of ['901.68万元', '929.65万元', '596.04万元', '64.11%', '333.61万元', '840.74万元', '244.71万元', '88.91万元', '77.49%', '84.18%', '100%', '78.85%']) {
      expect(text).toContain(figure);
    }
    expect(text).toContain('部门整体支出绩效自评得分83.42分，自评等级为“良”。');
    expect(text).toContain('6、“12345”市民服务热线工作经费年初预算23.50万元，实际支出18.21万元，执行率为77.49%，剩余5.29万元上缴财政。');

    const docx = join(temp.dir, '自评报告.docx');
    await ok('perf-report', ...REF(), '--out', docx, '--outline', 'yunnan', '--allow-unfilled');
    const zip = await JSZip.loadAsync(await readFile(docx));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const words = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    expect(words).toContain('长沙市雨花区行政审批服务局2020年度部门绩效自评情况');
    expect(words).toContain('6.“12345”市民服务热线工作经费：全年预算数235000.00元，资金到位0.00元，资金到位率0.00%，全年执行数182100.00元，执行率77.49%，自评得分76.25分。');
    expect(words).toContain('1.政务服务及政务大厅运转经费：全年预算数1160200.00元，资金到位0.00元，资金到位率0.00%，全年执行数976600.00元，执行率84.18%，自评表尚未填写绩效指标。');
    expect(words).toContain('部门整体支出绩效自评表、项目支出绩效自评表（6个项目）附后。');

    // Both 自评表 in their published form, read back from the .xlsx.
    const xlsx = join(temp.dir, '绩效自评表.xlsx');
    await ok('perf-report', ...REF(), '--out', xlsx, '--wan');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    expect(book.worksheets.map((w) => w.name)).toEqual(['部门整体支出绩效自评表', ...[1, 2, 3, 4, 5, 6].map((n) => `项目支出绩效自评表${n}`)]);
    const values = (name: string) =>
      (book.getWorksheet(name)?.getSheetValues() ?? []).flatMap((row) => (Array.isArray(row) ? row.filter((v) => v !== null && v !== undefined).map(String) : []));
    const p6 = values('项目支出绩效自评表6');
    expect(p6).toEqual(expect.arrayContaining(['项目支出绩效自评表', '（2020年度）', '“12345”市民服务热线工作经费', '项目资金（万元）', '年度资金总额', '23.5', '18.21', '77.49%', '7.75', '热线工单签收数', '37.5', '21', '76.25', '自评等级：中']));
    const deptSheet = values('部门整体支出绩效自评表');
    expect(deptSheet).toEqual(expect.arrayContaining(['部门整体支出绩效自评表', '政务服务', '116.02', '97.66', '84.18%', '发布权责清单', '83.42', '良']));

    const bad = await run('perf-report', ...REF(), '--out', docx, '--outline', 'shanghai');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('没有“shanghai”格式的自评报告，可选：hunan');
  });
});
