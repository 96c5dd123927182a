/**
 * A whole printed set as ONE HTML document: the parts in order, each on its own named page, with
 * the default page's margin boxes. Rendered once by Chromium, so `第 n 页 共 m 页` counts the pages of
 * the set as handed in (a missing page shows), and the PDF outline (one `<h1>` per part) tells where
 * each part starts.
 */
import { defaultPageCss, namedPageCss, printDocument, type PageFurniture } from './pageCss';
import type { PartHtml } from './part';

export function printSetHtml(title: string, parts: readonly PartHtml[], furniture: PageFurniture): string {
  const css = [defaultPageCss(furniture)];
  const kinds = new Set<string>();
  const pages = new Set<string>();
  for (const part of parts) {
    if (!kinds.has(part.css.kind)) {
      kinds.add(part.css.kind);
      css.push(part.css.rules);
    }
    if (!pages.has(part.page.name)) {
      pages.add(part.page.name);
      css.push(namedPageCss(part.page, furniture));
    }
  }
  return printDocument(title, css.join('\n'), parts.map((p) => p.body).join('\n'));
}
