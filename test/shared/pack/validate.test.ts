import { describe, expect, it } from 'vitest';
import { PackError, validatePack, type PackTableFile } from '../../../shared/load/validatePack';
import { catalogueOf, type RowSource, type SideDef, type TableDef } from '../../../shared/pack/model';
import { MINI_ECON, MINI_FUNC, MINI_MANIFEST, miniPack, miniTableDefs, miniTables } from './packFixtures';

/** The mini tables with one table changed by `edit` (which may also return a differently shaped JSON). */
function withTable(file: string, edit: (def: TableDef) => unknown): PackTableFile[] {
  return miniTableDefs().map((def) => {
    const name = `${def.id}.json`;
    if (name !== file) return { file: name, json: def };
    const replaced = edit(def);
    return { file: name, json: replaced ?? def };
  });
}

function firstSide(def: TableDef): SideDef {
  const side = def.sides[0];
  if (!side) throw new Error('no side');
  return side;
}

function firstSource(def: TableDef): RowSource {
  const source = firstSide(def).rows[0];
  if (!source) throw new Error('no rows');
  return source;
}

function refusal(run: () => unknown): PackError {
  try {
    run();
  } catch (err) {
    if (err instanceof PackError) return err;
    throw err;
  }
  throw new Error('the pack was accepted');
}

type Row = Record<string, string>;

const funcRows = (rows = MINI_FUNC) => ({ func: { file: 'func.csv', rows }, econ: { file: 'econ.csv', rows: MINI_ECON } });

describe('validatePack', () => {
  it('accepts a sound pack and returns the Pack the engine reads', () => {
    const pack = miniPack();
    expect(pack.id).toBe('mini');
    expect(pack.tables.map((t) => t.id)).toEqual(['A', 'B']);
    expect(catalogueOf(pack, 'func').entries).toHaveLength(MINI_FUNC.length);
    expect(catalogueOf(pack, 'func').entries[0]).toEqual({ code: '201', name: '一般公共服务支出', level: '类', parent: '', src: 't' });
  });

  it('refuses a manifest or table of the wrong shape, naming the file and the field', () => {
    const bad = refusal(() => validatePack({ ...MINI_MANIFEST, year: '2020' }, miniTables(), funcRows()));
    expect(bad.message).toMatch(/^报表套描述文件“pack.json”格式错误：year：/);
    const typo = refusal(() => validatePack(MINI_MANIFEST, withTable('B.json', (j) => ({ ...j, titel: 'x' })), funcRows()));
    expect(typo.message).toContain('表文件“B.json”格式错误');
    expect(typo.where?.file).toBe('B.json');
    const missing = refusal(() => validatePack(MINI_MANIFEST, miniTables().slice(0, 1), funcRows()));
    expect(missing.message).toBe('pack.json 列出的表文件“B.json”没有读到');
  });

  it('refuses duplicate table, column and row ids', () => {
    const twice = refusal(() => validatePack(MINI_MANIFEST, withTable('B.json', (j) => { j.id = 'A'; }), funcRows()));
    expect(twice.message).toBe('表文件“B.json”：表编号 A 与表文件“A.json”重复');
    const col = refusal(() =>
      validatePack(MINI_MANIFEST, withTable('B.json', (j) => { j.columns = [{ id: 'c1', label: '甲' }, { id: 'c1', label: '乙' }]; }), funcRows()),
    );
    expect(col.message).toBe('表文件“B.json”：列编号“c1”重复');
    const row = refusal(() =>
      validatePack(
        MINI_MANIFEST,
        withTable('B.json', (j) => {
          const source = firstSource(j);
          if (source.type === 'fixed') source.rows.push({ id: 'ADJ', label: '又一行' });
        }),
        funcRows(),
      ),
    );
    expect(row.message).toBe('表文件“B.json”：行编号“ADJ”重复');
  });

  it('refuses a column a side or an input list does not have', () => {
    const side = refusal(() =>
      validatePack(MINI_MANIFEST, withTable('A.json', (j) => { firstSide(j).columns = ['c1', 'c2', 'c9']; }), funcRows()),
    );
    expect(side.message).toBe('表文件“A.json”：第 1 部分列出的列“c9”不在表的列（columns）中');
    const input = refusal(() =>
      validatePack(
        MINI_MANIFEST,
        withTable('A.json', (j) => {
          const source = firstSource(j);
          if (source.type === 'subject') source.inputs = ['c2', 'c7'];
        }),
        funcRows(),
      ),
    );
    expect(input.message).toBe('表文件“A.json”：第 1 部分的输入列“c7”不在该部分的列中');
  });

  it.each([
    ['A[*].c1 = A[*].c2 +', '无法解析：第 20 个字符处公式不完整'],
    ['A[*].c1 = A[*].c2 + * A[*].c3', '无法解析：第 21 个字符处应为数值或引用，而不是“*”'],
    ['A[*].c1 = A[*].c2 # A[*].c3', '无法解析：第 19 个字符处有无法识别的字符“#”'],
    ['A[*].c1 = A[*].c2 + X[*].c3', '引用了不存在的表“X”'],
    ['A[*].c1 = A[*].c2 + A[*].c9', '引用了表 A 中不存在的列“c9”'],
    ['A[*].c1 = A[*].c2 + A.2010399.c3', '引用了表 A 中不存在的行“2010399”'],
    ['A[*].c1 = A[*].c2 + A.TOTAL', '所指的行有 3 个栏，须写明列'],
    ['A[*].c1 = MAX(A[*].c2, A[*].c3)', '未知的函数“MAX”'],
    ['A.TOTAL.c1 + 1 = A[*].c2', '计算公式须写成'],
    ['A[*].c1 <= A[*].c2', '计算公式须写成'],
  ])('refuses the formula %s', (formula, fault) => {
    const err = refusal(() => validatePack(MINI_MANIFEST, withTable('A.json', (j) => { j.formulas = [formula]; }), funcRows()));
    expect(err.message).toContain(`表文件“A.json”第 1 条公式“${formula}”`);
    expect(err.message).toContain(fault);
    expect(err.where).toMatchObject({ file: 'A.json', table: 'A' });
  });

  it('refuses × in a computed cell: computed cells stay linear, × and ÷ are for exact rates and scores', () => {
    const err = refusal(() => validatePack(MINI_MANIFEST, withTable('A.json', (j) => { j.formulas = ['A[*].c1 = A[*].c2 * 2']; }), funcRows()));
    expect(err.message).toContain('公式“A[*].c1 = A[*].c2 * 2”');
    expect(err.message).toContain('只用于精确计算');
  });

  it('refuses a formula for another table, an input cell, or an unbound row set', () => {
    const other = refusal(() => validatePack(MINI_MANIFEST, withTable('B.json', (j) => { j.formulas = ['A.TOTAL.c1 = 1']; }), funcRows()));
    expect(other.message).toContain('只能计算本表（B）的单元格');
    const input = refusal(() =>
      validatePack(MINI_MANIFEST, withTable('B.json', (j) => { j.formulas = [...j.formulas, 'B.ADJ = 1']; }), funcRows()),
    );
    expect(input.message).toContain('目标“B.ADJ”是输入单元格');
    const unbound = refusal(() =>
      validatePack(MINI_MANIFEST, withTable('B.json', (j) => { j.formulas = ['B[类].c1 = A[类].c1', 'B.ESUM = B[类].c1', 'B.ETOT = B.ESUM']; }), funcRows()),
    );
    expect(unbound.message).toContain('行集合“B[类].c1”只能写在 SUM( ) 中');
  });

  it('refuses a cycle among formulas, naming the cells on it', () => {
    const err = refusal(() =>
      validatePack(
        MINI_MANIFEST,
        withTable('B.json', (j) => { j.formulas = ['B[类].c1 = A[类].c1 + B.ETOT', 'B.ESUM = SUM(B[类].c1)', 'B.ETOT = B.ESUM + B.ADJ']; }),
        funcRows(),
      ),
    );
    expect(err.message).toMatch(/^表文件“B.json”：公式循环引用：/);
    expect(err.message).toContain('B:ETOT:c1');
    expect(err.message).toContain('B:ESUM:c1');
    expect(err.where?.file).toBe('B.json');
  });

  it('refuses a computed cell with two formulas, or with none', () => {
    const two = refusal(() =>
      validatePack(MINI_MANIFEST, withTable('B.json', (j) => { j.formulas = [...j.formulas, 'B.ESUM = B.201 + B.208']; }), funcRows()),
    );
    expect(two.message).toBe('表文件“B.json”：总表 第“支出合计”行“金额”有两条计算公式：“B.ESUM = SUM(B[类].c1)”和“B.ESUM = B.201 + B.208”');
    const none = refusal(() =>
      validatePack(MINI_MANIFEST, withTable('B.json', (j) => { j.formulas = ['B[类].c1 = A[类].c1', 'B.ESUM = SUM(B[类].c1)']; }), funcRows()),
    );
    expect(none.message).toBe('表文件“B.json”：总表 第“总计”行“金额”是计算单元格，但没有计算公式');
    const item = refusal(() => validatePack(MINI_MANIFEST, withTable('A.json', (j) => { j.formulas = []; }), funcRows()));
    expect(item.message).toContain('支出表 第“2010301 行政运行”行“合计”是计算单元格，但没有计算公式');
  });

  it.each([
    [(rows: Row[]) => rows.filter((r) => r.code !== '20103'), '第 3 行（编码 2010301）：上级科目“20103”在本科目表中不存在'],
    [(rows: Row[]) => rows.map((r) => (r.code === '20106' ? { ...r, code: '2010' } : r)), '第 6 行（编码 2010）：款级科目编码应为 5 位，实际 4 位'],
    [(rows: Row[]) => [...rows, { ...rows[2] }], '第 12 行（编码 2010301）：科目编码重复（第 4 行已有）'],
    [(rows: Row[]) => rows.map((r) => (r.code === '2010601' ? { ...r, parent: '201' } : r)), '上级科目“201”是类级，应为款级'],
    [(rows: Row[]) => rows.map((r) => (r.code === '2080501' ? { ...r, parent: '20103' } : r)), '编码不以上级科目编码“20103”开头'],
    [(rows: Row[]) => rows.map((r) => (r.code === '208' ? { ...r, level: '大类' } : r)), '第 8 行（编码 208）：字段 level'],
  ])('refuses a broken catalogue (%#)', (edit, fault) => {
    const rows = edit(MINI_FUNC.map((r) => ({ ...r })));
    const err = refusal(() => validatePack(MINI_MANIFEST, miniTables(), funcRows(rows)));
    expect(err.message).toContain('科目表文件“func.csv”');
    expect(err.message).toContain(fault);
  });
});
