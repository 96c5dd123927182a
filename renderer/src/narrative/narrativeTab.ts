/** The tab id of the 情况说明 screen beside the table tabs (table ids never start with '#'). */
export const NARRATIVE_TAB = '#narrative';
