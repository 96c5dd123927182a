/** What the two Excel commands share: the report they address and the services they open. */
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ReportRef } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { createServices, type Services } from '../../services/createServices';
import { defaultDbPath } from '../../services/paths';
import { optionalString, requireString, requireYear, type Parsed } from '../args';

export const REPORT_OPTIONS = { db: { type: 'string' }, packs: { type: 'string' }, unit: { type: 'string' }, year: { type: 'string' } } as const;

export interface Output {
  out(text: string): void;
}

export function reportRefOf(values: Parsed['values']): ReportRef {
  return { unit: requireString(values, 'unit'), year: requireYear(values) };
}

/** Opens the services on an existing database, runs `work`, and closes them. */
export async function withDatabase<T>(values: Parsed['values'], work: (s: Services) => Promise<T>): Promise<T> {
  const dbPath = resolve(optionalString(values, 'db') ?? defaultDbPath());
  try {
    await access(dbPath);
  } catch {
    throw new AppError(`数据库文件“${dbPath}”不存在`);
  }
  const services = await createServices({ dbPath, packsDir: optionalString(values, 'packs') });
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}
