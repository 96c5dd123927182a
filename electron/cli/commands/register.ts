/** `juesuan unit rename|move|archive|restore|info` and `juesuan report delete`: the register from the command line. */
import { AppError } from '../../../shared/api/errors';
import { optionalString, parseCommandArgs, requireString, requireYear, UsageError } from '../args';
import { call, withServices, type Output } from '../commands';

const COMMON = { db: { type: 'string' }, packs: { type: 'string' } } as const;

function optionalYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text.trim())) throw new UsageError(`年度“${text}”无效，应为四位数字，如 2021`);
  return Number(text);
}

export const UNIT_SUBCOMMANDS: Record<string, (args: string[], io: Output) => Promise<void>> = {
  async rename(args, io) {
    const { values } = parseCommandArgs(args, { ...COMMON, code: { type: 'string' }, name: { type: 'string' } }, false);
    const code = requireString(values, 'code');
    const name = requireString(values, 'name');
    await withServices(values, true, async (s) => {
      const before = (await call(s, 'listRegister', {})).find((u) => u.code === code);
      const unit = await call(s, 'updateUnitRecord', { code, name });
      io.out(`已将单位 ${code} 由“${before?.name ?? ''}”改名为“${unit.name}”`);
    });
  },

  async move(args, io) {
    const { values } = parseCommandArgs(args, { ...COMMON, code: { type: 'string' }, parent: { type: 'string' }, top: { type: 'boolean' } }, false);
    const code = requireString(values, 'code');
    const parent = optionalString(values, 'parent');
    if ((parent === undefined) === (values.top !== true)) throw new UsageError('请给出 --parent 上级单位编码，或 --top 移为顶级单位（二者选一）');
    await withServices(values, true, async (s) => {
      const unit = await call(s, 'moveUnit', { code, parent: parent ?? null });
      io.out(unit.parent === null ? `单位 ${code} 已移为顶级单位` : `单位 ${code} 已移到 ${unit.parent} 之下`);
    });
  },

  async archive(args, io) {
    const { values } = parseCommandArgs(args, { ...COMMON, code: { type: 'string' }, from: { type: 'string' } }, false);
    const code = requireString(values, 'code');
    const from = optionalYear(optionalString(values, 'from'));
    await withServices(values, true, async (s) => {
      const result = await call(s, 'removeUnit', { code, ...(from !== undefined ? { from } : {}) });
      if (result.removed === 'deleted') io.out(`单位 ${code} 没有报表，已删除`);
      else io.out(`单位 ${code} 已归档：自 ${result.unit?.archivedFrom ?? ''} 年度起不再纳入部门汇总，已有报表全部保留`);
    });
  },

  async restore(args, io) {
    const { values } = parseCommandArgs(args, { ...COMMON, code: { type: 'string' } }, false);
    const code = requireString(values, 'code');
    await withServices(values, true, async (s) => {
      await call(s, 'restoreUnit', { code });
      io.out(`单位 ${code} 已恢复`);
    });
  },

  async info(args, io) {
    const { values } = parseCommandArgs(
      args,
      {
        ...COMMON,
        code: { type: 'string' },
        'credit-code': { type: 'string' },
        'budget-level': { type: 'string' },
        'accounting-system': { type: 'string' },
        'report-kind': { type: 'string' },
      },
      false,
    );
    const code = requireString(values, 'code');
    const patch: Record<string, string> = {};
    for (const [opt, field] of [['credit-code', 'creditCode'], ['budget-level', 'budgetLevel'], ['accounting-system', 'accountingSystem'], ['report-kind', 'reportKind']] as const) {
      const v = optionalString(values, opt);
      if (v !== undefined) patch[field] = v;
    }
    await withServices(values, true, async (s) => {
      const unit = Object.keys(patch).length > 0 ? await call(s, 'updateUnitRecord', { code, ...patch } as never) : (await call(s, 'listRegister', {})).find((u) => u.code === code);
      if (!unit) throw new AppError(`单位 ${code} 不存在`);
      io.out(
        [
          `单位编码：${unit.code}`,
          `单位名称：${unit.name}`,
          `单位类型：${unit.kind}`,
          `上级单位：${unit.parent ?? '（无）'}`,
          `统一社会信用代码：${unit.creditCode ?? ''}`,
          `预算级次：${unit.budgetLevel ?? ''}`,
          `执行会计制度：${unit.accountingSystem ?? ''}`,
          `报表类型：${unit.reportKind}`,
          `状态：${unit.archivedFrom === null ? '在用' : `自 ${unit.archivedFrom} 年度起归档`}`,
        ].join('\n'),
      );
    });
  },
};

export async function reportCommand(args: string[], io: Output): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'delete') throw new UsageError(`未知的子命令 report ${sub ?? ''}（可用：report delete）`.trim());
  const { values } = parseCommandArgs(rest, { ...COMMON, unit: { type: 'string' }, year: { type: 'string' }, yes: { type: 'boolean' } }, false);
  const unit = requireString(values, 'unit');
  const year = requireYear(values);
  if (values.yes !== true) throw new UsageError(`删除 ${unit} ${year} 年度报表需要确认：请加 --yes（删除前自动备份数据库）`);
  await withServices(values, true, async (s) => {
    const { backup } = await call(s, 'deleteReport', { unit, year, confirm: true });
    io.out(`已删除单位 ${unit} ${year} 年度报表；删除前的数据库备份：${backup}`);
  });
}
