import type { ApiInput, ApiMethod, ApiResults } from './contract';
import type { Envelope } from './envelope';

/** What the Electron preload exposes as `window.juesuan`: one function per Api method, results as envelopes. */
export type BridgeApi = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<Envelope<ApiResults[M]>> };

/** The IPC channel of a method. */
export function ipcChannel(method: ApiMethod): string {
  return `api:${method}`;
}
