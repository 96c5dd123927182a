import { describe, expect, it } from 'vitest';
import { parseClipboardText } from '../../renderer/src/edit/clipboardText';

describe('parseClipboardText', () => {
  it('splits Excel text: tabs between columns, CRLF between rows, last line break ignored', () => {
    expect(parseClipboardText('1\t2\r\n3\t4\r\n5\t6\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('accepts LF line breaks and text without a final line break', () => {
    expect(parseClipboardText('1\t2\n3\t4')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps empty cells, including a trailing one, and pads short rows', () => {
    expect(parseClipboardText('\t2\t\r\n3\r\n')).toEqual([
      ['', '2', ''],
      ['3', '', ''],
    ]);
  });

  it('reads quoted cells with tabs, line breaks and doubled quotes inside', () => {
    expect(parseClipboardText('"1,234.00"\t"a\tb"\r\n"say ""hi"""\t"x\ny"\r\n')).toEqual([
      ['1,234.00', 'a\tb'],
      ['say "hi"', 'x\ny'],
    ]);
  });

  it('treats a quote not closing a cell as text', () => {
    expect(parseClipboardText('"12" 元\t3')).toEqual([['"12" 元', '3']]);
  });

  it('returns nothing for empty text and one empty cell for a lone line break', () => {
    expect(parseClipboardText('')).toEqual([]);
    expect(parseClipboardText('\r\n')).toEqual([['']]);
  });
});
