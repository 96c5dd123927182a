/**
 * A selection as the clipboard carries it to Excel or WPS: tab-separated text (CRLF between rows,
 * quoted where a cell holds a tab, newline or quote) and an HTML table, so either paste gives numbers
 * in the same shape. Numbers are written without thousands separators so every locale reads them.
 */
export function toTsv(matrix: readonly (readonly string[])[]): string {
  const quote = (cell: string): string => (/[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return matrix.map((row) => row.map(quote).join('\t')).join('\r\n') + '\r\n';
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function toHtml(matrix: readonly (readonly string[])[]): string {
  const rows = matrix.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('');
  return `<meta charset="utf-8"><table>${rows}</table>`;
}
