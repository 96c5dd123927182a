/**
 * 情况说明 figures on the full-size report: the whole document generated and checked (what the screen does
 * after an edit, when it is showing), the list of unfilled «…» every export asks first, and the .docx.
 */
import { narrativeDocx } from '../../electron/services/narrative/exportDocx';
import { ReportEngine } from '../../shared/engine/reportEngine';
import { checkNarrative } from '../../shared/narrative/check';
import { generateNarrative } from '../../shared/narrative/generate';
import { unfilledPlaceholders } from '../../shared/narrative/unfilled';
import type { FullSizeReport } from './fullSizeReport';
import { ms, printFigures, quantile, timed } from './stats';

export async function benchNarrative({ pack, data }: FullSizeReport): Promise<void> {
  const template = pack.narrative;
  if (!template) return;
  const engine = new ReportEngine(pack, data);
  const input = {
    template,
    report: engine,
    unitName: '某某县政务服务管理局',
    year: 2020,
    texts: {},
    lastYear: { value: (t: string, r: string, c: string) => engine.value(t, r, c) ?? 0 },
    options: { unit: '元' as const, zeroItems: 'all' as const },
  };
  let doc = generateNarrative(input);
  const generate: number[] = [];
  for (let i = 0; i < 30; i++) generate.push(await timed(() => (doc = generateNarrative(input))));
  const check: number[] = [];
  for (let i = 0; i < 30; i++) check.push(await timed(() => checkNarrative(doc, {})));
  const unfilled: number[] = [];
  for (let i = 0; i < 30; i++) unfilled.push(await timed(() => unfilledPlaceholders(doc, {})));
  const docx: number[] = [];
  for (let i = 0; i < 5; i++) docx.push(await timed(() => narrativeDocx(doc, {})));
  printFigures(`情况说明（满规模报表：${doc.blocks.length} 个标题和段落）`, [
    { what: '生成全文（中位数）', value: ms(quantile(generate, 0.5)) },
    { what: '全文核对 N-0…N-9（中位数）', value: ms(quantile(check, 0.5)) },
    { what: '列出未填写的«…»（中位数）', value: ms(quantile(unfilled, 0.5)) },
    { what: '写出 Word（.docx，中位数）', value: ms(quantile(docx, 0.5)) },
  ]);
}
