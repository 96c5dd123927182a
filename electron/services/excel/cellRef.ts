/** An A1-style cell address split into its 1-based row and column numbers; null when it is not one. */
export function cellAddressParts(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,7})\$?(\d{1,15})$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of (m[1] ?? '').toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}
