/** A real SQLite file with the yn-2020 pack and its consolidation roles, and the Api over it. */
import { join } from 'node:path';
import type { Api, ReportData, UnitKind } from '../../../../shared/api/contract';
import { createApi } from '../../../../electron/services/api';
import { loadRoles } from '../../../../electron/services/consolidate/loadRoles';
import { defaultPacksDir, loadPack } from '../../../../electron/services/packs/loadPack';
import { ReportSessions } from '../../../../electron/services/reportSessions';
import { jsonFileSettings } from '../../../../electron/services/settings/jsonFileSettings';
import { ReportStore } from '../../../../electron/services/store/reportStore';
import type { ConsolidationRoles } from '../../../../shared/consolidate/roles';
import type { Pack } from '../../../../shared/pack/model';

export interface Harness {
  api: Api;
  store: ReportStore;
  sessions: ReportSessions;
  file: string;
  close(): Promise<void>;
}

let loaded: { pack: Pack; roles: Map<string, ConsolidationRoles> } | null = null;

export async function yn2020(): Promise<{ pack: Pack; roles: Map<string, ConsolidationRoles> }> {
  if (!loaded) {
    const pack = await loadPack(join(defaultPacksDir(), 'yn-2020'));
    loaded = { pack, roles: await loadRoles(defaultPacksDir(), [pack]) };
  }
  return loaded;
}

export async function openHarness(file: string, packs?: Pack[]): Promise<Harness> {
  const { pack, roles } = await yn2020();
  const store = await ReportStore.open(file);
  const list = packs ?? [pack];
  const sessions = new ReportSessions(store, list);
  const api = createApi({ store, packs: list, settings: jsonFileSettings(`${file}.settings.json`), sessions, roles });
  return { api, store, sessions, file, close: () => sessions.serial(() => store.close()) };
}

export async function storeUnit(
  h: Harness,
  unit: { code: string; name: string; kind: UnitKind; parent: string | null },
  year: number,
  data: ReportData,
  packId = 'yn-2020',
): Promise<void> {
  await h.store.replaceReport({ unit, year, packId, data });
}
