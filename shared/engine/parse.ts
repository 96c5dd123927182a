/**
 * Parser of the formula language (computed cells, audit rules and the 情况说明 alike):
 *
 *   formula    := expr cmp expr
 *   condition  := and ('or' and)*
 *   and        := not ('and' not)*
 *   not        := 'not' not | compare
 *   compare    := expr [cmp expr]
 *   cmp        := '=' | '<>' | '!=' | '<=' | '>=' | '<' | '>'
 *   expr       := term (('+' | '-') term)*
 *   term       := unary (('*' | '/') unary)*
 *   unary      := '-' unary | primary
 *   primary    := NUMBER | '(' condition ')' | NAME '(' [condition (',' condition)*] ')'
 *               | KEYFN '(' KEY ')' | ref
 *   ref        := TABLE '[' selector ']' '.' COL | TABLE '.' ROW ['.' COL]   (ROW may be `$`, the list's row)
 *   selector   := '*' | '类' | '款' | '项'
 *
 * Row ids may be all digits (科目编码), so a word is a number only where a value may start and no
 * '.' or '[' follows it.
 */
import { COMPARE_OPS, KEY_FUNCTIONS, type CompareOp, type Expr, type Formula, type RowSelector } from './ast';

/** A syntax error; `pos` is the 0-based offset of the fault in the source. */
export class FormulaSyntaxError extends Error {
  readonly pos: number;
  /** The fault alone, without the position ("缺少“)”"). */
  readonly fault: string;
  constructor(fault: string, pos: number) {
    super(`第 ${pos + 1} 个字符处${fault}`);
    this.name = 'FormulaSyntaxError';
    this.pos = pos;
    this.fault = fault;
  }
}

type Token =
  | { kind: 'word'; text: string; pos: number }
  | { kind: 'selector'; text: string; pos: number }
  | { kind: 'op'; text: string; pos: number }
  | { kind: 'end'; text: ''; pos: number };

const SELECTORS: ReadonlySet<string> = new Set(['*', '类', '款', '项']);
const SINGLE_OPS = new Set(['+', '-', '*', '/', '(', ')', ',', '.', '=', '<', '>']);

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (/[A-Za-z0-9_$]/.test(ch)) {
      const start = i;
      while (i < source.length && /[A-Za-z0-9_$]/.test(source.charAt(i))) i++;
      tokens.push({ kind: 'word', text: source.slice(start, i), pos: start });
      continue;
    }
    if (ch === '[') {
      const close = source.indexOf(']', i);
      if (close < 0) throw new FormulaSyntaxError('的“[”缺少对应的“]”', i);
      const text = source.slice(i + 1, close).trim();
      if (!SELECTORS.has(text)) {
        throw new FormulaSyntaxError(`的行集合“[${text}]”无效，只能是 [*]、[类]、[款] 或 [项]`, i);
      }
      tokens.push({ kind: 'selector', text, pos: i });
      i = close + 1;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (two === '<>' || two === '<=' || two === '>=' || two === '!=') {
      tokens.push({ kind: 'op', text: two === '!=' ? '<>' : two, pos: i });
      i += 2;
      continue;
    }
    if (SINGLE_OPS.has(ch)) {
      tokens.push({ kind: 'op', text: ch, pos: i });
      i++;
      continue;
    }
    throw new FormulaSyntaxError(`有无法识别的字符“${ch}”`, i);
  }
  tokens.push({ kind: 'end', text: '', pos: source.length });
  return tokens;
}

const IDENT = /^[A-Za-z][A-Za-z0-9_]*$/;

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    const t = this.tokens[Math.min(this.i + offset, this.tokens.length - 1)];
    if (!t) throw new Error('empty token list');
    return t;
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'end') this.i++;
    return t;
  }

  private isOp(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'op' && t.text === text;
  }

  private isWord(text: string): boolean {
    const t = this.peek();
    return t.kind === 'word' && t.text.toLowerCase() === text;
  }

  private expectOp(text: string, what: string): Token {
    const t = this.peek();
    if (t.kind !== 'op' || t.text !== text) throw new FormulaSyntaxError(`缺少${what}`, t.pos);
    return this.next();
  }

  private expectWord(what: string): Token & { kind: 'word' } {
    const t = this.peek();
    if (t.kind !== 'word') throw new FormulaSyntaxError(`缺少${what}`, t.pos);
    this.next();
    return t;
  }

  atEnd(): boolean {
    return this.peek().kind === 'end';
  }

  comparison(source: string): Formula {
    const left = this.expr();
    const t = this.peek();
    if (t.kind !== 'op' || !(COMPARE_OPS as readonly string[]).includes(t.text)) {
      throw new FormulaSyntaxError(t.kind === 'end' ? '缺少“=”或比较运算符' : `应为“=”或比较运算符，而不是“${t.text}”`, t.pos);
    }
    this.next();
    const op = COMPARE_OPS.find((o) => o === t.text) ?? '=';
    const right = this.expr();
    this.expectEnd();
    return { source, op: op satisfies CompareOp, left, right };
  }

  expectEnd(): void {
    const t = this.peek();
    if (t.kind !== 'end') throw new FormulaSyntaxError(`有多余的“${t.text}”`, t.pos);
  }

  /** Conditions: or, and, not, one comparison — 1 or 0. */
  condition(): Expr {
    let left = this.andExpr();
    while (this.isWord('or')) {
      const t = this.next();
      left = { type: 'logic', op: 'or', left, right: this.andExpr(), pos: t.pos };
    }
    return left;
  }

  private andExpr(): Expr {
    let left = this.notExpr();
    while (this.isWord('and')) {
      const t = this.next();
      left = { type: 'logic', op: 'and', left, right: this.notExpr(), pos: t.pos };
    }
    return left;
  }

  /** `not` binds looser than a comparison: `not a > 3` is `not (a > 3)`. */
  private notExpr(): Expr {
    if (this.isWord('not')) {
      const t = this.next();
      return { type: 'not', operand: this.notExpr(), pos: t.pos };
    }
    const left = this.expr();
    const t = this.peek();
    if (t.kind === 'op' && (COMPARE_OPS as readonly string[]).includes(t.text)) {
      this.next();
      const op = COMPARE_OPS.find((o) => o === t.text) ?? '=';
      return { type: 'compare', op, left, right: this.expr(), pos: t.pos };
    }
    return left;
  }

  expr(): Expr {
    let left = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const t = this.next();
      const right = this.term();
      left = { type: 'binary', op: t.text === '+' ? '+' : '-', left, right, pos: t.pos };
    }
    return left;
  }

  private term(): Expr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/')) {
      const t = this.next();
      const right = this.unary();
      left = { type: 'binary', op: t.text === '*' ? '*' : '/', left, right, pos: t.pos };
    }
    return left;
  }

  private unary(): Expr {
    if (this.isOp('-')) {
      const t = this.next();
      return { type: 'neg', operand: this.unary(), pos: t.pos };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.peek();
    if (t.kind === 'op' && t.text === '(') {
      this.next();
      const inner = this.condition();
      this.expectOp(')', '“)”');
      return inner;
    }
    if (t.kind !== 'word') {
      throw new FormulaSyntaxError(t.kind === 'end' ? '公式不完整，缺少数值或引用' : `应为数值或引用，而不是“${t.text}”`, t.pos);
    }
    const after = this.peek(1);
    const followedByRef = (after.kind === 'op' && after.text === '.') || after.kind === 'selector';
    if (/^\d+$/.test(t.text)) {
      // A decimal: digits '.' digits (a reference always starts with a table id, never with a digit).
      const fraction = this.peek(2);
      if (after.kind === 'op' && after.text === '.' && fraction.kind === 'word' && /^\d+$/.test(fraction.text)) {
        this.next();
        this.next();
        this.next();
        const text = `${t.text}.${fraction.text}`;
        return { type: 'num', value: Number(text), text, pos: t.pos };
      }
      if (!followedByRef) {
        this.next();
        const value = Number(t.text);
        if (!Number.isSafeInteger(value)) throw new FormulaSyntaxError(`的整数“${t.text}”过大`, t.pos);
        return { type: 'num', value, text: t.text, pos: t.pos };
      }
    }
    if (after.kind === 'op' && after.text === '(') return this.call();
    return this.ref();
  }

  private call(): Expr {
    const name = this.expectWord('函数名');
    this.expectOp('(', '“(”');
    const args: Expr[] = [];
    if (KEY_FUNCTIONS.has(name.text.toUpperCase())) {
      // A name such as form.staffCount: words and dots up to the closing parenthesis.
      const start = this.peek();
      let key = '';
      while (this.peek().kind === 'word' || this.isOp('.')) key += this.next().text;
      if (key === '') throw new FormulaSyntaxError(`的 ${name.text}( ) 缺少名称`, start.pos);
      args.push({ type: 'key', key, pos: start.pos });
    } else if (!this.isOp(')')) {
      args.push(this.condition());
      while (this.isOp(',')) {
        this.next();
        args.push(this.condition());
      }
    }
    this.expectOp(')', '“)”');
    return { type: 'call', name: name.text.toUpperCase(), args, pos: name.pos };
  }

  private ref(): Expr {
    const table = this.expectWord('表编号');
    if (!IDENT.test(table.text)) throw new FormulaSyntaxError(`的表编号“${table.text}”无效`, table.pos);
    const sel = this.peek();
    if (sel.kind === 'selector') {
      this.next();
      this.expectOp('.', `“${table.text}[${sel.text}]”后的“.列”`);
      const col = this.expectWord('列编号');
      const selector = (['*', '类', '款', '项'] as const).find((s) => s === sel.text) ?? '*';
      return { type: 'set', table: table.text, selector: selector satisfies RowSelector, col: col.text, pos: table.pos };
    }
    this.expectOp('.', `“${table.text}”后的“.行”`);
    const row = this.expectWord('行编号');
    let col: string | null = null;
    if (this.isOp('.')) {
      this.next();
      col = this.expectWord('列编号').text;
    }
    return { type: 'cell', table: table.text, row: row.text, col, pos: table.pos };
  }
}

/** Parses a whole formula (`A = B`, `A <= B` …). Throws FormulaSyntaxError. */
export function parseFormula(source: string): Formula {
  return new Parser(tokenize(source)).comparison(source);
}

/** Parses an expression alone (no comparison), e.g. `T01.ISUM - T01.IBEG`. */
export function parseExpression(source: string): Expr {
  const parser = new Parser(tokenize(source));
  const expr = parser.expr();
  parser.expectEnd();
  return expr;
}

/** Parses a condition or figure of the 情况说明 (or any exact expression): and/or/not and comparisons included. */
export function parseCondition(source: string): Expr {
  const parser = new Parser(tokenize(source));
  const expr = parser.condition();
  parser.expectEnd();
  return expr;
}
