/**
 * Checks a narrative template once, when it is loaded: its shape, every placeholder and expression,
 * and that every field, phrase set, word set, table and column it names exists. A broken template is
 * a PackError naming the file and the block, so a wording fix that breaks a brace is caught at start,
 * not in front of a clerk.
 */
import { PackError } from '../pack/errors';
import type { Pack } from '../pack/model';
import { ExprError, parseExpr, type Expr } from './expr';
import { exprNodes as nodes, formInputs, keyRead } from './exprNodes';
import { PlaceholderError, segments, type Segment } from './placeholders';
import { fieldsByKey, templateSchema, type NarrativeTemplate, type Part } from './template';

function cellRefs(e: Expr): { table: string; row: string; col: string }[] {
  return [...nodes(e)].flatMap((n) => (n.type === 'cell' && n.col !== null ? [{ table: n.table, row: n.row, col: n.col }] : []));
}

function inputKeys(e: Expr): string[] {
  return [...nodes(e)].flatMap((n) => [keyRead(n, 'IN'), keyRead(n, 'FILLED')].filter((k): k is string => k !== null));
}

/**
 * Figures built from several form values that have no «label» of their own: while one value is empty they
 * are shown by the names of all their terms (政府采购货物支出＋…), which is honest but not what a clerk
 * reads in a finished document. A pack's own test asks this to be empty.
 */
export function unlabelledFigures(template: NarrativeTemplate): string[] {
  const out: string[] = [];
  const text = (t: string): void => {
    for (const s of segments(t)) {
      if ((s.t !== 'value' && s.t !== 'ratio') || s.label !== undefined) continue;
      const keys = new Set(s.t === 'value' ? formInputs(s.e) : [...formInputs(s.a), ...formInputs(s.b)]);
      if (keys.size > 1) out.push(s.source);
    }
  };
  const part = (p: Part): void => {
    if (typeof p === 'string') return text(p);
    if (p.text !== undefined) text(p.text);
    for (const sub of p.parts ?? []) part(sub);
  };
  for (const block of template.blocks) {
    if (block.type === 'heading') text(block.text);
    else (block.type === 'paragraph' ? block.parts : block.item).forEach(part);
  }
  return out;
}

export function validateTemplate(json: unknown, file: string, pack?: Pack): NarrativeTemplate {
  const parsed = templateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue ? issue.path.join('.') : '';
    throw new PackError(`情况说明模板“${file}”格式有误${path ? `（${path}）` : ''}：${issue?.message ?? ''}`, { file });
  }
  const template: NarrativeTemplate = parsed.data;
  const fields = fieldsByKey(template);
  let where = '';
  const fail = (message: string): never => {
    throw new PackError(`情况说明模板“${file}”${where}：${message}`, { file });
  };
  for (const set of [template.phraseWords.dir, template.phraseWords.rateDir]) {
    if (!template.signs[set]) fail(`词组“${set}”未在 signs 中定义`);
  }
  const checkExpr = (e: Expr): void => {
    for (const key of inputKeys(e)) {
      if (!fields.has(key) && !key.startsWith('narrative.') && !key.startsWith('cover.')) fail(`引用的“${key}”未在表单中定义`);
    }
    if (!pack) return;
    for (const ref of cellRefs(e)) {
      const table = pack.tables.find((t) => t.id === ref.table);
      if (!table) return fail(`表 ${ref.table} 不存在`);
      if (!table.columns.some((c) => c.id === ref.col)) fail(`表 ${ref.table} 没有列 ${ref.col}`);
    }
  };
  const condition = (c: string | undefined): void => {
    if (c === undefined) return;
    try {
      checkExpr(parseExpr(c));
    } catch (err) {
      if (err instanceof ExprError) fail(err.message);
      throw err;
    }
  };
  const checkSegment = (s: Segment): void => {
    switch (s.t) {
      case 'value':
      case 'sign':
      case 'yoy':
        checkExpr(s.e);
        if (s.t === 'yoy' && !template.phrases[s.set]) fail(`句式“${s.set}”未在 phrases 中定义`);
        if (s.t === 'sign' && !template.signs[s.set]) fail(`词组“${s.set}”未在 signs 中定义`);
        break;
      case 'ratio':
        checkExpr(s.a);
        checkExpr(s.b);
        break;
      default:
        break;
    }
    switch (s.t) {
      case 'field':
      case 'text':
        if (!fields.has(s.key)) fail(`“${s.key}”未在表单中定义`);
        break;
      default:
        break;
    }
  };
  const text = (t: string): void => {
    try {
      for (const s of segments(t)) checkSegment(s);
    } catch (err) {
      if (err instanceof ExprError || err instanceof PlaceholderError) fail(err.message);
      throw err;
    }
  };
  const part = (p: Part): void => {
    if (typeof p === 'string') return text(p);
    for (const c of [p.when, p.zeroFilter, p.itemWhen]) condition(c);
    if (p.text !== undefined) text(p.text);
    for (const sub of p.parts ?? []) part(sub);
    if (p.each && 'lines' in p.each && !fields.has(p.each.lines)) fail(`“${p.each.lines}”未在表单中定义`);
  };
  text(template.title);
  template.blocks.forEach((block, i) => {
    where = `第 ${i + 1} 段${block.type === 'heading' ? '' : `（${block.id}）`}`;
    if (block.type === 'heading') {
      condition(block.when);
      text(block.text);
    } else if (block.type === 'paragraph') {
      condition(block.when);
      block.parts.forEach(part);
    } else {
      for (const c of [block.when, block.itemWhen, block.zeroFilter]) condition(c);
      block.item.forEach(part);
      if ('table' in block.each && pack && !pack.tables.some((t) => 'table' in block.each && t.id === block.each.table)) {
        fail(`表 ${block.each.table} 不存在`);
      }
    }
  });
  const ids = new Set<string>();
  for (const block of template.blocks) {
    if (block.type === 'heading') continue;
    if (ids.has(block.id)) throw new PackError(`情况说明模板“${file}”中段落编号“${block.id}”重复`, { file });
    ids.add(block.id);
  }
  return template;
}
