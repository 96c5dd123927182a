/**
 * Placing a printed 部门汇总 in time: a department of 20 full-size units is fingerprinted ("printed"),
 * then every unit gets 50 journalled edits (and the 调整表 a few), and the printed fingerprint is
 * looked up on the merged history — undoing about 1,000 batches one at a time, consolidating and
 * fingerprinting the department at each point. Also the same through `verify` (the Api), and a
 * fingerprint that never existed (the whole timeline read).
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
import { findDeptHistoryPoint } from '../../electron/services/deptFingerprintHistory';
import { fingerprintOf } from '../../electron/services/print/printService';
import type { Pack } from '../../shared/pack/model';
import { generateDept } from '../../test/electron/services/consolidate/deptFixture';
import { ms, printFigures, timed } from './stats';

const UNITS = 20;
const BATCHES_PER_UNIT = 50;

export async function benchDeptHistory(basePack: Pack): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-bench-depthist-'));
  try {
    const { pack, units } = generateDept(basePack, { units: UNITS, seed: 9, items: 300 });
    let clock = Date.parse('2026-11-28T08:00:00Z');
    const store = await ReportStore.open(join(dir, 'dept.sqlite'));
    store.now = () => new Date(clock);
    const sessions = new ReportSessions(store, [pack]);
    const api = createApi({ store, packs: [pack], settings: jsonFileSettings(join(dir, 'settings.json')), sessions, roles: await loadRoles(defaultPacksDir(), [basePack]) });
    const s = { store, sessions, api };
    try {
      for (const u of units) await s.store.replaceReport({ unit: u, year: pack.year, packId: pack.id, data: u.data });
      const dept = { unit: 'D', year: pack.year, consolidated: true };
      clock += 60_000;
      const printed = fingerprintOf(await s.sessions.open(dept)).fingerprint;
      const line = (await s.api.consolidationView({ unit: 'D', year: pack.year })).lines[0];
      for (let b = 0; b < BATCHES_PER_UNIT; b++) {
        for (const [i, u] of units.entries()) {
          clock += 1_000;
          const rows = u.data.rows.T03 ?? [];
          const edits = [0, 1, 2].map((k) => ({ table: 'T03', row: rows[(b * 3 + k) % rows.length]!, col: 'c2', value: 1_000 + b * 100 + i * 10 + k }));
          await s.api.setCells({ unit: u.code, year: pack.year, edits });
        }
        if (line && b % 10 === 0) {
          clock += 1_000;
          await s.api.setAdjustment({ unit: 'D', year: pack.year, key: line.key, amount: line.amount + b + 1 });
        }
      }
      let found = await findDeptHistoryPoint(s.sessions, 'D', pack.year, printed);
      const walk = await timed(async () => {
        found = await findDeptHistoryPoint(s.sessions, 'D', pack.year, printed);
      });
      const verify = await timed(() => s.api.verifyFingerprint({ ...dept, fingerprint: printed }));
      let none = await findDeptHistoryPoint(s.sessions, 'D', pack.year, '0000ABCD');
      const whole = await timed(async () => {
        none = await findDeptHistoryPoint(s.sessions, 'D', pack.year, '0000ABCD');
      });
      const cells = units.reduce((n, u) => n + Object.keys(u.data.inputs).length, 0);
      printFigures(`部门汇总的数据指纹对照修改记录（${UNITS} 个单位 × ${BATCHES_PER_UNIT} 批修改，${cells.toLocaleString('en')} 个录入单元格）`, [
        { what: `找到打印时的时点（回溯 ${(found?.compared ?? 1) - 1} 批${found?.found ? '，找到' : '，未找到'}）`, value: ms(walk) },
        { what: '同上，经 verify（Api）', value: ms(verify) },
        { what: `从未有过的指纹（读完全部 ${none?.batches ?? 0} 批）`, value: ms(whole) },
        { what: '每回溯一批（平均）', value: ms(walk / Math.max(1, (found?.compared ?? 2) - 1)) },
      ]);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
