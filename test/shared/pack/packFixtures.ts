/** Packs for tests: the real yn-2020 pack, and small hand-made packs validated in memory. */
import { join } from 'node:path';
import { defaultPacksDir, loadPack } from '../../../electron/services/packs/loadPack';
import type { Pack, TableDef } from '../../../shared/pack/model';
import { validatePack, type PackTableFile } from '../../../shared/load/validatePack';

let real: Promise<Pack> | undefined;

export const REAL_PACK_DIR = join(defaultPacksDir(), 'yn-2020');

/** The yn-2020 pack as the app loads it (loaded once per test file). */
export function realPack(): Promise<Pack> {
  real ??= loadPack(REAL_PACK_DIR);
  return real;
}

/** A tiny functional catalogue: two 类, three 款, five 项. */
export const MINI_FUNC: Record<string, string>[] = [
  { code: '201', name: '一般公共服务支出', level: '类', parent: '', src: 't' },
  { code: '20103', name: '政府办公厅（室）及相关机构事务', level: '款', parent: '201', src: 't' },
  { code: '2010301', name: '行政运行', level: '项', parent: '20103', src: 't' },
  { code: '2010302', name: '一般行政管理事务', level: '项', parent: '20103', src: 't' },
  { code: '20106', name: '财政事务', level: '款', parent: '201', src: 't' },
  { code: '2010601', name: '行政运行', level: '项', parent: '20106', src: 't' },
  { code: '208', name: '社会保障和就业支出', level: '类', parent: '', src: 't' },
  { code: '20805', name: '行政事业单位养老支出', level: '款', parent: '208', src: 't' },
  { code: '2080501', name: '行政单位离退休', level: '项', parent: '20805', src: 't' },
  { code: '2080505', name: '机关事业单位基本养老保险缴费支出', level: '项', parent: '20805', src: 't' },
];

export const MINI_ECON: Record<string, string>[] = [
  { code: '301', name: '工资福利支出', level: '类', parent: '', src: 't' },
  { code: '30101', name: '基本工资', level: '款', parent: '301', src: 't' },
  { code: '30102', name: '津贴补贴', level: '款', parent: '301', src: 't' },
];

export const MINI_MANIFEST = {
  id: 'mini',
  name: '测试报表套',
  year: 2020,
  region: '测试',
  catalogues: {
    func: { title: '支出功能分类科目', file: 'func.csv' },
    econ: { title: '经济分类科目', file: 'econ.csv' },
  },
  tables: ['A.json', 'B.json'],
};

/** A: a 科目 table (c1 = c2 + c3, inputs c2 c3); B: fixed rows reading A and summing. */
export function miniTableDefs(): TableDef[] {
  return [
    {
        id: 'A',
        code: '甲表',
        title: '支出表',
        columns: [
          { id: 'c1', label: '合计', lanci: '1' },
          { id: 'c2', label: '基本支出', groups: ['本年支出'], lanci: '2' },
          { id: 'c3', label: '项目支出', groups: ['本年支出'], lanci: '3' },
        ],
        sides: [
          {
            columns: ['c1', 'c2', 'c3'],
            rowHeader: 'subject',
            rows: [{ type: 'subject', catalogue: 'func', total: 'top', inputs: ['c2', 'c3'] }],
          },
        ],
        formulas: ['A[*].c1 = A[*].c2 + A[*].c3'],
    },
    {
        id: 'B',
        code: '乙表',
        title: '总表',
        columns: [{ id: 'c1', label: '金额' }],
        sides: [
          {
            columns: ['c1'],
            rowHeader: 'item',
            rows: [
              {
                type: 'fixed',
                rows: [
                  { id: '201', label: '一般公共服务支出', level: '类' },
                  { id: '208', label: '社会保障和就业支出', level: '类' },
                  { id: 'ESUM', label: '支出合计', total: true },
                  { id: 'ADJ', label: '调整', inputs: ['c1'] },
                  { id: 'ETOT', label: '总计', total: true },
                ],
              },
            ],
          },
        ],
        formulas: ['B[类].c1 = A[类].c1', 'B.ESUM = SUM(B[类].c1)', 'B.ETOT = B.ESUM + B.ADJ - 0'],
    },
  ];
}

export function miniTables(): PackTableFile[] {
  return miniTableDefs().map((json) => ({ file: `${json.id}.json`, json }));
}

export function miniPack(tables: PackTableFile[] = miniTables()): Pack {
  return validatePack(MINI_MANIFEST, tables, {
    func: { file: 'func.csv', rows: MINI_FUNC },
    econ: { file: 'econ.csv', rows: MINI_ECON },
  });
}
