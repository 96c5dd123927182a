/** Small helpers for the print view's HTML strings. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

/** A string for CSS `content: "…"`: quotes and backslashes escaped, line breaks as \A. */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\A ')}"`;
}

/**
 * Named CJK fonts, so the PDF looks the same on a clerk's Windows PC (宋体/SimSun, 黑体) and on Linux
 * (Noto CJK SC), with generic families last.
 */
export const SERIF_FONTS = `"SimSun", "宋体", "NSimSun", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "Noto Sans CJK SC", serif`;
export const SANS_FONTS = `"SimHei", "黑体", "Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", sans-serif`;
