/**
 * What crosses a transport (IPC, HTTP): a result or a clerk-readable error. Electron's IPC keeps
 * only an Error's message, so errors travel as data and are re-thrown as AppError on the far side.
 */
import { AppError, type Where } from './errors';

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { message: string; where?: Where } };

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new AppError(envelope.error.message, envelope.error.where);
}

/** Runs a handler and turns an AppError (or a schema failure already turned into one) into an envelope. Other errors are bugs: their text is not shown raw to the clerk. */
export async function toEnvelope<T>(run: () => Promise<T>): Promise<Envelope<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err.toJSON() };
    return { ok: false, error: { message: `内部错误：${err instanceof Error ? err.message : String(err)}` } };
  }
}
