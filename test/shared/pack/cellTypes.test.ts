/**
 * Text, decimal and percent cells through the one codec (shared/pack/cellKind), and the pack faults
 * the wider model adds: a text cell in a sum or a rule, a rate formula with an unknown function.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportEngine } from '../../../shared/engine/reportEngine';
import { validatePack, type PackTableFile } from '../../../shared/load/validatePack';
import {
  cellValueProblem,
  codecOf,
  displayCellValue,
  parseCellText,
  plainCellValue,
  resolveCellType,
  sheetCellValue,
  sheetNumFmt,
  type CellType,
} from '../../../shared/pack/cellKind';

const percent: CellType = resolveCellType({ kind: 'percent', decimals: 2 }, undefined);
const score: CellType = resolveCellType({ kind: 'decimal', decimals: 1 }, undefined);
const text: CellType = resolveCellType({ kind: 'text', maxLength: 5 }, undefined);

describe('the cell type: kind with the column’s places and length', () => {
  it('takes decimals from the column, 2 by default, 0 for money', () => {
    expect(resolveCellType({ kind: 'decimal' }, undefined).decimals).toBe(2);
    expect(resolveCellType({ kind: 'decimal', decimals: 4 }, { kind: 'money' }).decimals).toBe(4);
    expect(resolveCellType(undefined, { kind: 'count' })).toMatchObject({ kind: 'count', decimals: 0 });
  });
});

describe('percent: the clerk types 85.5 or 85.5%, it shows 85.50%, Excel holds 0.855', () => {
  it.each(['85.5', '85.5%', '８５．５％', ' 85.50 '])('“%s” is 85.50', (typed) => {
    expect(parseCellText(typed, percent)).toEqual({ ok: true, value: '85.50', fen: null });
  });
  it('shows and exports', () => {
    expect(displayCellValue('85.50', percent)).toBe('85.50%');
    expect(displayCellValue(8550, percent)).toBe('85.50%');
    expect(plainCellValue(8550, percent)).toBe('85.50');
    expect(sheetCellValue('85.50', percent, '万元')).toBe(0.855);
    expect(sheetNumFmt(percent)).toBe('0.00%');
  });
  it('reads Excel’s fraction back exactly, float noise included, and refuses real extra places', () => {
    expect(codecOf(percent).fromSheetNumber(0.855, '元', percent)).toEqual({ ok: true, value: '85.50', fen: null });
    expect(codecOf(percent).fromSheetNumber(0.8550000000000001, '元', percent)).toEqual({ ok: true, value: '85.50', fen: null });
    expect(codecOf(percent).fromSheetNumber(1.2345, '元', percent)).toEqual({ ok: true, value: '123.45', fen: null });
    expect(codecOf(percent).fromSheetNumber(0.85555, '元', percent)).toMatchObject({ ok: false });
    expect(codecOf(percent).fromSheetNumber(-0.07, '元', percent)).toEqual({ ok: true, value: '-7.00', fen: null });
  });
});

describe('decimal', () => {
  it('keeps the column’s places, refuses more, never rounds what was typed', () => {
    expect(parseCellText('92.5', score)).toEqual({ ok: true, value: '92.5', fen: null });
    expect(parseCellText('92', score)).toEqual({ ok: true, value: '92.0', fen: null });
    expect(parseCellText('-0.50', score)).toEqual({ ok: true, value: '-0.5', fen: null });
    expect(parseCellText('1,234.5', score)).toEqual({ ok: true, value: '1234.5', fen: null });
    expect(parseCellText('92.55', score)).toEqual({ ok: false, message: '“92.55”的小数位过多，该栏最多 1 位小数' });
    expect(parseCellText('九十', score)).toMatchObject({ ok: false, message: '“九十”不是有效的数值' });
    expect(parseCellText('85%', score)).toMatchObject({ ok: false });
    expect(displayCellValue('1234.5', score)).toBe('1,234.5');
    expect(sheetNumFmt(score)).toBe('#,##0.0');
  });
  it('the engine and the store accept only the canonical form', () => {
    expect(cellValueProblem('92.5', score)).toBeNull();
    expect(cellValueProblem('92.50', score)).toMatch(/保留 1 位小数/);
    expect(cellValueProblem(925, score)).toMatch(/保留 1 位小数/);
  });
});

describe('text', () => {
  it('is kept as typed (trimmed), limited in length, never a number', () => {
    expect(parseCellText('  张三 ', text)).toEqual({ ok: true, value: '张三', fen: null });
    expect(parseCellText('', text)).toEqual({ ok: true, value: null, fen: null });
    expect(parseCellText('一二三四五六', text)).toEqual({ ok: false, message: '文字过长（该栏最多 5 字）' });
    expect(codecOf(text).fromSheetNumber(2025, '元', text)).toEqual({ ok: true, value: '2025', fen: null });
    expect(codecOf(text).numeric).toBe(false);
    expect(codecOf(text).alignLeft).toBe(true);
    expect(cellValueProblem(5, text)).toBe('应为文字');
  });
});

const FIXTURE = resolve(__dirname, '..', '..', 'fixtures', 'packs', 'kinds-2030');

async function fixtureFiles() {
  const json = async (file: string) => JSON.parse(await readFile(join(FIXTURE, file), 'utf8')) as Record<string, unknown>;
  const manifest = await json('pack.json');
  const tx = await json('tables/TX.json');
  const ts = await json('tables/TS.json');
  const rules = await json('rules.json');
  const catalogues = { econ: { file: 'catalogue/econ.csv', rows: [{ code: '301', name: '工资福利支出', level: '类', parent: '', src: 'test' }, { code: '30101', name: '基本工资', level: '款', parent: '301', src: 'test' }] } };
  return { manifest, tx, ts, rules, catalogues };
}

function load(f: Awaited<ReturnType<typeof fixtureFiles>>) {
  const tables: PackTableFile[] = [
    { file: 'tables/TX.json', json: f.tx },
    { file: 'tables/TS.json', json: f.ts },
  ];
  return validatePack(f.manifest, tables, f.catalogues, { rules: { file: 'rules.json', json: f.rules } });
}

describe('pack faults of the wider model, found on load', () => {
  it('the fixture loads, and its rate formulas compute exactly with one rounding', async () => {
    const pack = load(await fixtureFiles());
    const engine = new ReportEngine(pack, { rows: { TX: ['N1', 'N2'] }, inputs: { 'TX:N1:c3': 300, 'TX:N1:c4': 100, 'TX:N2:c3': 300, 'TX:N2:c4': 200 }, strings: { 'TX:N1:c6': '90.0' } });
    // 1/3 = 33.333…% → 33.33; the total 300/600 = 50.00; N1's weighted score 1/3 × 90 = 30.00.
    expect(engine.cellValue('TX', 'N1', 'c5')).toBe('33.33');
    expect(engine.cellValue('TX', 'N2', 'c5')).toBe('66.67');
    expect(engine.cellValue('TX', 'TOTAL', 'c5')).toBe('50.00');
    expect(engine.cellValue('TX', 'N1', 'c8')).toBe('30.00');
    expect(engine.cellValue('TX', 'TOTAL', 'c6')).toBe('90.0');
  });

  it('a text column in a sum', async () => {
    const f = await fixtureFiles();
    f.ts = { ...f.ts, formulas: ['TS.RS.c1 = TS.R1.c1 + TS.R2.c3'] };
    expect(() => load(f)).toThrow(/“TS.R2.c3”是文字栏，不能参与计算/);
  });

  it('a text column in a rate formula', async () => {
    const f = await fixtureFiles();
    f.tx = { ...f.tx, formulas: ['TX[*].c5 = ROUND(TX[*].c4 / TX[*].c3 * 100, 2)', 'TX[*].c8 = TX[*].c1 * 2'] };
    expect(() => load(f)).toThrow(/是文字栏，不能参与计算/);
  });

  it('a rule reading a text column', async () => {
    const f = await fixtureFiles();
    f.rules = { rules: [{ id: 'TX-9', level: '提示', table: 'TX', title: '负责人', checks: [{ check: 'TX[*].c1 = 0', left: '负责人', right: '零' }] }] };
    expect(() => load(f)).toThrow(/规则 TX-9：.*“项目负责人”栏是文字，审核公式不能读取/);
  });

  it('× or ROUND in an amount formula, and an unknown function in a rate formula', async () => {
    const f = await fixtureFiles();
    f.ts = { ...f.ts, formulas: ['TS.RS.c1 = ROUND(TS.R1.c1 * 2, 0)'] };
    expect(() => load(f)).toThrow(/未知的函数“ROUND”（×、÷、MIN、MAX、IF、ROUND 只能用于小数或百分比栏的计算公式）/);
    const g = await fixtureFiles();
    g.tx = { ...g.tx, formulas: ['TX[*].c5 = PREV(TX[*].c4)', 'TX[*].c8 = 0'] };
    expect(() => load(g)).toThrow(/未知的函数“PREV”/);
  });
});
