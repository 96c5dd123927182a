import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { validatePack } from '/work/wt/formats/shared/pack/validate';
const dir = process.argv[2]!;
const j = async (f: string) => JSON.parse(await readFile(`${dir}/${f}`, 'utf8'));
const m = await j('pack.json');
const tables = await Promise.all(m.tables.map(async (file: string) => ({ file, json: await j(file) })));
const cats: any = {};
for (const [id, ref] of Object.entries<any>(m.catalogues)) cats[id] = { file: ref.file, rows: parse(await readFile(`${dir}/${ref.file}`, 'utf8'), { columns: true, bom: true }) };
const rules = { file: m.rules, json: await j(m.rules) };
const narrative = { file: m.narrative, json: await j(m.narrative) };
for (let i = 0; i < 2; i++) {
  let t = performance.now(); validatePack({ ...m, rules: undefined, narrative: undefined }, tables, cats); console.log('tables', Math.round(performance.now() - t));
  t = performance.now(); validatePack({ ...m, narrative: undefined }, tables, cats, { rules }); console.log('+rules', Math.round(performance.now() - t));
  t = performance.now(); validatePack(m, tables, cats, { rules, narrative }); console.log('+narr', Math.round(performance.now() - t));
}
