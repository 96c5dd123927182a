/**
 * `juesuan verify --db … --unit … --year … --fingerprint XXXXXXXX`: does today's data still match the
 * fingerprint on a signed paper copy, and if not, which tables changed. Exit status 0 when it matches,
 * 1 when it does not.
 */
import { parseCommandArgs, requireString } from '../args';
import { withServices, type Output } from '../commands';
import { PRINTED_REPORT, printedRef } from './printedRef';
import { verifyLines } from '../../services/print/verifyText';

export async function verifyCommand(args: string[], io: Output): Promise<number> {
  const { values } = parseCommandArgs(args, { ...PRINTED_REPORT, fingerprint: { type: 'string' } }, false);
  const ref = printedRef(values);
  const typed = requireString(values, 'fingerprint');
  return withServices(values, true, async (s) => {
    const unit = await s.sessions.requireUnit(ref.unit);
    const result = await s.print.verify(ref, typed);
    const subject = ref.consolidated ? '部门汇总' : '报表';
    for (const line of verifyLines(result, `${unit.name} ${ref.year} 年度${subject}`, subject)) io.out(line);
    return result.matches ? 0 : 1;
  });
}
