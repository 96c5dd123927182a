/**
 * 部门汇总 figures: departments of 10, 100 and 1,000 full-size units in a real SQLite file — the
 * consolidated report opened from scratch (SQLite sums, 调整表, engine), and kept current after one
 * unit's edit (the unit's write, then the department opened again). Each department is also checked
 * cell by cell against Σ of its units' own figures − the 调整表, both worked out without the
 * consolidation code (the test suite does the same at 100 units).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '../../electron/services/api';
import { loadRoles } from '../../electron/services/consolidate/loadRoles';
import { defaultPacksDir } from '../../electron/services/packs/loadPack';
import { ReportSessions } from '../../electron/services/reportSessions';
import { jsonFileSettings } from '../../electron/services/settings/jsonFileSettings';
import { ReportStore } from '../../electron/services/store/reportStore';
import type { Pack } from '../../shared/pack/model';
import { generateDept } from '../../test/electron/services/consolidate/deptFixture';
import { compareConsolidated } from '../../test/electron/services/consolidate/independentSum';
import { ReportEngine } from '../../shared/engine/reportEngine';
import { NO_ROLES } from '../../shared/consolidate/roles';
import { ms, printFigures, quantile, timed } from './stats';

async function department(basePack: Pack, size: number, dir: string) {
  const { pack, units } = generateDept(basePack, { units: size, seed: 7, items: 300 });
  const file = join(dir, `dept-${size}.sqlite`);
  const store = await ReportStore.open(file);
  for (const u of units) await store.replaceReport({ unit: { code: u.code, name: u.name, kind: u.kind, parent: u.parent }, year: pack.year, packId: pack.id, data: u.data });
  const cells = units.reduce((s, u) => s + Object.keys(u.data.inputs).length, 0);
  return { pack, units, store, file, cells };
}

export async function benchConsolidation(basePack: Pack): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-bench-dept-'));
  const roles = await loadRoles(defaultPacksDir(), [basePack]);
  const figures = [];
  try {
    for (const size of [10, 100, 1000]) {
      const { pack, units, store, cells } = await department(basePack, size, dir);
      try {
        const open = async () => {
          const sessions = new ReportSessions(store, [pack]);
          const api = createApi({ store, packs: [pack], settings: jsonFileSettings(join(dir, 'settings.json')), sessions, roles });
          return api;
        };
        const cold: number[] = [];
        const cpu: number[] = [];
        let api = await open();
        for (let i = 0; i < 3; i++) {
          api = await open();
          // CPU time of the whole process (SQLite works on a thread of it): the figure a loaded machine moves least.
          const before = process.cpuUsage();
          cold.push(await timed(() => api.openReport({ unit: 'D', year: pack.year, consolidated: true })));
          const used = process.cpuUsage(before);
          cpu.push((used.user + used.system) / 1000);
        }
        const view = await api.consolidationView({ unit: 'D', year: pack.year });
        const snapshot = await api.openReport({ unit: 'D', year: pack.year, consolidated: true });
        const check = compareConsolidated(pack, roles.get(pack.id) ?? NO_ROLES, new ReportEngine(pack, { rows: snapshot.rows, inputs: snapshot.inputs }), units);
        for (const m of check.mismatches) console.error(`  不符：${m.key} 汇总 ${m.got}，应为 ${m.expected}`);
        const live: number[] = [];
        const unit = units[Math.min(1, units.length - 1)]!;
        const row = unit.data.rows.T03![0]!;
        for (let i = 0; i < 30; i++) {
          live.push(
            await timed(async () => {
              await api.setCells({ unit: unit.code, year: pack.year, edits: [{ table: 'T03', row, col: 'c4', value: 1000 + i }] });
              await api.openReport({ unit: 'D', year: pack.year, consolidated: true });
            }),
          );
        }
        figures.push(
          { what: `${size} 个单位（${cells.toLocaleString('en')} 个录入单元格，调整表 ${view.lines.length} 项）：打开部门汇总`, value: ms(quantile(cold, 0.5)), target: size === 1000 ? '< 2 s，争取 1 s' : undefined },
          { what: `${size} 个单位：打开部门汇总所用 CPU 时间（中位数）`, value: ms(quantile(cpu, 0.5)) },
          { what: `${size} 个单位：单位修改一格后部门汇总更新（含落盘，中位数）`, value: ms(quantile(live, 0.5)), target: '< 50 ms' },
          { what: `${size} 个单位：逐格核对 汇总 = Σ单位 − 调整表（${check.cells.toLocaleString('en')} 格）`, value: `不符 ${check.mismatchCount} 格` },
        );
      } finally {
        await store.close();
      }
    }
    printFigures('部门汇总（满规模单位报表，真实 SQLite 文件）', figures);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
