/** The cover sheet's fields the clerk fills in, kept as report texts (same keys as the export's cover). */
export const COVER_FIELDS = [
  { key: 'cover.leader', label: '单位负责人', placeholder: '' },
  { key: 'cover.financeLead', label: '财务负责人', placeholder: '' },
  { key: 'cover.preparer', label: '填表人', placeholder: '' },
  { key: 'cover.phone', label: '电话', placeholder: '如 0875-2123456' },
  { key: 'cover.date', label: '报送日期', placeholder: '如 2021年3月15日' },
] as const;

export type CoverKey = (typeof COVER_FIELDS)[number]['key'];

export const EMPTY_COVER = {
  'cover.leader': '',
  'cover.financeLead': '',
  'cover.preparer': '',
  'cover.phone': '',
  'cover.date': '',
} satisfies Record<CoverKey, string>;

/** The texts to write: a blank field deletes its text rather than storing spaces. */
export function coverTexts(values: Record<CoverKey, string>): Record<string, string | null> {
  return Object.fromEntries(
    COVER_FIELDS.map(({ key }) => {
      const value = values[key].trim();
      return [key, value === '' ? null : value];
    }),
  );
}
