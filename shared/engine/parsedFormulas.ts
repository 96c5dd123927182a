/** A pack's formulas parsed once per pack object (a validated pack always parses). */
import { PackError } from '../pack/errors';
import type { Pack } from '../pack/model';
import type { Formula } from './ast';
import type { ParsedFormulas } from './cellGraph';
import { FormulaSyntaxError, parseFormula } from './parse';

const cache = new WeakMap<Pack, ParsedFormulas>();

export function parsedFormulas(pack: Pack): ParsedFormulas {
  let parsed = cache.get(pack);
  if (!parsed) {
    const map = new Map<string, Formula[]>();
    for (const table of pack.tables) {
      map.set(
        table.id,
        table.formulas.map((source, i) => {
          try {
            return parseFormula(source);
          } catch (err) {
            if (err instanceof FormulaSyntaxError) {
              throw new PackError(`表 ${table.id} 第 ${i + 1} 条公式“${source}”无法解析：${err.message}`, { table: table.id });
            }
            throw err;
          }
        }),
      );
    }
    parsed = map;
    cache.set(pack, parsed);
  }
  return parsed;
}
