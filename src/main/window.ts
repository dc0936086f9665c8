import { BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDocumentationLink } from './external-links';
import type { SettingsStore } from './services/recent';
import { pageToLoad, type AppPage } from './trusted-sender';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Locks down the default session: no permissions, no navigation away, no new windows. */
export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export function createMainWindow(settings: SettingsStore, page: AppPage): BrowserWindow {
  const { width, height } = settings.windowState();
  const window = new BrowserWindow({
    width,
    height,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Gobinscope',
    backgroundColor: '#1b1d22',
    icon: join(here, '../../resources/icon.png'),
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // A middle click would otherwise open links in a new window without going through the open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  window.on('resize', () => {
    const [w, h] = window.getSize();
    settings.setWindowState({ width: w!, height: h! });
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isDocumentationLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  // The IPC handlers accept exactly this URL (trusted-sender.ts), so the page is loaded by it.
  void window.loadURL(pageToLoad(page));
  return window;
}
