/**
 * Electron's security checklist, applied to every web contents and the session: no navigation away
 * from our page (links, redirects, subframes), no new windows, no <webview>, every permission refused,
 * and shell.openExternal only for a checked https address.
 */
import type { Session, Shell, WebContents } from 'electron';
import { APP_ORIGIN, PAGE_URL } from './appProtocol';

/** Our page (any query or hash on it), in the top frame's sense of URL. */
export function isAppPageUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN && parsed.pathname === new URL(PAGE_URL).pathname;
  } catch {
    return false;
  }
}

/**
 * What a subframe may show besides our page: content our own page made (a blob of our origin, e.g. a
 * print preview) or wrote inline (srcdoc). Never another site or a file.
 */
export function isOwnSubframeUrl(url: string): boolean {
  return isAppPageUrl(url) || url === 'about:srcdoc' || url === 'about:blank' || url.startsWith(`blob:${APP_ORIGIN}/`);
}

/**
 * An address the clerk's browser may open: https only (no file:, smb:, javascript:, custom
 * handlers that could start programs), a real host name, no user name or password in it.
 */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  // A dotted host name ending in a letter label: no IP literal, no bare `localhost`.
  return /^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+([a-z]{2,}|xn--[a-z0-9-]+)$/i.test(parsed.hostname) && url.length <= 2048;
}

/** Navigation to anything but our page is stopped, whether by a link, a script, a redirect or a subframe. */
export function hardenWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  contents.on('will-navigate', (event) => {
    if (!isAppPageUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppPageUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!(event.isMainFrame ? isAppPageUrl(event.url) : isOwnSubframeUrl(event.url))) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Every permission (camera, notifications, clipboard-read, HID, …) is refused, asked or checked. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
