import { describe, expect, it } from 'vitest';
import { parseClipboardText } from '../../renderer/src/edit/clipboardText';
import { toHtml, toTsv } from '../../renderer/src/edit/clipboardOut';

describe('copy as TSV and HTML', () => {
  const block = [
    ['2010301', '行政运行', '1500.50'],
    ['', '含\t制表符', '-50.00'],
  ];

  it('TSV is what Excel writes, and reads back to the same block', () => {
    expect(toTsv(block)).toBe('2010301\t行政运行\t1500.50\r\n\t"含\t制表符"\t-50.00\r\n');
    expect(parseClipboardText(toTsv(block))).toEqual(block);
  });

  it('HTML is a plain table with every text escaped', () => {
    expect(toHtml([['<a>', '1&2']])).toBe('<meta charset="utf-8"><table><tr><td>&lt;a&gt;</td><td>1&amp;2</td></tr></table>');
  });
});
