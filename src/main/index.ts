import { app, BrowserWindow, dialog } from 'electron';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InitialFile } from '../common/dto';
import { FileRegistry } from '../host/files';
import { AnalysisService } from '../host/service';
import { VerificationService } from '../host/verification';
import { defaultVulnDbPath } from '../host/vulndb-store';
import { registerIpc } from './ipc';
import { buildMenu, type MenuActions } from './menu';
import { SettingsStore } from './services/recent';
import { appPage } from './trusted-sender';
import { UserPaths } from './user-paths';
import { createMainWindow, hardenSession } from './window';

// Files named on the command line: `gobinscope-app FILE [FILE]` (Electron's own arguments are skipped).
function argvFiles(argv: string[]): string[] {
  return argv
    .slice(app.isPackaged ? 1 : 2)
    .filter((a) => !a.startsWith('-') && isFile(a))
    .map((a) => resolve(a));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | null = null;
// Paths never come from the page: only ids of paths the user gave (user-paths.ts).
const registry = new FileRegistry(false);
const page = appPage(fileURLToPath(new URL('.', import.meta.url)), process.env, app.isPackaged);
const initial: InitialFile[] = argvFiles(process.argv).map((p) => registry.register(p));

app.whenReady().then(() => {
  hardenSession();
  const settings = new SettingsStore(app.getPath('userData'));
  const service = new AnalysisService(new URL('./worker.js', import.meta.url), undefined, () => defaultVulnDbPath());
  const verifier = new VerificationService(new URL('./verify-worker.js', import.meta.url));
  mainWindow = createMainWindow(settings, page);
  const send = (files: InitialFile[]): void => mainWindow?.webContents.send('files:opened', { files });
  const actions: MenuActions = {
    open: async () => {
      const chosen = await dialog.showOpenDialog(mainWindow!, { properties: ['openFile', 'multiSelections'] });
      if (!chosen.canceled) send(chosen.filePaths.slice(0, 2).map((p) => registry.register(p)));
    },
    openPath: (path) => send([registry.register(path)]),
    command: (command) => mainWindow?.webContents.send('menu:command', { command }),
  };
  registerIpc({
    window: () => mainWindow,
    service,
    registry,
    settings,
    initial,
    userPaths: new UserPaths(registry, () => settings.recent()),
    page,
    vulnDb: () => defaultVulnDbPath(),
    verifier,
    onOpened: (path) => {
      settings.addRecent(path);
      if (mainWindow) buildMenu(mainWindow, settings, actions);
    },
  });
  buildMenu(mainWindow, settings, actions);
  app.on('second-instance', (_event, argv) => {
    const files = argvFiles(argv).map((p) => registry.register(p));
    if (files.length > 0) send(files);
    mainWindow?.focus();
  });
  app.on('before-quit', () => {
    void service.dispose();
    void verifier.dispose();
  });
});

app.on('window-all-closed', () => app.quit());
