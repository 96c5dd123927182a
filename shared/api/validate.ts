import type { z } from 'zod';
import { apiSchemas, type ApiInput, type ApiMethod } from './contract';
import { AppError } from './errors';
import { findForbiddenKey } from './forbiddenKeys';

/** Validates a transport's raw input against the method's schema; a failure is an AppError in Chinese. */
export function parseApiInput<M extends ApiMethod>(method: M, raw: unknown): ApiInput<M> {
  // Indexing the schema map by a generic key loses the pairing of method and schema; the result is
  // the schema's own output type, which is ApiInput<M> by definition.
  const forbidden = findForbiddenKey(raw);
  if (forbidden !== null) throw new AppError(`请求参数无效（${forbidden}）：不允许使用名称“${forbidden.split('.').pop()}”`);
  const schema: z.ZodType = apiSchemas[method];
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data as ApiInput<M>;
  const issue = result.error.issues[0];
  const path = issue?.path.join('.') || '输入';
  throw new AppError(`请求参数无效（${path}）：${issue?.message ?? '格式不正确'}`);
}
