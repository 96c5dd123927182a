/**
 * Command-line arguments through util.parseArgs, with its English errors turned into Chinese and
 * negative amounts (`-5.00`) accepted as positionals rather than taken for options.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../../shared/api/errors';

/** A usage mistake: exit status 2 rather than 1. */
export class UsageError extends AppError {}

const NEGATIVE = /^[-\u2212][\d.,]/;
const ESCAPE = '\u0000';

function unescape(text: string): string {
  return text.startsWith(ESCAPE) ? text.slice(1) : text;
}

function usageMessage(err: Error & { code?: unknown }): string {
  const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知的选项 ${quoted.split(' ')[0] ?? quoted}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `选项 ${quoted.split(' ')[0] ?? quoted} 需要一个值`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数 ${quoted}`;
    default:
      return `参数有误：${err.message}`;
  }
}

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** Every value of an option declared `multiple: true`. */
  multiples: Record<string, (string | boolean)[] | undefined>;
}

export function parseCommandArgs(args: readonly string[], options: OptionSpec, allowPositionals: boolean): Parsed {
  const escaped = args.map((a) => (NEGATIVE.test(a) ? ESCAPE + a : a));
  let parsed;
  try {
    parsed = parseArgs({ args: escaped, options, allowPositionals, strict: true });
  } catch (err) {
    if (err instanceof Error) throw new UsageError(usageMessage(err));
    throw err;
  }
  const values: Record<string, string | boolean | undefined> = {};
  const multiples: Record<string, (string | boolean)[] | undefined> = {};
  for (const [key, value] of Object.entries(parsed.values)) {
    if (typeof value === 'string') values[key] = unescape(value);
    else if (typeof value === 'boolean') values[key] = value;
    else if (Array.isArray(value)) multiples[key] = value.map((v) => (typeof v === 'string' ? unescape(v) : v));
  }
  return { values, positionals: parsed.positionals.map(unescape), multiples };
}

export function requireString(values: Parsed['values'], name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`缺少选项 --${name}`);
  return value;
}

export function optionalString(values: Parsed['values'], name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function requireYear(values: Parsed['values']): number {
  const text = requireString(values, 'year');
  if (!/^\d{4}$/.test(text.trim())) throw new UsageError(`年度“${text}”无效，应为四位数字，如 2020`);
  return Number(text);
}
