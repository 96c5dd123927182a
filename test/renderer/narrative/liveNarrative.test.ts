/**
 * The renderer's live 情况说明 over the real services (a temp SQLite file, the yn-2020 pack) and the
 * real ReportSession: the text follows committed edits, texts are stored before they are shown,
 * typed 上年数 switch the source, rewrites are checked, and the checks map to audit 提示 results.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../electron/services/createServices';
import { ReportSession } from '../../../renderer/src/app/reportSession';
import { LiveNarrative } from '../../../renderer/src/narrative/liveNarrative';
import type { Api } from '../../../shared/api/contract';
import { parseApiInput } from '../../../shared/api/validate';
import { blockText } from '../../../shared/narrative/document';

const ROOT = resolve(import.meta.dirname, '../../..');
let dir: string;
let services: Services;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'juesuan-narrative-'));
  services = await createServices({ dbPath: join(dir, 'r.sqlite'), packsDir: join(ROOT, 'resources/packs'), settingsFile: join(dir, 's.json') });
  await services.api.addUnit({ code: '001', name: '测试局', kind: '行政单位' });
});

afterEach(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

async function open() {
  // Inputs validated as every transport does (IPC, web host), so a bad text key is refused.
  const api: Api = { ...services.api, setTexts: (input) => services.api.setTexts(parseApiInput('setTexts', input)) };
  const snapshot = await api.openReport({ unit: '001', year: 2020 });
  const pack = await api.getPack({ packId: snapshot.packId });
  const session = new ReportSession(api, pack, snapshot.unit, 2020, snapshot);
  if (!pack.narrative) throw new Error('yn-2020 has no narrative template');
  const live = new LiveNarrative(api, session, pack.narrative);
  live.load(snapshot.texts, null);
  await session.addRows('T03', ['2010301']);
  return { session, live };
}

const paragraph = (live: LiveNarrative, id: string) => {
  const block = live.snapshot().doc.blocks.find((b) => b.id === id);
  return block ? blockText(block) : '';
};

describe('LiveNarrative', () => {
  it('follows committed edits, and tells subscribers without rebuilding until read', async () => {
    const { session, live } = await open();
    let told = 0;
    live.subscribe(() => told++);
    await session.commit([
      { table: 'T03', row: '2010301', col: 'c2', value: 300_000 },
      { table: 'T03', row: '2010301', col: 'c3', value: 100_000 },
    ]);
    expect(told).toBeGreaterThan(0);
    const before = live.snapshot();
    expect(live.snapshot()).toBe(before);
    expect(paragraph(live, 'expense')).toContain('支出合计4000.00元。其中：基本支出3000.00元，占总支出的75.00%');
    await session.commit([{ table: 'T03', row: '2010301', col: 'c2', value: 500_000 }]);
    expect(live.snapshot()).not.toBe(before);
    expect(paragraph(live, 'expense')).toContain('支出合计6000.00元。其中：基本支出5000.00元，占总支出的83.33%');
  });

  it('stores texts before showing them; options and typed 上年数 take effect', async () => {
    const { session, live } = await open();
    await session.commit([{ table: 'T03', row: '2010301', col: 'c2', value: 500_000 }]);
    expect(live.snapshot().lastYear).toEqual({ kind: 'none' });
    await live.saveTexts({ 'prev.T03.TOTAL.c2': '4000', 'narrative.option.unit': '万元', 'narrative.mainDuties': '负责政务服务。' });
    const view = live.snapshot();
    expect(view.lastYear).toEqual({ kind: 'typed' });
    expect(view.options.unit).toBe('万元');
    expect(paragraph(live, 'basic')).toContain('日常支出0.50万元。与上年对比增加0.10万元，增长25.00%');
    expect(paragraph(live, 'duties')).toBe('负责政务服务。');
    const stored = await services.api.openReport({ unit: '001', year: 2020 });
    expect(stored.texts['prev.T03.TOTAL.c2']).toBe('4000');
    await expect(live.saveTexts({ 'Bad Key': 'x' })).rejects.toThrow();
    expect(live.snapshot().texts['Bad Key']).toBeUndefined();
  });

  it('checks a rewrite against the tables, naming the cells behind the figure', async () => {
    const { session, live } = await open();
    await session.commit([{ table: 'T03', row: '2010301', col: 'c2', value: 500_000 }]);
    const generated = paragraph(live, 'expense');
    await live.saveTexts({ 'narrative.edit.expense': generated.replace('支出合计5000.00元', '支出合计5500.00元') });
    const checks = live.snapshot().checks.filter((c) => c.paragraphId === 'expense');
    expect(checks.map((c) => c.message)).toContain('情况说明“支出决算情况说明”：“5500.00元”与报表不符，应为“5000.00元”');
    expect(checks.find((c) => c.message.includes('5500.00元'))).toMatchObject({ id: 'N-2', level: '提示', cells: ['T03:TOTAL:c1'] });
  });
});
