/**
 * Spec §7: the published SH-G figures (万元) entered through the engine reconcile wherever the
 * tables carry them as identities. Amounts are parsed at the edge into 分, as the UI does.
 */
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../shared/money/fen';
import { ReportEngine } from '../../../shared/engine/reportEngine';
import type { EditRequest } from '../../../shared/engine/types';
import { realPack } from '../pack/packFixtures';

function wan(text: string): number {
  const parsed = parseAmount(text, '万元');
  if (!parsed.ok || parsed.fen === null) throw new Error(`bad amount ${text}`);
  return parsed.fen;
}

const e = (table: string, row: string, col: string, amount: string): EditRequest => ({ table, row, col, value: wan(amount) });

describe('SH-G 2024 (普陀区财政局) figures reconcile through the engine', () => {
  it('T01, T04, T05 and T06 totals match the published ones', async () => {
    const items = ['2010601', '2080505', '2101101', '2210201'];
    const engine = new ReportEngine(await realPack(), { rows: { T02: items, T03: items, T05: items }, inputs: {} });
    // 基本 2336.91 + 项目 603.14 spread over four 项; 其他收入 6.20.
    const spending: [string, string, string][] = [
      ['2010601', '2000.00', '603.14'],
      ['2080505', '200.00', '0'],
      ['2101101', '100.00', '0'],
      ['2210201', '36.91', '0'],
    ];
    const edits: EditRequest[] = [];
    for (const [code, basic, project] of spending) {
      edits.push(e('T03', code, 'c2', basic), e('T03', code, 'c3', project), e('T05', code, 'c4', basic), e('T05', code, 'c5', project));
      const income = (wan(basic) + wan(project)) / 1_000_000;
      edits.push(e('T02', code, 'c2', income.toFixed(2)), e('T05', code, 'c2', income.toFixed(2)));
    }
    edits.push(
      e('T02', '2010601', 'c7', '6.20'),
      e('T01', 'IBEG', 'c1', '49.14'),
      e('T01', 'EEND', 'c2', '55.34'),
      e('T04', 'I01', 'c1', '2940.05'),
      e('T04', 'IBEG1', 'c1', '21.63'),
      e('T04', 'EEND', 'c3', '21.63'),
      // T06: 工资福利 2082.85 + 对个人和家庭 69.41 = 2152.26; 商品和服务 171.07 + 资本性 13.58 = 184.65
      e('T06', '30101', 'c1', '1000.00'),
      e('T06', '30102', 'c1', '800.00'),
      e('T06', '30108', 'c1', '282.85'),
      e('T06', '30302', 'c1', '69.41'),
      e('T06', '30201', 'c1', '100.00'),
      e('T06', '30211', 'c1', '71.07'),
      e('T06', '31002', 'c1', '13.58'),
      e('T09', 'OPEX', 'c2', '184.65'),
    );
    engine.setInputs(edits);
    const v = (table: string, row: string, col: string) => engine.value(table, row, col);

    expect(v('T02', 'TOTAL', 'c2')).toBe(wan('2940.05'));
    expect(v('T01', 'I01', 'c1')).toBe(wan('2940.05'));
    expect(v('T01', 'ISUM', 'c1')).toBe(wan('2946.25'));
    expect(v('T01', 'ITOT', 'c1')).toBe(wan('2995.39'));
    expect(v('T01', 'ESUM', 'c2')).toBe(wan('2940.05'));
    expect(v('T01', 'ETOT', 'c2')).toBe(wan('2995.39'));
    expect(v('T04', 'ITOT', 'c1')).toBe(wan('2961.68'));
    expect(v('T04', 'ETOT', 'c2')).toBe(wan('2961.68'));
    expect(v('T05', 'TOTAL', 'c3')).toBe(wan('2940.05'));
    expect(v('T05', 'TOTAL', 'c4')).toBe(wan('2336.91'));
    expect(v('T05', 'TOTAL', 'c5')).toBe(wan('603.14'));
    expect(v('T06', '301', 'c1')).toBe(wan('2082.85'));
    expect(v('T06', 'PSUM', 'c1')).toBe(wan('2152.26'));
    expect(v('T06', 'GSUM', 'c1')).toBe(wan('184.65'));
    expect((v('T06', 'PSUM', 'c1') ?? 0) + (v('T06', 'GSUM', 'c1') ?? 0)).toBe(v('T05', 'TOTAL', 'c4'));
    expect(v('T09', 'OPEX', 'c2')).toBe(v('T06', 'GSUM', 'c1'));
    // T01 类 lines follow T03: 201 一般公共服务 carries 2010601.
    expect(v('T01', '201', 'c2')).toBe(wan('2603.14'));
    expect(v('T04', '201', 'c3')).toBe(wan('2603.14'));
  });
});
