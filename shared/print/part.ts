/** One printed part of a set (the cover, a table, the 情况说明, the 审核报告) as an HTML fragment. */
import type { NamedPage } from './pageCss';

export interface PartHtml {
  /** `cover`, a table id, `narrative`, `audit`. */
  id: string;
  title: string;
  page: NamedPage;
  /** Style rules for this kind of part; parts of one kind share them. */
  css: { kind: string; rules: string };
  /** A `<section class="part">` starting with the part's only `<h1>` (the PDF outline entry). */
  body: string;
}

export function section(id: string, page: NamedPage, inner: string, attributes = ''): string {
  return `<section class="part" data-part="${id}" data-page="${page.name}"${attributes}>
${inner}
</section>`;
}
