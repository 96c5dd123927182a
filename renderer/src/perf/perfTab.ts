/** The tab id of the 绩效自评 screen beside the table tabs (table ids never start with '#'). */
export const PERF_TAB = '#perf';
