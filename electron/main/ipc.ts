/**
 * One IPC handler per Api method. Each checks that the sender is our own page, then hands the raw
 * input to the same dispatcher the web host uses: schema validation, the Api call, an envelope back
 * (Electron's IPC would drop an AppError's place if we threw it).
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ipcChannel } from '../../shared/api/bridge';
import type { Api } from '../../shared/api/contract';
import { API_METHODS } from '../../shared/api/methods';
import { dispatch } from '../services/dispatch';

export function registerApiHandlers(api: Api, isOwnPage: (url: string) => boolean): void {
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), (event: IpcMainInvokeEvent, raw: unknown) => {
      if (!isOwnPage(event.senderFrame?.url ?? '')) {
        return { ok: false, error: { message: '拒绝来自未知页面的请求' } };
      }
      return dispatch(api, method, raw);
    });
  }
}
