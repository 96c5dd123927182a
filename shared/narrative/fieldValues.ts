/**
 * Values of the narrative forms are report texts (the store keeps what the clerk typed, as typed);
 * numbers among them are parsed here with shared/money, so 1,234.50 and １２３４.５ mean the same.
 */
import { parseAmount, parseCount } from '../money/fen';
import type { FieldDef } from './template';

export type FieldValue = { ok: true; value: number | null } | { ok: false; message: string };

/** money and decimal (面积) are held in hundredths (分 for money), counts as whole numbers. */
export function parseFieldValue(field: FieldDef, raw: string): FieldValue {
  if (field.kind === 'count') {
    const r = parseCount(raw);
    if (!r.ok) return { ok: false, message: `${field.label}：${r.message}` };
    if (r.fen !== null && r.fen < 0) return { ok: false, message: `${field.label}：不能为负数` };
    return { ok: true, value: r.fen };
  }
  if (field.kind === 'money' || field.kind === 'decimal') {
    const r = parseAmount(raw.replace(/平方米$/, ''));
    if (!r.ok) return { ok: false, message: `${field.label}：${r.message}` };
    return { ok: true, value: r.fen };
  }
  return { ok: true, value: null };
}

/** Why a value typed in a narrative form cannot be kept, in Chinese; null when it can. */
export function checkFieldValue(field: FieldDef, raw: string): string | null {
  const r = parseFieldValue(field, raw);
  return r.ok ? null : r.message;
}
