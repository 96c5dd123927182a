/**
 * Saving a file the page made (an `<a download>` of a Blob: the 公开表 workbook, the 情况说明, the
 * audit report). The clerk picks the place in our own save dialog so the path can be checked first:
 * never onto the open database, its companions or any other SQLite file. Chromium then writes the
 * download under a temporary .crdownload name in the same folder and renames it when complete; if it
 * fails or is cancelled, that temporary is removed so nothing half-written is left behind.
 */
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserWindow, Dialog, DownloadItem, Session } from 'electron';
import { AppError } from '../../shared/api/errors';
import { assertSafeOutput } from '../services/files/outputGuard';

export interface DownloadDeps {
  dialog: Pick<Dialog, 'showSaveDialogSync' | 'showErrorBox'>;
  /** The folder the save dialog opens in first. */
  defaultFolder: () => string;
  window: () => BrowserWindow | null;
}

/** Chromium's name for a download in progress. */
export function partialDownloadPath(target: string): string {
  return `${target}.crdownload`;
}

export function handleDownload(item: DownloadItem, deps: DownloadDeps): void {
  const name = item.getFilename();
  const options = { title: '保存文件', defaultPath: join(deps.defaultFolder(), name), buttonLabel: '保存' };
  const win = deps.window();
  const chosen = win ? deps.dialog.showSaveDialogSync(win, options) : deps.dialog.showSaveDialogSync(options);
  if (chosen === undefined) {
    item.cancel();
    return;
  }
  let target: string;
  try {
    target = assertSafeOutput(chosen);
  } catch (err) {
    item.cancel();
    deps.dialog.showErrorBox('无法保存', err instanceof AppError ? err.message : `无法保存到“${chosen}”`);
    return;
  }
  item.setSavePath(target);
  item.once('done', (_event, state) => {
    if (state === 'completed') return;
    void unlink(partialDownloadPath(target)).catch(() => undefined);
    if (state === 'interrupted') deps.dialog.showErrorBox('保存失败', `文件“${target}”没有保存完整（可能磁盘已满或没有写入权限），已删除未完成的部分。请换一个位置再保存。`);
  });
}

export function guardDownloads(session: Pick<Session, 'on'>, deps: DownloadDeps): void {
  session.on('will-download', (_event, item) => handleDownload(item, deps));
}
