/** JSON shape of rules.json. Strict objects: a misspelt key in a hand-edited file is a fault. */
import { z } from 'zod';
import { UNIT_KINDS } from '../base/unit';
import type { BuiltinCheck, CheckDef, RuleDef, RulesFile } from './ruleModel';

const text = z.string().min(1, '不能为空');
const tableId = z.string().regex(/^[A-Za-z][0-9A-Za-z_]{0,23}$/, '表编号须以字母开头，只含字母、数字和下划线');

export const checkSchema = z.strictObject({
  check: text,
  left: text,
  right: text,
  when: text.optional(),
  unitKinds: z.array(z.enum(UNIT_KINDS)).min(1).optional(),
  message: text.optional(),
}) satisfies z.ZodType<CheckDef>;

export const builtinSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('treeSums'), table: tableId }),
  z.strictObject({ type: z.literal('nonNegative'), kind: z.enum(['money', 'count']), tables: z.array(tableId).min(1).optional() }),
  z.strictObject({ type: z.literal('catalogueNames'), fixedRows: z.string().regex(/^[0-9A-Za-z_]{1,24}$/) }),
  z.strictObject({ type: z.literal('childlessParents') }),
]) satisfies z.ZodType<BuiltinCheck>;

export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z][0-9A-Za-z-]{0,23}$/, '规则编号只能包含字母、数字和短横线'),
  level: z.enum(['强制', '提示']),
  tolerance: z.number().int().min(0).optional(),
  table: tableId,
  title: text,
  checks: z.array(checkSchema).min(1).optional(),
  builtins: z.array(builtinSchema).min(1).optional(),
}) satisfies z.ZodType<RuleDef>;

export const rulesFileSchema = z.strictObject({ rules: z.array(ruleSchema).min(1) }) satisfies z.ZodType<RulesFile>;
