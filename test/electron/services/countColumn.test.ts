/**
 * A count column (团组数 in a 三公 table that has counts in columns) is a count at every edge: typed
 * and pasted in the grid, written to the store, exported to a real workbook, shown by the CLI.
 * "3" is three groups — never 3.00 元, never 300 分.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../shared/api/contract';
import { ReportEngine } from '../../../shared/engine/reportEngine';
import { exportWorkbook } from '../../../electron/services/excel/exportWorkbook';
import { reportValues } from '../../../electron/services/reportValues';
import { renderTable } from '../../../electron/cli/textTable';
import { formatCell, parseCell } from '../../../renderer/src/edit/cellText';
import { planPaste } from '../../../renderer/src/edit/pastePlan';
import { parseClipboardText } from '../../../renderer/src/edit/clipboardText';
import { resolveCellKind } from '../../../shared/pack/cellKind';
import { countColumnPack } from '../../shared/pack/countColumnPack';

const unit: Unit = { code: '001', name: '测试局', kind: '行政单位', parent: null };
const pack = countColumnPack();
const table = pack.tables[0]!;

describe('a count column', () => {
  const engine = new ReportEngine(pack, { rows: {}, inputs: {} });
  const abr = engine.row('T09', 'ABR')!;
  const groups = table.columns.find((c) => c.id === 'c2')!;

  it('typed "3" is the count 3 in 元 and in 万元, and shows as 3', () => {
    const kind = resolveCellKind(groups, abr);
    expect(parseCell('3', kind, '元')).toEqual({ ok: true, value: 3, fen: 3 });
    expect(parseCell('3', kind, '万元')).toEqual({ ok: true, value: 3, fen: 3 });
    expect(formatCell(3, kind, '万元')).toBe('3');
    expect(parseCell('2.5', kind, '元')).toMatchObject({ ok: false, message: expect.stringContaining('不是整数') });
  });

  it('pasted beside an amount, each value is read by its own column', () => {
    const plan = planPaste(
      { table, rows: [engine.row('T09', 'TOT')!, abr], columns: table.columns, startRow: 1, startCol: 0, unit: '元' },
      parseClipboardText('1,200.50\t3\t12\r\n'),
    );
    expect(plan).toMatchObject({ ok: true });
    if (!plan.ok) return;
    expect(plan.edits.map((e) => [e.col, e.value])).toEqual([
      ['c1', 120050],
      ['c2', 3],
      ['c3', 12],
    ]);
  });

  it('exported as whole numbers with a whole-number format; amounts stay 元 with 分', async () => {
    const filled = new ReportEngine(pack, { rows: {}, inputs: { 'T09:ABR:c1': 120050, 'T09:ABR:c2': 3, 'T09:REC:c2': 2, 'T09:ABR:c3': 12 } });
    const bytes = await exportWorkbook({ pack, engine: filled, unit, year: 2020, texts: {}, options: { unit: '万元', blankZeros: false } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(bytes).buffer);
    const sheet = book.getWorksheet('公开09表')!;
    const found = new Map<string, { value: unknown; numFmt: string }>();
    sheet.eachRow((row) => {
      const label = String(row.getCell(1).value ?? '').trim();
      if (label === '因公出国（境）费' || label === '合计') {
        const cells = [2, 3, 4, 5].map((i) => row.getCell(i)).filter((c) => typeof c.value === 'number');
        cells.forEach((c, i) => found.set(`${label}:${i}`, { value: c.value, numFmt: c.numFmt }));
      }
    });
    expect(found.get('因公出国（境）费:0')).toEqual({ value: 0.12, numFmt: '#,##0.00' });
    expect(found.get('因公出国（境）费:1')).toEqual({ value: 3, numFmt: '0' });
    expect(found.get('因公出国（境）费:2')).toEqual({ value: 12, numFmt: '0' });
    expect(found.get('合计:1')).toEqual({ value: 5, numFmt: '0' });
  });

  it('shown by the CLI and show --json as counts', () => {
    const filled = new ReportEngine(pack, { rows: {}, inputs: { 'T09:ABR:c1': 120050, 'T09:ABR:c2': 3 } });
    const json = reportValues(filled, pack).get('T09')!;
    expect(json.get('ABR')?.get('c2')).toBe('3');
    expect(json.get('ABR')?.get('c1')).toBe('1200.50');
    const text = renderTable(filled, pack, 'T09');
    const line = text.split('\n').find((l) => l.includes('因公出国'))!;
    expect(line).toMatch(/1,200\.50\s+3\s+0(\s|$)/);
  });
});
