/**
 * The cover of a printed set and the signature line under every page. The names and the date are
 * the 封面信息 the clerk filled in (report texts `cover.*`, the same keys the workbook cover uses).
 */
import { escapeHtml } from './html';
import type { NamedPage } from './pageCss';
import { section, type PartHtml } from './part';
import type { Paper } from './settings';

/** Cover text keys with their printed labels, in print order. */
export const PRINT_COVER_FIELDS = [
  { key: 'cover.leader', label: '单位负责人（签章）', signs: true },
  { key: 'cover.financeLead', label: '财务负责人（签章）', signs: true },
  { key: 'cover.preparer', label: '填表人', signs: true },
  { key: 'cover.phone', label: '联系电话', signs: false },
  { key: 'cover.date', label: '报送日期', signs: false },
] as const;

/** The line at the foot of every page: who signs, with the names from the cover. */
export function signatureLine(texts: Readonly<Record<string, string>>): string {
  return PRINT_COVER_FIELDS.filter((f) => f.signs)
    .map((f) => `${f.label}：${(texts[f.key] ?? '').trim() || '　　　　　　'}`)
    .join('　　　');
}

export interface CoverInput {
  unitName: string;
  unitCode: string;
  year: number;
  texts: Readonly<Record<string, string>>;
  paper: Paper;
  /** Red line under the title when the report fails a 强制 rule. */
  warning: string | null;
}

const COVER_CSS = `
.cover { text-align: center; padding-top: 26mm; }
.cover h1 { font-size: 22pt; font-weight: bold; letter-spacing: 1pt; margin: 0 0 10mm; }
.cover .title { font-size: 26pt; font-weight: bold; letter-spacing: 3pt; margin: 0 0 4mm; }
.cover .code { font-size: 11pt; margin: 0 0 6mm; }
.cover .warning { color: #c00000; font-size: 14pt; font-weight: bold; margin: 4mm 0; }
.cover .fields { width: 125mm; margin: 20mm auto 0; text-align: left; font-size: 13pt; }
.cover .field { display: flex; align-items: flex-end; margin: 0 0 7mm; }
.cover .field .label { white-space: nowrap; }
.cover .field .value { flex: 1; border-bottom: 0.6pt solid #000; min-height: 1.3em; padding-left: 2mm; }
.cover .seal { width: 42mm; height: 42mm; border: 0.6pt dashed #777; border-radius: 50%; margin: 12mm auto 0; display: flex; align-items: center; justify-content: center; color: #777; font-size: 11pt; }
`;

export function coverPart(input: CoverInput): PartHtml {
  const page: NamedPage = { name: 'cover', paper: input.paper, landscape: false, noSignature: true };
  const lines = PRINT_COVER_FIELDS.map(
    (f) =>
      `<div class="field"><span class="label">${escapeHtml(f.label)}：</span><span class="value">${escapeHtml((input.texts[f.key] ?? '').trim())}</span></div>`,
  ).join('\n');
  const warning = input.warning ? `<p class="warning">${escapeHtml(input.warning)}</p>` : '';
  const inner = `<div class="cover">
<h1>${escapeHtml(input.unitName)}</h1>
<p class="title">${input.year}年度部门决算</p>
<p class="code">单位编码：${escapeHtml(input.unitCode)}</p>
${warning}
<div class="fields">
${lines}
</div>
<div class="seal">（单位公章）</div>
</div>`;
  return { id: 'cover', title: '封面', page, css: { kind: 'cover', rules: COVER_CSS }, body: section('cover', page, inner) };
}
