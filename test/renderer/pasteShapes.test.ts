import { describe, expect, it } from 'vitest';
import { ReportEngine } from '../../shared/engine/reportEngine';
import type { EditRequest } from '../../shared/engine/types';
import { parseClipboardText } from '../../renderer/src/edit/clipboardText';
import { decidePaste, shapedSummary, type TotalsOracle } from '../../renderer/src/edit/pasteShapes';
import type { PasteArea } from '../../renderer/src/edit/pastePlan';
import { miniPack } from '../electron/services/fixtures/miniPack';
import { catalogueOf } from '../../shared/pack/model';

const pack = miniPack();
catalogueOf(pack, 'func').entries.push(
  { code: '2080501', name: '行政单位离退休', level: '项', parent: '20805', src: 'test' },
  { code: '2080502', name: '事业单位离退休', level: '项', parent: '20805', src: 'test' },
);
const engine = new ReportEngine(pack, { rows: { T03: ['2010301', '2010350', '2080501', '2080502', '2080505'] }, inputs: {} });
const layout = engine.layout('T03');
const rows = layout.sides[0]!.rows;
const table = layout.table;
const lineOf = (id: string) => rows.findIndex((r) => r.id === id);
const area = (row: string, col: string): PasteArea => ({
  table,
  rows,
  columns: table.columns,
  startRow: lineOf(row),
  startCol: table.columns.findIndex((c) => c.id === col),
  unit: '元',
});
// What the table computes once the paste is in: a scratch engine, as the grid does.
const totals: TotalsOracle = (edits: EditRequest[], cells) => {
  const scratch = new ReportEngine(pack, { rows: engine.addedRows(), inputs: engine.inputs() });
  scratch.setInputs(edits);
  return cells.map((c) => scratch.value('T03', c.row, c.col) ?? null);
};
const placed = (edits: EditRequest[]) => edits.map((e) => `${e.row}.${e.col}=${e.value}`);

describe('paste shapes', () => {
  it('a ledger column of 项 values lands on consecutive 项 rows, stepping over 类/款 rows', () => {
    expect(rows.map((r) => r.id)).toEqual(['TOTAL', '201', '20103', '2010301', '2010350', '208', '20805', '2080501', '2080502', '2080505']);
    const d = decidePaste(area('2010301', 'c2'), parseClipboardText('100\r\n200\r\n300\r\n'), totals);
    expect(d.kind).toBe('one');
    if (d.kind !== 'one') return;
    expect(d.paste.shape).toBe('ledger');
    expect(placed(d.paste.edits)).toEqual(['2010301.c2=10000', '2010350.c2=20000', '2080501.c2=30000']);
    expect(shapedSummary(d.paste)).toBe(
      '已粘贴 3 个单元格（按项依次填入，跳过类、款等自动计算行）：“2010301 行政运行”至“2010350 事业运行”（基本支出）；“2080501 行政单位离退休”（基本支出）',
    );
  });

  it('a same-shape block (its 类/款 values are the totals) lands row for row; the totals are not written', () => {
    const block = '300\t5\r\n300\t5\r\n100\t2\r\n200\t3\r\n60\t0\r\n60\t0\r\n10\t\r\n20\t\r\n30\t\r\n';
    const d = decidePaste(area('201', 'c2'), parseClipboardText(block), totals);
    expect(d.kind).toBe('one');
    if (d.kind !== 'one') return;
    expect(d.paste.shape).toBe('block');
    expect(placed(d.paste.edits)).toEqual([
      '2010301.c2=10000', '2010301.c3=200', '2010350.c2=20000', '2010350.c3=300',
      '2080501.c2=1000', '2080501.c3=null', '2080502.c2=2000', '2080502.c3=null', '2080505.c2=3000', '2080505.c3=null',
    ]);
    expect(d.paste.matchedTotals).toBe(8);
    expect(d.paste.notLanded).toEqual([]);
  });

  it('a block whose 类/款 values are partly totals and partly not is asked, with both plans ready', () => {
    // 208 gets 1 (= its total once 2080501 holds 1), 20805 gets 7 (not its total): a same-shape copy or a ledger?
    const d = decidePaste(area('2010350', 'c2'), parseClipboardText('200\r\n1\r\n7\r\n1\r\n'), totals);
    expect(d.kind).toBe('choose');
    if (d.kind !== 'choose') return;
    expect(placed(d.block.edits)).toEqual(['2010350.c2=20000', '2080501.c2=100']);
    expect(d.block.notLanded.map((n) => n.text)).toEqual(['7']);
    expect(placed(d.ledger.edits)).toEqual(['2010350.c2=20000', '2080501.c2=100', '2080502.c2=700', '2080505.c2=100']);
    expect(d.ledger.notLanded).toEqual([]);
  });

  it('more values than input rows are refused, nothing written', () => {
    const d = decidePaste(area('2080505', 'c2'), parseClipboardText('1\r\n2\r\n'), totals);
    expect(d).toEqual({ kind: 'refused', message: expect.stringContaining('超出表格范围') });
  });

  it('one unreadable value refuses the whole paste, naming cell and position', () => {
    const d = decidePaste(area('2010301', 'c2'), parseClipboardText('1\r\nabc\r\n'), totals);
    expect(d.kind).toBe('refused');
    if (d.kind !== 'refused') return;
    expect(d.message).toContain('2010350 事业运行');
    expect(d.message).toContain('“abc”不是有效的金额');
  });
});
