/**
 * The Hunan-outline 部门整体支出绩效自评报告 generated for a unit whose tables and register reproduce the
 * published S002 report: every figure the published text gives must be found in the generated text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../../electron/services/packs/loadPack';
import { loadPerfPack } from '../../../electron/services/perf/loadPerfPack';
import { ReportEngine } from '../../../shared/engine/reportEngine';
import { narrativeText } from '../../../shared/narrative/edits';
import { unfilledPlaceholders } from '../../../shared/narrative/unfilled';
import type { PerfPackData } from '../../../shared/perf/packData';
import { generatePerfReport } from '../../../shared/perf/report';
import { perfChecks, scoreAll } from '../../../shared/perf/view';
import type { Pack } from '../../../shared/pack/model';
import { packDir } from '../narrative/narrativeFixture';
import { S002_DATA, S002_INPUTS, S002_ROWS, S002_TEXTS, S002_UNIT } from './s002Fixture';

let pack: Pack;
let perf: PerfPackData;

beforeAll(async () => {
  pack = await loadPack(packDir);
  const loaded = await loadPerfPack(packDir, pack);
  if (!loaded) throw new Error('yn-2020 has no perf data');
  perf = loaded;
});

function hunan(texts = S002_TEXTS, data = S002_DATA) {
  const def = perf.reports.find((r) => r.id === 'hunan');
  if (!def) throw new Error('no hunan outline');
  const engine = new ReportEngine(pack, { rows: S002_ROWS, inputs: S002_INPUTS });
  const scores = scoreAll(perf, data);
  const report = generatePerfReport({ def, report: engine, data, scores, unitName: S002_UNIT.name, year: 2020, texts });
  return { ...report, text: narrativeText(report.doc, report.edits), engine, scores };
}

describe('Hunan outline, S002 figures', () => {
  it('finds every published figure in the generated text', () => {
    const { text } = hunan();
    const figures = ['901.68万元', '929.65万元', '596.04万元', '64.11%', '333.61万元', '840.74万元', '244.71万元', '88.91万元', '77.49%', '84.18%', '100%', '78.85%'];
    const missing = figures.filter((f) => !text.includes(f));
    if (process.env.SHOW_PERF) console.log(text);
    expect(missing).toEqual([]);
    // The published sentences, figure by figure in their places.
    expect(text).toContain('2020年度年初预算为901.68万元，实际预算收入929.65万元。其中基本支出拨款收入596.04万元，占64.11%；项目支出拨款收入333.61万元，占35.89%。');
    expect(text).toContain('支出决算数为840.74万元，其中基本支出决算数596.04万元，占70.89%；项目支出决算数244.71万元，占29.11%。年末结余88.91万元。');
    expect(text).toContain('1、“12345”市民服务热线工作经费年初预算23.50万元，实际支出18.21万元，执行率为77.49%，剩余5.29万元上缴财政。');
    expect(text).toContain('2、政务服务及政务大厅运转经费年初预算116.02万元，实际支出97.66万元，执行率为84.18%，剩余18.36万元上缴财政。');
    expect(text).toContain('3、全区政府信息公开工作经费年初预算7.00万元，实际支出7.00万元，执行率为100%。');
    expect(text).toContain('4、区级政务服务工作人员绩效考核奖金年初预算148.48万元，实际支出117.08万元，执行率为78.85%，剩余31.40万元上缴财政。');
    expect(text).toContain('5、全区行政效能及“放管服”工作经费年初预算5.00万元，实际支出4.76万元，执行率为95.20%，剩余0.24万元上缴财政。');
    expect(text).toContain('6、24小时政务服务自助大厅建设经费年初未安排预算，全年预算88.91万元，实际支出0万元，结转下年88.91万元。');
    expect(text).toContain('其中人员经费549.67万元，日常公用经费46.37万元。');
    expect(text).toContain('公务接待费预算数0.50万元，决算数0万元');
    expect(text).toContain('项目预算执行率（实际支出/年初预算）为81.57%。');
    expect(text).toContain('基本工资：69.84万元');
    expect(text).toContain('合计：596.04万元');
  });

  it('writes the 部门整体 score and grade of the 自评表, and the projects’ average', () => {
    const { text, scores } = hunan();
    // 部门: 预算执行率 (97.66 + 18.21) / (116.02 + 23.5) = 83.049…% × 10 = 8.3049… ; indicators 50 + 30 + 10 = 90.
    expect(scores.dept.total).toBe('98.30');
    expect(scores.dept.fund.rate).toBe('83.05');
    expect(text).toContain('部门整体支出绩效自评得分98.30分，自评等级为“优”。');
    // Only project 1 has indicators: 资金 10 × 18.21/23.5 = 7.7489… + 30 + 20 + 28 (定性) + 10 = 95.7489… → 95.75.
    expect(scores.projects.get(1)?.total).toBe('95.75');
    expect(scores.projects.get(2)?.total).toBeNull();
    expect(text).toContain('项目支出绩效自评1个项目，平均得分95.75分。');
  });

  it('leaves only the clerk’s texts as «…», and names them', () => {
    const { doc, edits } = hunan({ 'perf.basicInitial': '6016800' });
    const labels = unfilledPlaceholders(doc, edits).map((u) => u.label);
    expect(labels).toEqual(['部门基本情况', '部门整体支出绩效情况', '存在的问题及原因分析', '下一步改进措施', '绩效自评结果拟应用和公开情况']);
    const none = hunan({});
    expect(none.text).toContain('年初预算为«基本支出年初预算数»');
  });

  it('checks a hand-rewritten paragraph against the tables (the 情况说明’s N-checks)', () => {
    const generated = hunan().doc.blocks.find((b) => b.id === 'project.P1');
    expect(generated).toBeDefined();
    const rewritten = { ...S002_TEXTS, 'perf.edit.project.P1': '1、“12345”市民服务热线工作经费年初预算23.50万元，实际支出19.21万元，执行率为77.49%，剩余5.29万元上缴财政。' };
    const { checks, text } = hunan(rewritten);
    expect(text).toContain('实际支出19.21万元');
    const flagged = checks.filter((c) => c.paragraphId === 'project.P1');
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.map((c) => c.message).join('')).toContain('18.21万元');
    expect(hunan().checks.filter((c) => c.paragraphId === 'project.P1')).toEqual([]);
  });

  it('checks Σ 全年执行数 of the register against 项目支出 of the tables, in total and by 科目', () => {
    const { engine, scores } = hunan();
    expect(perfChecks(perf, S002_DATA, engine, scores).filter((c) => c.id === 'P-1' || c.id === 'P-2')).toEqual([]);
    const moved = { ...S002_DATA, projects: S002_DATA.projects.map((p) => (p.id === 3 ? { ...p, funcCode: '2010302' } : p)) };
    const byCode = perfChecks(perf, moved, engine, scoreAll(perf, moved)).map((c) => c.message);
    expect(byCode).toEqual(expect.arrayContaining([
      '功能科目 2010302：项目库中全年执行数合计 1,276,300.00元，公开03表（支出决算表）该科目项目支出 1,206,300.00元，相差 70,000.00元',
      '功能科目 2010399：项目库中全年执行数合计 1,170,798.00元，公开03表（支出决算表）该科目项目支出 1,240,798.00元，相差 70,000.00元',
    ]));
    const less = { ...S002_DATA, projects: S002_DATA.projects.filter((p) => p.id !== 1) };
    const total = perfChecks(perf, less, engine, scoreAll(perf, less)).find((c) => c.id === 'P-1');
    expect(total?.message).toBe('项目库中各项目全年执行数合计 2,264,998.00元，公开03表（支出决算表）的项目支出合计 2,447,098.00元，相差 182,100.00元');
  });
});
