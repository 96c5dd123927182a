/**
 * A pack whose 三公 table has counts in a column (团组数, 人次) beside amounts, as some provinces print
 * it: the case where the column's kind, not the row's, decides that "3" means three groups.
 */
import { DEFAULT_CODE_LENGTHS, DEFAULT_COVER_FIELDS, DEFAULT_IMPORT_WORDS, type Pack } from '../../../shared/pack/model';

export function countColumnPack(): Pack {
  return {
    id: 'count-col-2020',
    name: '测试报表格式（三公团组数列）',
    year: 2020,
    years: { from: 2020, to: 2020 },
    region: '测试',
    cover: DEFAULT_COVER_FIELDS,
    importWords: DEFAULT_IMPORT_WORDS,
    catalogues: {
      func: { id: 'func', title: '支出功能分类科目', codeLength: DEFAULT_CODE_LENGTHS, entries: [] },
      econ: { id: 'econ', title: '支出经济分类科目', codeLength: DEFAULT_CODE_LENGTHS, entries: [] },
    },
    tables: [
      {
        id: 'T09',
        code: '公开09表',
        title: '“三公”经费支出决算表',
        columns: [
          { id: 'c1', label: '金额' },
          { id: 'c2', label: '团组数（个）', kind: 'count' },
          { id: 'c3', label: '人次（人）', kind: 'count' },
        ],
        sides: [
          {
            columns: ['c1', 'c2', 'c3'],
            rowHeader: 'item',
            rows: [
              {
                type: 'fixed',
                rows: [
                  { id: 'TOT', label: '合计', total: true },
                  { id: 'ABR', label: '因公出国（境）费', inputs: ['c1', 'c2', 'c3'] },
                  { id: 'REC', label: '公务接待费', inputs: ['c1', 'c2', 'c3'] },
                ],
              },
            ],
          },
        ],
        formulas: ['T09.TOT.c1 = T09.ABR.c1 + T09.REC.c1', 'T09.TOT.c2 = T09.ABR.c2 + T09.REC.c2', 'T09.TOT.c3 = T09.ABR.c3 + T09.REC.c3'],
      },
    ],
  };
}
