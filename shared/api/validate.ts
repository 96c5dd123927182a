import type { z } from 'zod';
import { apiSchemas, type ApiInput, type ApiMethod } from './contract';
import { AppError } from './errors';

/** Validates a transport's raw input against the method's schema; a failure is an AppError in Chinese. */
export function parseApiInput<M extends ApiMethod>(method: M, raw: unknown): ApiInput<M> {
  const schema = apiSchemas[method] as z.ZodType<ApiInput<M>>;
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.join('.') || '输入';
  throw new AppError(`请求参数无效（${path}）：${issue?.message ?? '格式不正确'}`);
}
