/** Edits the XML parts of a real .xlsx package, to make the hostile files the limits must stop. */
import JSZip from 'jszip';

export async function editParts(bytes: Uint8Array, edits: Record<string, (xml: string) => string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [path, edit] of Object.entries(edits)) {
    const part = zip.file(path);
    if (!part) throw new Error(`no part ${path}`);
    zip.file(path, edit(await part.async('string')));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The part path of a sheet by its name (through workbook.xml and its relationships). */
export async function sheetPart(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const sheet = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook);
  const target = sheet ? new RegExp(`Id="${sheet[1]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${sheet[1]}"`).exec(rels) : null;
  const path = target?.[1] ?? target?.[2];
  if (!path) throw new Error(`no sheet ${name}`);
  return path.startsWith('/') ? path.slice(1) : `xl/${path}`;
}

/** Adds merged ranges to a sheet's XML (after sheetData, where the schema puts them). */
export function withMerges(xml: string, refs: string[]): string {
  const merges = `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`;
  return xml.replace(/<mergeCells[^>]*>[\s\S]*?<\/mergeCells>/, '').replace('</sheetData>', `</sheetData>${merges}`);
}
