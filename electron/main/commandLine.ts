/**
 * `npm start -- --db 文件` reaches the Electron window as well as the browser fallback: the value of
 * `--db FILE` or `--db=FILE` among the process arguments (Chromium's own switches are left alone).
 */
export function dbArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--db') {
      const value = argv[i + 1];
      return value !== undefined && value !== '' && !value.startsWith('--') ? value : undefined;
    }
    if (arg.startsWith('--db=')) return arg.slice('--db='.length) || undefined;
  }
  return undefined;
}
