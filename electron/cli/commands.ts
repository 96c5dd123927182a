/** The CLI's commands over the same services as the window and the browser. */
import { access, readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { UNIT_KINDS, type ApiInput, type ApiMethod, type ApiResults, type ReportRef, type UnitKind } from '../../shared/api/contract';
import { unwrap } from '../../shared/api/envelope';
import { AppError } from '../../shared/api/errors';
import { parseCellText } from '../../shared/pack/cellKind';
import { cellIndex } from '../services/cellKinds';
import { namedSource } from '../../shared/pack/namedRows';
import { createServices, type Services, type ServicesOptions } from '../services/createServices';
import { dispatch } from '../services/dispatch';
import { assertSafeOutput } from '../services/files/outputGuard';
import { writeFileAtomic } from '../services/files/writeFileAtomic';
import { stringifyOrdered } from '../services/orderedJson';
import { resolveDataLocation } from '../services/paths';
import { MAX_REPORT_FILE_BYTES } from '../services/reportFile';
import { showJson, valueText } from '../services/reportValues';
import { optionalString, parseCommandArgs, requireString, requireYear, UsageError, type Parsed } from './args';
import { UNIT_SUBCOMMANDS } from './commands/register';
import { renderTable } from './textTable';

export interface Output {
  out(text: string): void;
}

function isUnitKind(text: string): text is UnitKind {
  const kinds: readonly string[] = UNIT_KINDS;
  return kinds.includes(text);
}

const COMMON = { db: { type: 'string' }, packs: { type: 'string' } } as const;
export const REPORT = { ...COMMON, unit: { type: 'string' }, year: { type: 'string' } } as const;

/** Api calls validated exactly as a transport validates them. */
export async function call<M extends ApiMethod>(services: Services, method: M, input: ApiInput<M>): Promise<ApiResults[M]> {
  return unwrap(await dispatch(services.api, method, input));
}

export async function withServices<T>(
  values: Parsed['values'],
  mustExist: boolean,
  work: (s: Services) => Promise<T>,
  options: Pick<ServicesOptions, 'onDamaged' | 'backupOnOpen'> = {},
): Promise<T> {
  const given = optionalString(values, 'db');
  const location = resolveDataLocation();
  const dbPath = resolve(given ?? location.dbPath);
  // Without --db the clerk should see which file was used (stderr, so that --json output stays clean).
  if (given === undefined) process.stderr.write(`使用默认数据库：${dbPath}${location.notice ? `（${location.notice}）` : ''}\n`);
  if (mustExist) {
    try {
      await access(dbPath);
    } catch {
      throw new AppError(`数据库文件“${dbPath}”不存在`);
    }
  }
  const services = await createServices({ dbPath, packsDir: optionalString(values, 'packs'), ...options });
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}

/**
 * Stored data the pack cannot take (written by an older version, or a pack that changed): the rest is
 * shown or exported, and each item left out is named on standard error (so `--json` output stays clean).
 */
export function warnUnfit(unfit: readonly string[], verb: string): void {
  if (unfit.length === 0) return;
  process.stderr.write(`注意：报表中有 ${unfit.length} 项保存的数据与报表格式不符，未能${verb}（数据仍保存在数据库中）：\n`);
  for (const line of unfit) process.stderr.write(`  ${line}\n`);
}

export function reportRef(values: Parsed['values']): ReportRef {
  return { unit: requireString(values, 'unit'), year: requireYear(values) };
}

export async function unitCommand(args: string[], io: Output): Promise<void> {
  const [sub, ...rest] = args;
  const register = sub === undefined ? undefined : UNIT_SUBCOMMANDS[sub];
  if (register) return register(rest, io);
  if (sub === 'list') {
    const { values } = parseCommandArgs(rest, COMMON, false);
    await withServices(values, true, async (s) => {
      for (const u of await call(s, 'listUnits', {})) {
        io.out(`${u.code}\t${u.name}\t${u.kind}${u.parent ? `\t上级：${u.parent}` : ''}`);
      }
    });
    return;
  }
  if (sub !== 'add') throw new UsageError(`未知的子命令 unit ${sub ?? ''}（可用：unit add、list、rename、move、archive、restore、info）`.trim());
  const { values } = parseCommandArgs(
    rest,
    { ...COMMON, code: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, parent: { type: 'string' } },
    false,
  );
  const kind = requireString(values, 'kind').trim();
  if (!isUnitKind(kind)) throw new UsageError(`单位类型“${kind}”无效，应为：${UNIT_KINDS.join('、')}`);
  const input = {
    code: requireString(values, 'code'),
    name: requireString(values, 'name'),
    kind,
    parent: optionalString(values, 'parent') ?? null,
  };
  await withServices(values, false, async (s) => {
    const unit = await call(s, 'addUnit', input);
    io.out(`已添加单位 ${unit.code} ${unit.name}（${unit.kind}）`);
  });
}

export async function setCommand(args: string[], io: Output): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, REPORT, true);
  const ref = reportRef(values);
  if (positionals.length !== 4) throw new UsageError('用法：juesuan set --db 文件 --unit 单位编码 --year 年度 表 行 列 金额');
  const [table = '', rowArg = '', col = '', amount = ''] = positionals;
  let row = rowArg;
  await withServices(values, true, async (s) => {
    await call(s, 'openReport', ref);
    const session = await s.sessions.open(ref);
    if (!cellIndex(session.engine, session.pack).hasTable(table)) {
      throw new AppError(`表 ${table} 不存在（报表格式 ${session.pack.id}）`, { table });
    }
    // Everything is tried on a copy first, so a bad amount never leaves a half-done row behind.
    let engine = session.engine;
    let addRow = false;
    let newName: string | null = null;
    const def = session.pack.tables.find((t) => t.id === table);
    // A table of named rows takes the row's id (N1) or its name; a new name adds a row with that name.
    const byName = def && namedSource(def) && !cellIndex(engine, session.pack).row(table, row)
      ? engine.layout(table).sides.flatMap((side) => side.rows).find((r) => r.named && r.label === row.trim())
      : undefined;
    if (byName) row = byName.id;
    else if (def && namedSource(def) && !cellIndex(engine, session.pack).row(table, row)) {
      engine = s.sessions.scratchEngine(session);
      try {
        newName = row.trim();
        row = engine.addNamedRow(table, newName).id;
      } catch (err) {
        throw new AppError(`表 ${table} 不能添加名为“${row}”的行：${err instanceof Error ? err.message : String(err)}`, { table });
      }
    } else if (!cellIndex(engine, session.pack).row(table, row)) {
      engine = s.sessions.scratchEngine(session);
      try {
        engine.addRows(table, [row]);
      } catch (err) {
        throw new AppError(`表 ${table} 没有行 ${row}，也不能作为科目添加：${err instanceof Error ? err.message : String(err)}`, {
          table,
          row,
        });
      }
      addRow = true;
    }
    const kind = engine.cellType(table, row, col);
    if (!kind) throw new AppError(`表 ${table} 行 ${row} 列 ${col} 不存在`, { table, row, column: col });
    const parsed = parseCellText(amount, kind);
    if (!parsed.ok) throw new AppError(`表 ${table} 行 ${row} 列 ${col}：${parsed.message}`, { table, row, column: col });
    const edit = { table, row, col, value: parsed.value };
    const problem = engine.checkEdit(edit);
    if (problem) throw new AppError(problem, { table, row, column: col });
    if (addRow) await call(s, 'addRows', { ...ref, table, rows: [row] });
    if (newName !== null) {
      const added = await call(s, 'addNamedRow', { ...ref, table, name: newName });
      edit.row = added.row;
      row = added.row;
    }
    await call(s, 'setCells', { ...ref, edits: [edit] });
    const shown = parsed.value === null ? '（已清除）' : valueText(parsed.value, kind);
    io.out(`已写入 ${ref.unit} ${ref.year} 年度 表 ${table} 行 ${row} 列 ${col}：${shown}`);
  });
}

/**
 * Opens a report (a unit's or a department's) for `show`-like output: with `--json` prints it and
 * returns null; otherwise returns the session and the tables to print, refusing a table the pack lacks.
 */
export async function openForShow(s: Services, ref: ReportRef, table: string | undefined, json: boolean, io: Output) {
  await call(s, 'openReport', ref);
  const session = await s.sessions.open(ref);
  const tables = table === undefined ? undefined : [table];
  warnUnfit(session.unfit, '显示');
  if (json) {
    io.out(stringifyOrdered(showJson(session.engine, session.pack, session.unit, ref.year, tables)));
    return null;
  }
  const ids = tables ?? session.engine.tableIds();
  if (!ids.every((t) => cellIndex(session.engine, session.pack).hasTable(t))) {
    throw new AppError(`表 ${table ?? ''} 不存在（报表格式 ${session.pack.id}）`, { table });
  }
  return { session, ids };
}

export async function showCommand(args: string[], io: Output): Promise<void> {
  const { values } = parseCommandArgs(args, { ...REPORT, table: { type: 'string' }, json: { type: 'boolean' } }, false);
  const ref = reportRef(values);
  await withServices(values, true, async (s) => {
    const shown = await openForShow(s, ref, optionalString(values, 'table'), values.json === true, io);
    if (!shown) return;
    const { session, ids } = shown;
    io.out(`${session.unit.name}（${session.unit.code}） ${ref.year} 年度部门决算   报表格式：${session.pack.name}`);
    for (const id of ids) io.out(`\n${renderTable(session.engine, session.pack, id)}`);
  });
}

export async function exportCommand(args: string[], io: Output): Promise<void> {
  const { values } = parseCommandArgs(args, { ...REPORT, out: { type: 'string' } }, false);
  const ref = reportRef(values);
  const out = resolve(requireString(values, 'out'));
  await withServices(values, true, async (s) => {
    assertSafeOutput(out); // before the work: the database is open now, so the guard knows it
    const text = await s.exportReport(ref);
    await writeFileAtomic(out, text);
    io.out(`已导出 ${ref.unit} ${ref.year} 年度报表到 ${out}`);
    warnUnfit((await s.sessions.open(ref)).unfit, '导出');
  });
}

export async function importCommand(args: string[], io: Output): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { ...COMMON, 'update-unit': { type: 'boolean' } }, true);
  if (positionals.length !== 1) throw new UsageError('用法：juesuan import-json --db 文件 报表文件.json [--update-unit]');
  const file = resolve(positionals[0] ?? '');
  let text: string;
  try {
    // Bounded before reading: the report file's limit is checked again on the text.
    if ((await stat(file)).size > MAX_REPORT_FILE_BYTES) {
      throw new AppError(`报表文件 ${basename(file)}：文件过大，超过上限（${MAX_REPORT_FILE_BYTES / 1024 / 1024} MB）`, { file: basename(file) });
    }
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(`找不到或无法读取报表文件“${file}”`);
  }
  await withServices(values, false, async (s) => {
    const result = await s.importReport(text, file, { updateUnit: values['update-unit'] === true });
    if (result.unitChanges.length > 0) io.out(`单位 ${result.unit.code}：${result.unitChanges.join('；')}`);
    if (result.replacedInputs !== null) io.out(`替换了原有的 ${result.year} 年度报表（原有 ${result.replacedInputs} 个录入数）`);
    io.out(`已导入 ${result.unit.code} ${result.unit.name} ${result.year} 年度报表（报表格式 ${result.pack.id}）`);
  });
}
