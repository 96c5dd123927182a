/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set without I, O, Z, S, V;
 * the 18th is a check character, 31 − (Σ value × 3^i mod 31) mod 31, mapped back to the set.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character the first 17 characters call for; null when one of them is outside the set. */
export function creditCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return CHARSET[check] ?? null;
}

/** Why a 统一社会信用代码 is wrong, in Chinese; null when it is right. Lower case is accepted as upper. */
export function creditCodeProblem(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return `统一社会信用代码应为 18 位（现为 ${code.length} 位）`;
  for (let i = 0; i < 18; i++) {
    const ch = code[i] ?? '';
    if (!CHARSET.includes(ch)) return `统一社会信用代码第 ${i + 1} 位“${ch}”无效（不使用 I、O、Z、S、V）`;
  }
  const expected = creditCheckChar(code.slice(0, 17));
  if (expected !== code[17]) return `统一社会信用代码校验位不符：第 18 位应为“${expected}”，现为“${code[17]}”`;
  return null;
}

/** The code in its stored form (trimmed, upper case). */
export function normalizeCreditCode(raw: string): string {
  return raw.trim().toUpperCase();
}
