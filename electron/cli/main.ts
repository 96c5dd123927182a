/**
 * `juesuan …`: the workstation's services from the command line. Exit status 0 on success; otherwise
 * one line of Chinese on stderr (never a stack trace), status 2 for a usage mistake, 1 otherwise.
 */
import { AppError } from '../../shared/api/errors';
import { asClerkError } from '../services/clerkError';
import { UsageError } from './args';
import { exportCommand, importCommand, setCommand, showCommand, unitCommand, type Output } from './commands';
import { adjustCommand } from './commands/adjust';
import { auditCommand } from './commands/audit';
import { catalogueCommand } from './commands/catalogue';
import { backupCommand } from './commands/backup';
import { historyCommand } from './commands/history';
import { consolidateCommand, exportExchangeCommand, importExchangeCommand, rolloverCommand } from './commands/consolidate';
import { reportCommand } from './commands/register';
import { exportXlsxCommand } from './commands/exportXlsx';
import { importXlsxCommand } from './commands/importXlsx';
import { narrativeCommand } from './commands/narrative';
import { perfReportCommand, withPerfExport, withPerfSet, withPerfShow } from './commands/perf';
import { printCommand } from './commands/print';
import { verifyCommand } from './commands/verify';
import { HELP } from './help';

/** A command returns its exit status when success is not simply 0 (audit: 1 when a 强制 rule fails). */
const COMMANDS: Record<string, (args: string[], io: Output) => Promise<void | number>> = {
  unit: unitCommand,
  set: withPerfSet(setCommand),
  show: withPerfShow(showCommand),
  'export-json': withPerfExport(exportCommand),
  'import-json': importCommand,
  audit: auditCommand,
  'export-xlsx': exportXlsxCommand,
  'import-xlsx': importXlsxCommand,
  narrative: narrativeCommand,
  catalogue: catalogueCommand,
  backup: backupCommand,
  history: historyCommand,
  'perf-report': perfReportCommand,
  print: printCommand,
  verify: verifyCommand,
  consolidate: consolidateCommand,
  adjust: adjustCommand,
  rollover: rolloverCommand,
  report: reportCommand,
  'export-exchange': exportExchangeCommand,
  'import-exchange': importExchangeCommand,
};

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

export async function main(argv: string[], io: Output = { out: (text) => process.stdout.write(`${text}\n`) }): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help' || rest.includes('--help')) {
    io.out(HELP);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  try {
    if (!run) throw new UsageError(`未知的命令 ${command}，运行 juesuan --help 查看用法`);
    return (await run(rest, io)) ?? 0;
  } catch (caught) {
    const err = asClerkError(caught);
    if (err instanceof AppError) {
      process.stderr.write(`${oneLine(err.message)}\n`);
      return err instanceof UsageError ? 2 : 1;
    }
    process.stderr.write(`内部错误：${oneLine(err instanceof Error ? err.message : String(err))}\n`);
    return 1;
  }
}
