import type { Api, ApiInput, ApiMethod, ApiResults } from '../../../shared/api/contract';
import { API_METHODS } from '../../../shared/api/methods';
import { AppError } from '../../../shared/api/errors';
import { unwrap, type Envelope } from '../../../shared/api/envelope';
import type { BridgeApi } from '../../../shared/api/bridge';
import './bridge';

const TOKEN_KEY = 'juesuan.token';

/** The token of the web host: from `?token=` on first load, then from sessionStorage so a reload keeps working. */
function webToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function isEnvelope(body: unknown): body is Envelope<unknown> {
  return typeof body === 'object' && body !== null && 'ok' in body;
}

function fromBridge(bridge: BridgeApi): Api {
  const call = async <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResults[M]> => {
    const fn = bridge[method] as (i: ApiInput<M>) => Promise<Envelope<ApiResults[M]>>;
    return unwrap(await fn(input));
  };
  return buildApi(call);
}

function overHttp(): Api {
  const token = webToken();
  const call = async <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResults[M]> => {
    let response: Response;
    try {
      const body = JSON.stringify(input);
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Juesuan-Token': token },
        body,
        // A cell committed as the page unloads (reload, close) must still reach the store; the browser
        // keeps such a request alive only below 64 KB, which every edit is.
        keepalive: body.length < 60_000,
      });
    } catch {
      throw new AppError('无法连接到决算工作站的后台服务，请确认程序仍在运行');
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new AppError(`后台服务返回了无法识别的应答（HTTP ${response.status}）`);
    }
    if (!isEnvelope(body)) throw new AppError(`后台服务返回了无法识别的应答（HTTP ${response.status}）`);
    return unwrap(body as Envelope<ApiResults[M]>);
  };
  return buildApi(call);
}

type Caller = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiResults[M]>;

function buildApi(call: Caller): Api {
  // One loop over API_METHODS keeps every method of the contract covered as it grows; TypeScript
  // cannot follow a mapped type through a loop, hence the single cast at the end.
  const api: Partial<Record<ApiMethod, unknown>> = {};
  for (const method of API_METHODS) {
    api[method] = (input: ApiInput<typeof method>) => call(method, input);
  }
  return api as Api;
}

let instance: Api | null = null;

/** The one way the renderer reaches the back end: the Electron bridge when present, else the loopback web host. */
export function getApi(): Api {
  instance ??= window.juesuan ? fromBridge(window.juesuan) : overHttp();
  return instance;
}
