/**
 * One IPC handler per Api method. Each checks that the sender is our own page in the window's top
 * frame (not a subframe, not another site the window was somehow taken to), then hands the raw input
 * to the same dispatcher the web host uses: schema validation, the Api call, an envelope back
 * (Electron's IPC would drop an AppError's place if we threw it).
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ipcChannel } from '../../shared/api/bridge';
import type { Api } from '../../shared/api/contract';
import { API_METHODS } from '../../shared/api/methods';
import { dispatch } from '../services/dispatch';

export const UNKNOWN_SENDER = '拒绝来自未知页面的请求';

/** The sender's frame, reduced to what the check needs (so tests can describe one). */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

export function isTrustedSender(frame: SenderFrame | null | undefined, isOwnPage: (url: string) => boolean): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isOwnPage(frame.url);
}

export function registerApiHandlers(api: Api, isOwnPage: (url: string) => boolean): void {
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), (event: IpcMainInvokeEvent, raw: unknown) => {
      if (!isTrustedSender(event.senderFrame, isOwnPage)) {
        return { ok: false, error: { message: UNKNOWN_SENDER } };
      }
      return dispatch(api, method, raw);
    });
  }
}
