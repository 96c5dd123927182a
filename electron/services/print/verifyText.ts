/** What verifying a fingerprint found, as data and as the sentence the CLI and the 核对 screen show. */

export interface VerifyResult {
  /** The fingerprint as typed, in its printed form. */
  fingerprint: string;
  /** Today's fingerprint of the report. */
  current: string;
  matches: boolean;
  /** Earlier prints of this report that carried the typed fingerprint (print times, latest first). */
  printedAt: string[];
  /** Parts whose data differs from the print's (null when no print with that fingerprint is on record). */
  changed: { id: string; title: string }[] | null;
  /** When the report's history shows it in that state (an edit journal), the time of that state. */
  stateAt: string | null;
  /** When no point was found: how far the history was searched (a 部门汇总's merged history). */
  historyNote?: string | null;
}

/** `subject`: what the history places in time — 报表, or 部门汇总 for a department's consolidated report. */
export function verifyLines(result: VerifyResult, what: string, subject = '报表'): string[] {
  if (result.matches) {
    const when = result.printedAt[0] ? `（该指纹于 ${result.printedAt[0]} 打印）` : '';
    return [`一致：${what}今天的数据与指纹 ${result.fingerprint} 相符${when}，纸面上的数字仍是库中的数字。`];
  }
  const lines = [`不一致：${what}今天的数据指纹为 ${result.current}，与 ${result.fingerprint} 不符，打印之后数据已有修改。`];
  if (result.changed) {
    lines.push(`指纹 ${result.fingerprint} 打印于 ${result.printedAt.join('、')}。`);
    lines.push(result.changed.length > 0 ? `此后有变化的部分：${result.changed.map((c) => c.title).join('；')}` : '各表数据与当时相同。');
  } else {
    lines.push(`库中没有以指纹 ${result.fingerprint} 打印的记录（可能是其他电脑打印的，或指纹抄写有误），无法指出哪些表有变化。`);
  }
  if (result.stateAt) lines.push(`修改记录显示，${subject}在 ${result.stateAt} 时的数据与该指纹相符。`);
  else if (result.historyNote) lines.push(result.historyNote);
  return lines;
}
