/**
 * One Api call from an untrusted transport (HTTP body, IPC message): the method name is checked, the
 * input validated against its schema, and the outcome wrapped in an Envelope.
 */
import { API_METHODS, type Api, type ApiInput, type ApiMethod, type ApiResults } from '../../shared/api/contract';
import { toEnvelope, type Envelope } from '../../shared/api/envelope';
import { parseApiInput } from '../../shared/api/validate';
import { asClerkError } from './clerkError';

export function isApiMethod(name: string): name is ApiMethod {
  const methods: readonly string[] = API_METHODS;
  return methods.includes(name);
}

function invoke<M extends ApiMethod>(api: Api, method: M, input: ApiInput<M>): Promise<ApiResults[M]> {
  const handler: (input: ApiInput<M>) => Promise<ApiResults[M]> = api[method];
  return handler(input).catch((err: unknown) => Promise.reject(asClerkError(err)));
}

export function dispatch<M extends ApiMethod>(api: Api, method: M, raw: unknown): Promise<Envelope<ApiResults[M]>> {
  return toEnvelope(() => invoke(api, method, parseApiInput(method, raw)));
}
