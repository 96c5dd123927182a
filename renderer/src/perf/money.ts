/** Money as the 绩效 screen shows and takes it: in the report's display unit (元 or 万元). */
import { formatAmount, type Fen, type MoneyUnit } from '../../../shared/money/fen';

export function moneyText(fen: Fen, unit: MoneyUnit): string {
  return formatAmount(fen, { unit, grouping: true });
}
