/**
 * A complete report for the narrative tests, on the real yn-2020 pack and its real template:
 * 收入 6442713.85 元 all 财政拨款; 支出 by two 类; T06, T09 (三公 with counts), T10; 上年数 typed.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadPack } from '../../../electron/services/packs/loadPack';
import { ReportEngine } from '../../../shared/engine/reportEngine';
import type { Pack } from '../../../shared/pack/model';
import { generateNarrative, type NarrativeOptions } from '../../../shared/narrative/generate';
import { lastYearFromTexts } from '../../../shared/narrative/lastYear';
import type { NarrativeTemplate } from '../../../shared/narrative/template';
import { validateTemplate } from '../../../shared/narrative/validateTemplate';
import type { NarrativeDoc } from '../../../shared/narrative/document';

export const packDir = fileURLToPath(new URL('../../../resources/packs/yn-2020', import.meta.url));
export const templateFile = fileURLToPath(new URL('../../../resources/packs/yn-2020/narrative/template.json', import.meta.url));

export async function loadFixturePack(): Promise<{ pack: Pack; template: NarrativeTemplate; json: unknown }> {
  const pack = await loadPack(packDir);
  const json: unknown = JSON.parse(await readFile(templateFile, 'utf8'));
  return { pack, template: validateTemplate(json, templateFile, pack), json };
}

/** 元 → 分 for readability of the fixtures. */
const y = (yuan: number): number => Math.round(yuan * 100);

export const FULL_ROWS = { T02: ['2010301'], T03: ['2010301', '2080505'], T05: ['2010301', '2080505'] };

export const FULL_INPUTS: Record<string, number> = {
  'T02:2010301:c2': y(6442713.85),
  'T04:I01:c1': y(6442713.85),
  'T03:2010301:c2': y(4000000),
  'T03:2010301:c3': y(1500000),
  'T03:2080505:c2': y(942713.85),
  'T05:2010301:c4': y(4000000),
  'T05:2010301:c5': y(1500000),
  'T05:2080505:c4': y(942713.85),
  'T06:30101:c1': y(3500000),
  'T06:30108:c1': y(942713.85),
  'T06:30201:c1': y(300000),
  'T06:30211:c1': y(150000),
  'T06:31002:c1': y(50000),
  'T09:SGABR:c1': y(20000),
  'T09:SGABR:c2': y(15000),
  'T09:SGCARBUY:c1': y(0),
  'T09:SGCAROPS:c1': y(40000),
  'T09:SGCAROPS:c2': y(36000.5),
  'T09:SGRECDOM:c1': y(10000),
  'T09:SGRECDOM:c2': y(8000),
  'T09:SGRECFA:c2': y(1000),
  'T09:OPEX:c2': y(500000),
  'T09:NABRGRP:c2': 1,
  'T09:NABRPER:c2': 3,
  'T09:NCARHOLD:c2': 2,
  'T09:NDOMBAT:c2': 12,
  'T09:NFABAT:c2': 1,
  'T09:NDOMPER:c2': 85,
  'T09:NFAPER:c2': 4,
  'T10:TOTAL:c2': y(800000),
  'T10:TOTAL:c5': y(300000),
  'T10:TOTAL:c7': y(450000.25),
};

export const FULL_TEXTS: Record<string, string> = {
  'narrative.mainDuties': '负责全县政务服务管理工作。',
  'narrative.keyTasks': '推进“一网通办”。',
  'narrative.incomeReason': '人员经费增加',
  'narrative.expenseReason': '人员经费增加',
  'narrative.basicReason': '新增人员',
  'narrative.gpbReason': '人员经费增加',
  'narrative.sgBudgetReason': '厉行节约',
  'narrative.sgYoyReason': '严控公务出行',
  'narrative.projectPerformance': '项目自评得分95分。',
  'narrative.deptPerformance': '部门整体自评得分96分。',
  'info.unitCount': '2',
  'info.unitAdmin': '1',
  'info.unitCivil': '0',
  'info.unitOther': '1',
  'info.unitNames': '某某县政务服务管理局（本级）\n某某县政务服务中心',
  'purchase.goods': '120,000.00',
  'purchase.works': '0',
  'purchase.services': '80000',
  'purchase.sme': '150000',
  'prev.T01.ISUM.c1': '6000000',
  'prev.T03.TOTAL.c1': '6000000',
  'prev.T03.TOTAL.c2': '4942713.85',
  'prev.T03.TOTAL.c3': '1500000',
  'prev.T05.TOTAL.c3': '6442713.85',
  'prev.T09.SG.c2': '70000',
  'prev.T09.SGABR.c2': '15000',
  'prev.T09.SGCAR.c2': '40000',
  'prev.T09.SGREC.c2': '15000',
  'prev.T09.OPEX.c2': '520000',
  'prev.T06.30201.c1': '320000',
  'prev.T06.30211.c1': '150000',
  'prev.T06.31002.c1': '50000',
  'prev.T10.TOTAL.c1': '1500000',
  'prev.T10.TOTAL.c3': '750000.25',
};

export interface Build {
  rows?: Record<string, string[]>;
  inputs?: Record<string, number>;
  texts?: Record<string, string>;
  options?: Partial<NarrativeOptions>;
  unitName?: string;
}

export function build(pack: Pack, template: NarrativeTemplate, b: Build = {}): NarrativeDoc {
  const engine = new ReportEngine(pack, { rows: b.rows ?? FULL_ROWS, inputs: b.inputs ?? FULL_INPUTS });
  const texts = b.texts ?? FULL_TEXTS;
  return generateNarrative({
    template,
    report: engine,
    unitName: b.unitName ?? '某某县政务服务管理局',
    year: 2020,
    texts,
    lastYear: lastYearFromTexts(texts, (t, r) => engine.row(t, r)?.kind ?? 'money'),
    options: { unit: '元', zeroItems: 'all', ...b.options },
  });
}

export function paragraph(doc: NarrativeDoc, id: string): string {
  const block = doc.blocks.find((x) => x.type === 'paragraph' && x.id === id);
  if (!block) throw new Error(`no paragraph ${id}`);
  return block.runs.map((r) => r.text).join('');
}
