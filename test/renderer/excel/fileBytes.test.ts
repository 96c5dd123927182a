import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../../renderer/src/excel/fileBytes';
import { coverTexts, EMPTY_COVER } from '../../../renderer/src/excel/coverFields';

describe('base64 at the page edge', () => {
  it('round-trips bytes larger than one chunk, as Node encodes them', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31 + 7) % 256);
    const encoded = bytesToBase64(bytes);
    expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
    expect([...base64ToBytes(encoded)]).toEqual([...bytes]);
  });
});

describe('coverTexts', () => {
  it('trims fields and deletes blank ones', () => {
    expect(coverTexts({ ...EMPTY_COVER, 'cover.leader': ' 张三 ', 'cover.phone': '   ' })).toEqual({
      'cover.leader': '张三',
      'cover.financeLead': null,
      'cover.preparer': null,
      'cover.phone': null,
      'cover.date': null,
    });
  });
});
