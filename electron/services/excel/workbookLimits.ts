/**
 * How big a workbook the importer reads. A 部门决算 workbook is a few hundred rows on a dozen sheets;
 * these limits are far above that and far below what makes the reader run for minutes or exhaust
 * memory (a 50 MB header string, 20,000 merges, a merge over a whole sheet, row 999,999,999). Each
 * refusal is one Chinese line naming the file and the limit.
 */

export interface WorkbookLimits {
  fileBytes: number;
  zipEntries: number;
  unpackedBytes: number;
  partBytes: number;
  sheets: number;
  cells: number;
  row: number;
  column: number;
  textLength: number;
  merges: number;
  mergeArea: number;
  mergeAreaTotal: number;
  readMs: number;
  heapMb: number;
}

export const WORKBOOK_LIMITS: Readonly<WorkbookLimits> = {
  /** Bytes of the .xlsx file (as the Api's upload limit). */
  fileBytes: 20 * 1024 * 1024,
  /** Parts inside the zip package. */
  zipEntries: 2_000,
  /** Bytes of all parts once unpacked. */
  unpackedBytes: 200 * 1024 * 1024,
  /** Bytes of one part once unpacked. */
  partBytes: 100 * 1024 * 1024,
  sheets: 64,
  /** Non-empty cells over the whole workbook. */
  cells: 300_000,
  /** Highest row and column number a cell may have. */
  row: 100_000,
  column: 1_000,
  /** Characters of one cell's text (Excel's own limit). */
  textLength: 32_767,
  /** Merged ranges over the whole workbook, and cells covered by one merge and by all of them. */
  merges: 2_000,
  mergeArea: 100_000,
  mergeAreaTotal: 500_000,
  /** Time to read the workbook and the memory the reader may take. */
  readMs: 8_000,
  heapMb: 512,
};

const n = (value: number): string => value.toLocaleString('en-US');

/** The refusal for a file over one limit: `文件“x.xlsx”…，超过上限 …，不能导入`. */
export function limitMessage(fileLabel: string, what: string, limit: string): string {
  return `文件“${fileLabel}”${what}，超过上限（${limit}），不能导入`;
}

export const limitText = {
  fileBytes: (l: WorkbookLimits) => `${n(l.fileBytes / 1024 / 1024)} MB`,
  unpackedBytes: (l: WorkbookLimits) => `解压后 ${n(l.unpackedBytes / 1024 / 1024)} MB`,
  partBytes: (l: WorkbookLimits) => `单个部件解压后 ${n(l.partBytes / 1024 / 1024)} MB`,
  zipEntries: (l: WorkbookLimits) => `${n(l.zipEntries)} 个部件`,
  sheets: (l: WorkbookLimits) => `${n(l.sheets)} 张工作表`,
  cells: (l: WorkbookLimits) => `${n(l.cells)} 个单元格`,
  row: (l: WorkbookLimits) => `第 ${n(l.row)} 行`,
  column: (l: WorkbookLimits) => `第 ${n(l.column)} 列`,
  textLength: (l: WorkbookLimits) => `每格 ${n(l.textLength)} 个字符`,
  merges: (l: WorkbookLimits) => `${n(l.merges)} 处合并单元格`,
  mergeArea: (l: WorkbookLimits) => `一处合并 ${n(l.mergeArea)} 个单元格`,
  mergeAreaTotal: (l: WorkbookLimits) => `合并共 ${n(l.mergeAreaTotal)} 个单元格`,
  readMs: (l: WorkbookLimits) => `${n(l.readMs / 1000)} 秒`,
  heapMb: (l: WorkbookLimits) => `${n(l.heapMb)} MB 内存`,
};
