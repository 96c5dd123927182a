/**
 * Seeded mutations of real exported .xlsx workbooks, imported into a real database that already
 * holds a different report, each case sorted by outcome:
 *  - acceptedCorrect: read whole; committed; the database now holds exactly what the plan said;
 *  - acceptedPartial: read with cells or tables it could not read (the CLI refuses it without
 *    --partial); committed as --partial does; what it could not read kept its stored value;
 *  - refusedCleanly: refused with one Chinese line, the database unchanged;
 *  - partialWrite: the database differs from what the plan said, or a refusal changed it (must be 0);
 *  - over10s: plan + commit took more than 10 s (must be 0);
 *  - internalError: an error that is not a clerk's message, or a message in English (must be 0).
 * The suite runs a few hundred (test/electron/services/excel/importFuzz.test.ts), `npm run fuzz:import` thousands.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { ReportData, Unit } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { ReportEngine } from '../../shared/engine/reportEngine';
import type { Pack } from '../../shared/pack/model';
import { exportWorkbook } from '../../electron/services/excel/exportWorkbook';
import { commitXlsxImport, planXlsxImport } from '../../electron/services/excel/xlsxService';
import { ReportSessions } from '../../electron/services/reportSessions';
import { ReportStore } from '../../electron/services/store/reportStore';
import { makeFullSizeReport, seededRandom } from '../bench/fullSizeReport';

export interface FuzzCounts {
  total: number;
  acceptedCorrect: number;
  acceptedPartial: number;
  refusedCleanly: number;
  partialWrite: number;
  over10s: number;
  internalError: number;
}

export interface FuzzResult {
  counts: FuzzCounts;
  /** One line per case that broke a rule (partial write, over 10 s, internal error), for the report. */
  failures: string[];
  /** Mutation kind → cases. */
  kinds: Record<string, number>;
  slowestMs: number;
  peakRssMb: number;
}

const UNIT: Unit = { code: '001', name: '保山市隆阳区政务服务管理局', kind: '行政单位', parent: null };
const LIMIT_MS = 10_000;

type Random = () => number;
type Mutation = (zip: JSZip, random: Random) => Promise<string>;

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

async function sheetParts(zip: JSZip): Promise<string[]> {
  return Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
}

async function editPart(zip: JSZip, path: string, edit: (xml: string) => string): Promise<void> {
  const part = zip.file(path);
  if (!part) return;
  zip.file(path, edit(await part.async('string')));
}

const TEXTS = ['-609,418.1O', '１２３４.５６', '(1,234.00)', '—', 'abc', '1e400', 'NaN', '12.345', '', '   ', '9'.repeat(30), '1,2,3', '-', '合计', '2010301'];
const TITLES = [
  '财政拨款“三公”经费支出决算表',
  '支出决算表',
  '收入决算表',
  '一般公共预算财政拨款项目支出决算表',
  '2020年度某某局支出决算表',
  '收入支出决算总表',
  '“三公”经费、行政参公单位机关运行经费情况表',
];

/** Replaces the n-th match of a regex (counted from a random start). */
function replaceRandom(xml: string, re: RegExp, random: Random, replace: (m: RegExpExecArray) => string): string {
  const matches: RegExpExecArray[] = [];
  for (const m of xml.matchAll(new RegExp(re.source, 'g'))) matches.push(m as RegExpExecArray);
  if (matches.length === 0) return xml;
  const m = pick(random, matches);
  return xml.slice(0, m.index) + replace(m) + xml.slice(m.index + m[0].length);
}

const MUTATIONS: Record<string, Mutation> = {
  async numberToText(zip, random) {
    const part = pick(random, await sheetParts(zip));
    await editPart(zip, part, (xml) =>
      replaceRandom(xml, /<c r="([A-Z]+\d+)"([^>]*?)(?: t="n")?><v>[^<]*<\/v><\/c>/, random, (m) => {
        const text = pick(random, TEXTS).replace(/&/g, '&amp;').replace(/</g, '&lt;');
        return `<c r="${m[1]}"${(m[2] ?? '').replace(/ t="[^"]*"/, '')} t="inlineStr"><is><t>${text}</t></is></c>`;
      }),
    );
    return 'numberToText';
  },
  async nudgeNumber(zip, random) {
    const part = pick(random, await sheetParts(zip));
    await editPart(zip, part, (xml) =>
      replaceRandom(xml, /<v>(-?\d+(?:\.\d+)?)<\/v>/, random, (m) => `<v>${Number(m[1]) + pick(random, [0.001, 1e-9, 1e15, -1, 0.5])}</v>`),
    );
    return 'nudgeNumber';
  },
  async dateStyle(zip, random) {
    // A date number format on a random style, so every cell using it reads as a date.
    await editPart(zip, 'xl/styles.xml', (xml) =>
      replaceRandom(xml, /<xf numFmtId="(\d+)"/, random, () => `<xf numFmtId="${pick(random, [14, 15, 22])}" applyNumberFormat="1"`),
    );
    return 'dateStyle';
  },
  async dropRow(zip, random) {
    const part = pick(random, await sheetParts(zip));
    await editPart(zip, part, (xml) => replaceRandom(xml, /<row [^>]*>[\s\S]*?<\/row>/, random, () => ''));
    return 'dropRow';
  },
  async farRow(zip, random) {
    const part = pick(random, await sheetParts(zip));
    const r = pick(random, [999_999_999, 1_048_576, 100_001, 60_000]);
    await editPart(zip, part, (xml) => xml.replace('</sheetData>', `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`));
    return 'farRow';
  },
  async merges(zip, random) {
    const part = pick(random, await sheetParts(zip));
    const count = pick(random, [1, 50, 3_000, 20_000]);
    const refs =
      random() < 0.3 ? [pick(random, ['A1:XFD1048576', 'A1:Z5000', 'B2:C3'])] : Array.from({ length: count }, (_, i) => `A${200 + i * 2}:C${200 + i * 2}`);
    await editPart(zip, part, (xml) =>
      xml
        .replace(/<mergeCells[^>]*>[\s\S]*?<\/mergeCells>/, '')
        .replace('</sheetData>', `</sheetData><mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`),
    );
    return 'merges';
  },
  async longText(zip, random) {
    const length = pick(random, [40, 5_000, 40_000, 3_000_000]);
    await editPart(zip, 'xl/sharedStrings.xml', (xml) => replaceRandom(xml, /<t>[^<]*<\/t>/, random, () => `<t>${'字'.repeat(length)}</t>`));
    return 'longText';
  },
  async retitle(zip, random) {
    await editPart(zip, 'xl/sharedStrings.xml', (xml) => replaceRandom(xml, /<t>[^<]*表[^<]*<\/t>/, random, () => `<t>${pick(random, TITLES)}</t>`));
    return 'retitle';
  },
  async relabel(zip, random) {
    await editPart(zip, 'xl/sharedStrings.xml', (xml) => replaceRandom(xml, /<t>[^<]*<\/t>/, random, () => `<t>${pick(random, TEXTS)}</t>`));
    return 'relabel';
  },
  async renameSheet(zip, random) {
    const name = pick(random, ['公开03表（按支出功能分类科目列示的本单位本年度全部支出决算明细）', 'a/b', "'q", '公开02表', 'History', '', 'Sheet1']);
    await editPart(zip, 'xl/workbook.xml', (xml) => replaceRandom(xml, /name="[^"]*"(?= sheetId| state)/, random, () => `name="${name}"`));
    return 'renameSheet';
  },
  async breakXml(zip, random) {
    const part = pick(random, [...(await sheetParts(zip)), 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml']);
    await editPart(zip, part, (xml) => {
      const at = Math.floor(random() * xml.length);
      return xml.slice(0, at) + pick(random, ['', '<', '&', '"', '</x>']) + xml.slice(at + 1);
    });
    return 'breakXml';
  },
  async swapCells(zip, random) {
    const part = pick(random, await sheetParts(zip));
    await editPart(zip, part, (xml) => {
      const values = [...xml.matchAll(/<v>([^<]*)<\/v>/g)];
      if (values.length < 2) return xml;
      const a = pick(random, values);
      const b = pick(random, values);
      return xml.replace(a[0], `<v>${b[1]}</v>`);
    });
    return 'swapCells';
  },
  async dropPart(zip, random) {
    const path = pick(random, ['xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', ...Object.keys(zip.files).filter((p) => p.includes('worksheets/sheet'))]);
    zip.remove(path);
    return 'dropPart';
  },
};

/** Byte-level damage after packing: flipped bytes or a truncated file. */
function damageBytes(bytes: Uint8Array, random: Random): { bytes: Uint8Array; kind: string } {
  if (random() < 0.5) {
    const out = new Uint8Array(bytes);
    const flips = 1 + Math.floor(random() * 16);
    for (let i = 0; i < flips; i++) out[Math.floor(random() * out.length)] = Math.floor(random() * 256);
    return { bytes: out, kind: 'flipBytes' };
  }
  return { bytes: bytes.slice(0, Math.floor(random() * bytes.length)), kind: 'truncate' };
}

export async function mutate(base: Uint8Array, seed: number): Promise<{ bytes: Uint8Array; kinds: string[] }> {
  const random = seededRandom(seed);
  if (random() < 0.12) {
    const damaged = damageBytes(base, random);
    return { bytes: damaged.bytes, kinds: [damaged.kind] };
  }
  const zip = await JSZip.loadAsync(base);
  const kinds: string[] = [];
  const count = 1 + Math.floor(random() * 3);
  const names = Object.keys(MUTATIONS);
  for (let i = 0; i < count; i++) {
    const name = pick(random, names);
    kinds.push(await (MUTATIONS[name] as Mutation)(zip, random));
  }
  return { bytes: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), kinds };
}

/** A message a clerk can cause must be Chinese: these English words mean an error leaked through. */
const ENGLISH = /\b(?:Error|error|Invalid|invalid|Cannot|cannot|undefined|null|NaN|Unexpected|unexpected|failed|expected|is not|exceeds)\b/;

function sameData(a: Pick<ReportData, 'rows' | 'inputs'>, b: Pick<ReportData, 'rows' | 'inputs'>): boolean {
  const rows = (d: Pick<ReportData, 'rows'>) =>
    JSON.stringify(
      Object.entries(d.rows)
        .filter(([, c]) => c.length > 0)
        .map(([t, c]) => [t, [...c].sort()])
        .sort(),
    );
  const inputs = (d: Pick<ReportData, 'inputs'>) =>
    JSON.stringify(
      Object.entries(d.inputs)
        .filter(([, v]) => v !== 0)
        .sort(([x], [y]) => (x < y ? -1 : 1)),
    );
  return rows(a) === rows(b) && inputs(a) === inputs(b);
}

export interface FuzzOptions {
  pack: Pack;
  /** First seed; cases use seed, seed + 1, … */
  seed: number;
  cases: number;
  /** Called after each case (progress output of the script). */
  onCase?(index: number, counts: FuzzCounts): void;
}

export async function runImportFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const { pack, seed, cases } = options;
  const dir = await mkdtemp(join(tmpdir(), 'juesuan-fuzz-'));
  const counts: FuzzCounts = { total: 0, acceptedCorrect: 0, acceptedPartial: 0, refusedCleanly: 0, partialWrite: 0, over10s: 0, internalError: 0 };
  const failures: string[] = [];
  const kinds: Record<string, number> = {};
  let slowestMs = 0;
  let peakRssMb = 0;
  // Three real workbooks (元, 万元, blank zeros) of different reports; the database holds yet another.
  const bases: Uint8Array[] = [];
  for (const [i, wan] of [false, true, false].entries()) {
    const { data } = makeFullSizeReport(pack, 7 + i, 20);
    const engine = new ReportEngine(pack, data);
    bases.push(new Uint8Array(await exportWorkbook({ pack, engine, unit: UNIT, year: pack.year, texts: {}, options: { unit: wan ? '万元' : '元', blankZeros: i === 2 } })));
  }
  const held = makeFullSizeReport(pack, 99, 20).data;
  const store = await ReportStore.open(join(dir, 'fuzz.db'));
  try {
    for (let i = 0; i < cases; i++) {
      const caseSeed = seed + i;
      const { bytes, kinds: used } = await mutate(bases[caseSeed % bases.length] as Uint8Array, caseSeed);
      for (const k of used) kinds[k] = (kinds[k] ?? 0) + 1;
      await store.replaceReport({ unit: UNIT, year: pack.year, packId: pack.id, data: { ...held, texts: {} } });
      const sessions = new ReportSessions(store, [pack]);
      const ref = { unit: UNIT.code, year: pack.year };
      const reportId = (await store.findReport(UNIT.code, pack.year))?.id ?? 0;
      const before = await store.loadReportData(reportId);
      const label = `fuzz-${caseSeed}.xlsx`;
      const started = performance.now();
      let outcome: keyof FuzzCounts;
      let note = '';
      try {
        const plan = await planXlsxImport(sessions, ref, bytes, label);
        await commitXlsxImport(sessions, plan);
        const after = await store.loadReportData(reportId);
        const keptChanged = plan.keptValues.filter((v) => after.inputs[`${v.table}:${v.row}:${v.col}`] !== v.before);
        if (!sameData(after, plan.data) || keptChanged.length > 0) {
          outcome = 'partialWrite';
          note = keptChanged.length > 0 ? `${keptChanged.length} 个未能读取的单元格被改写` : '数据库与导入预览不一致';
        } else {
          // Every change between before and after is one the plan listed.
          const listed = new Set([...plan.newValues, ...plan.changedValues, ...plan.clearedValues].map((v) => `${v.table}:${v.row}:${v.col}`));
          const keys = new Set([...Object.keys(before.inputs), ...Object.keys(after.inputs)]);
          const unlisted = [...keys].filter((k) => (before.inputs[k] ?? 0) !== (after.inputs[k] ?? 0) && !listed.has(k));
          if (unlisted.length > 0) {
            outcome = 'partialWrite';
            note = `${unlisted.length} 处变化未在预览中列出`;
          } else outcome = plan.complete ? 'acceptedCorrect' : 'acceptedPartial';
        }
      } catch (err) {
        const after = await store.loadReportData(reportId);
        if (!(err instanceof AppError)) {
          outcome = 'internalError';
          note = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        } else if (ENGLISH.test(err.message.split(label).join('')) || err.message.includes('\n')) {
          outcome = 'internalError';
          note = err.message;
        } else if (!sameData(after, before)) {
          outcome = 'partialWrite';
          note = `拒绝后数据库被改动：${err.message}`;
        } else outcome = 'refusedCleanly';
      }
      const elapsed = performance.now() - started;
      slowestMs = Math.max(slowestMs, elapsed);
      peakRssMb = Math.max(peakRssMb, process.memoryUsage().rss / 1024 / 1024);
      if (elapsed > LIMIT_MS) {
        counts.over10s += 1;
        failures.push(`种子 ${caseSeed}（${used.join('+')}）：用时 ${(elapsed / 1000).toFixed(1)} 秒`);
      }
      counts[outcome] += 1;
      counts.total += 1;
      if (outcome === 'partialWrite' || outcome === 'internalError') failures.push(`种子 ${caseSeed}（${used.join('+')}）：${outcome} ${note}`);
      options.onCase?.(i, counts);
    }
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
  return { counts, failures, kinds, slowestMs, peakRssMb };
}
