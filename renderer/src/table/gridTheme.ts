import { themeQuartz } from 'ag-grid-community';

/**
 * A light, dense theme close to a printed 决算表: thin borders on every cell, compact rows,
 * system CJK fonts (the CSP allows no web fonts and the workstation is offline anyway).
 */
export const gridTheme = themeQuartz.withParams({
  fontFamily: ['"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"', '"WenQuanYi Micro Hei"', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  headerBackgroundColor: '#eef2f7',
  headerTextColor: '#1f2d3d',
  rowHeight: 28,
  headerHeight: 30,
  columnBorder: true,
  headerColumnBorder: true,
  rowBorder: true,
  wrapperBorderRadius: 2,
  borderColor: '#c9d2dc',
  cellHorizontalPadding: 8,
  pinnedRowBackgroundColor: '#f6f8fa',
  accentColor: '#2563eb',
  oddRowBackgroundColor: '#ffffff',
  rowHoverColor: 'transparent',
});
