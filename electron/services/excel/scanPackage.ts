/**
 * Checks an .xlsx package against the workbook limits BEFORE exceljs builds its object model: the
 * zip directory (parts, unpacked sizes), the sheet names exceljs would reject in English, and a
 * plain text scan of every sheet and of the shared strings (cells, row and column numbers, text
 * length, merged ranges and their area). exceljs's streaming reader drops merges, so it cannot do
 * this job; a linear scan of the XML can, in a fraction of the time the full load takes.
 */
import JSZip from 'jszip';
import { cellAddressParts } from './cellRef';
import { limitMessage, limitText, type WorkbookLimits } from './workbookLimits';

type Fail = (what: string, limit: string) => never;

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-fA-F]+);/g, (_m, h: string) => String.fromCodePoint(Number.parseInt(h, 16) % 0x110000))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number.parseInt(d, 10) % 0x110000))
    .replace(/&amp;/g, '&');
}

/** Why Excel (and exceljs) would not accept this sheet name; null when it is fine. */
export function sheetNameProblem(name: string, earlier: readonly string[]): string | null {
  if (name.trim() === '') return '工作表名称为空';
  if ([...name].length > 31) return `工作表名称“${name.slice(0, 40)}${name.length > 40 ? '…' : ''}”超过 31 个字符（Excel 的上限）`;
  if (/[*?:/\\[\]]/.test(name)) return `工作表名称“${name}”含有 Excel 不允许的字符（* ? : \\ / [ ]）`;
  if (/(^')|('$)/.test(name)) return `工作表名称“${name}”以单引号开头或结尾（Excel 不允许）`;
  if (name === 'History') return '工作表名称“History”是 Excel 保留的名称';
  if (earlier.some((e) => e.toLowerCase() === name.toLowerCase())) return `有两张工作表同名“${name}”`;
  return null;
}

function unpackedSize(file: JSZip.JSZipObject): number {
  // JSZip keeps the size the zip directory declares; the real size is bounded again by the worker's memory cap.
  const data = (file as unknown as { _data?: { uncompressedSize?: number } })._data;
  return typeof data?.uncompressedSize === 'number' ? data.uncompressedSize : 0;
}

interface Counts {
  cells: number;
  merges: number;
  mergeArea: number;
}

/** Longest text between tags named `tag` (t, f, v, is), in characters once entities are decoded. */
function checkTexts(xml: string, limits: WorkbookLimits, fail: Fail, where: string): void {
  const re = /<(?:\w+:)?(t|f|v)(?:\s[^>]*)?>([^<]*)</g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const raw = m[2] ?? '';
    if (raw.length > limits.textLength && decodeXml(raw).length > limits.textLength) {
      fail(`${where}有一格文字长 ${decodeXml(raw).length.toLocaleString('en-US')} 个字符`, limitText.textLength(limits));
    }
  }
}

function scanSheet(xml: string, sheet: string, limits: WorkbookLimits, counts: Counts, fail: Fail): void {
  const where = `工作表“${sheet}”`;
  const cellRe = /<(?:\w+:)?c(?=[\s>/])([^>]*)>?/g;
  let m: RegExpExecArray | null;
  while ((m = cellRe.exec(xml)) !== null) {
    counts.cells += 1;
    if (counts.cells > limits.cells) fail(`单元格超过 ${limits.cells.toLocaleString('en-US')} 个`, limitText.cells(limits));
    const ref = /\br="([^"]*)"/.exec(m[1] ?? '');
    if (ref) {
      const parts = cellAddressParts(ref[1] ?? '');
      if (parts && parts.row > limits.row) fail(`${where}的单元格 ${ref[1]} 在第 ${parts.row.toLocaleString('en-US')} 行`, limitText.row(limits));
      if (parts && parts.col > limits.column) fail(`${where}的单元格 ${ref[1]} 在第 ${parts.col.toLocaleString('en-US')} 列`, limitText.column(limits));
    }
  }
  const rowRe = /<(?:\w+:)?row(?=[\s>/])[^>]*?\br="(\d+)"/g;
  while ((m = rowRe.exec(xml)) !== null) {
    const row = Number(m[1]);
    if (row > limits.row) fail(`${where}有第 ${row.toLocaleString('en-US')} 行`, limitText.row(limits));
  }
  const mergeRe = /<(?:\w+:)?mergeCell(?=[\s>/])[^>]*?\bref="([^"]*)"/g;
  while ((m = mergeRe.exec(xml)) !== null) {
    counts.merges += 1;
    if (counts.merges > limits.merges) fail(`合并单元格超过 ${limits.merges.toLocaleString('en-US')} 处`, limitText.merges(limits));
    const [a = '', b = a] = (m[1] ?? '').split(':');
    const from = cellAddressParts(a);
    const to = cellAddressParts(b);
    if (!from || !to) fail(`${where}有无效的合并区域“${(m[1] ?? '').slice(0, 40)}”`, '合并区域须为 A1:B2 的形式');
    const area = (Math.abs(to.row - from.row) + 1) * (Math.abs(to.col - from.col) + 1);
    if (area > limits.mergeArea) fail(`${where}的合并区域 ${m[1]} 含 ${area.toLocaleString('en-US')} 个单元格`, limitText.mergeArea(limits));
    counts.mergeArea += area;
    if (counts.mergeArea > limits.mergeAreaTotal) fail(`合并单元格共含 ${counts.mergeArea.toLocaleString('en-US')} 个单元格`, limitText.mergeAreaTotal(limits));
  }
  checkTexts(xml, limits, fail, where);
}

/** Throws (through `refuse`) the first limit the package breaks; returns when it is within all of them. */
export async function scanPackage(bytes: Uint8Array, fileLabel: string, limits: WorkbookLimits, refuse: (message: string) => never): Promise<void> {
  const fail: Fail = (what, limit) => refuse(limitMessage(fileLabel, what, limit));
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    refuse(`文件“${fileLabel}”已损坏或不是有效的 .xlsx 工作簿（无法解压），不能导入`);
  }
  const files = Object.values(zip.files).filter((f) => !f.dir);
  if (files.length > limits.zipEntries) fail(`含 ${files.length.toLocaleString('en-US')} 个部件`, limitText.zipEntries(limits));
  let total = 0;
  for (const file of files) {
    const size = unpackedSize(file);
    if (size > limits.partBytes) fail(`中的部件 ${file.name} 解压后有 ${(size / 1024 / 1024).toFixed(0)} MB`, limitText.partBytes(limits));
    total += size;
  }
  if (total > limits.unpackedBytes) fail(`解压后有 ${(total / 1024 / 1024).toFixed(0)} MB`, limitText.unpackedBytes(limits));

  const workbookXml = await zip.file('xl/workbook.xml')?.async('string');
  if (workbookXml === undefined) refuse(`文件“${fileLabel}”不是 Excel 工作簿（缺少 xl/workbook.xml），不能导入`);
  const names: string[] = [];
  /** Part path → sheet name, through the workbook's relationships, for messages. */
  const partNames = new Map<string, string>();
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map<string, string>();
  for (const rel of rels.matchAll(/<(?:\w+:)?Relationship(?=[\s>/])([^>]*)>/g)) {
    const id = /\bId="([^"]*)"/.exec(rel[1] ?? '')?.[1];
    const target = /\bTarget="([^"]*)"/.exec(rel[1] ?? '')?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const sheetRe = /<(?:\w+:)?sheet(?=[\s>/])([^>]*)>/g;
  let m: RegExpExecArray | null;
  while ((m = sheetRe.exec(workbookXml)) !== null) {
    const attrs = m[1] ?? '';
    const name = decodeXml(/\bname="([^"]*)"/.exec(attrs)?.[1] ?? '');
    const rid = /\br:id="([^"]*)"/.exec(attrs)?.[1] ?? /\bid="([^"]*)"/.exec(attrs)?.[1];
    const target = rid ? targets.get(rid) : undefined;
    if (target) partNames.set(target.toLowerCase(), name);
    const problem = sheetNameProblem(name, names);
    if (problem) refuse(`文件“${fileLabel}”中${problem}，不能导入。请在 Excel 中把这张工作表改名后另存，再导入`);
    names.push(name);
    if (names.length > limits.sheets) fail(`有超过 ${limits.sheets} 张工作表`, limitText.sheets(limits));
  }

  const counts: Counts = { cells: 0, merges: 0, mergeArea: 0 };
  const sheetParts = files.filter((f) => /^xl\/worksheets\/[^/]+\.xml$/i.test(f.name));
  for (const part of sheetParts) {
    const xml = await part.async('string');
    scanSheet(xml, partNames.get(part.name.toLowerCase()) ?? part.name, limits, counts, fail);
  }
  const strings = files.find((f) => /^xl\/sharedStrings\.xml$/i.test(f.name));
  if (strings) checkTexts(await strings.async('string'), limits, fail, '共享文字表中');
}
