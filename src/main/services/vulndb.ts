import { dialog, type BrowserWindow } from 'electron';
import type { Result } from '../../common/result';
import { fail, ok } from '../../common/result';
import type { VulnDbInfo } from '../../core/report/types';
import { importVulnDbPath } from '../../host/vulndb-import';

/** What the user may choose: a zip (vulndb.zip, an OSV zip) or the unpacked folder of one. */
type Kind = 'zip' | 'folder';

/**
 * Windows and Linux dialogs pick files or folders, never both (Electron shows a folder picker when asked for both),
 * so there the user says first which one they have; macOS offers both in one dialog.
 */
async function chooseKind(window: BrowserWindow | null): Promise<Kind | 'both' | null> {
  if (process.platform === 'darwin') return 'both';
  const options: Electron.MessageBoxOptions = {
    type: 'question',
    message: 'Import the Go vulnerability database from a zip file or from an unpacked folder?',
    buttons: ['Zip File…', 'Folder…', 'Cancel'],
    defaultId: 0,
    cancelId: 2,
  };
  const answer = await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
  return answer.response === 0 ? 'zip' : answer.response === 1 ? 'folder' : null;
}

async function choosePath(window: BrowserWindow | null): Promise<string | null> {
  const kind = await chooseKind(window);
  if (kind === null) return null;
  const options: Electron.OpenDialogOptions = {
    title: 'Import Vulnerability Database',
    properties: kind === 'folder' ? ['openDirectory'] : kind === 'zip' ? ['openFile'] : ['openFile', 'openDirectory'],
    filters: kind === 'folder' ? [] : [{ name: 'Vulnerability database', extensions: ['zip', 'json'] }],
  };
  const chosen = await (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options));
  return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
}

/**
 * Asks for a database and imports it into the data folder the CLI uses (XDG_DATA_HOME/gobinscope), so the app, the
 * CLI and serve mode share one import. Null when the user cancelled; the next analysis reads the new index.
 */
export async function importVulnDbFromDialog(
  window: BrowserWindow | null,
  upload: string | null,
): Promise<Result<VulnDbInfo | null>> {
  if (upload !== null) return fail('UNSUPPORTED', 'The desktop app imports from its own dialog, not from uploads.');
  const path = await choosePath(window);
  if (path === null) return ok(null);
  return importVulnDbPath(path);
}
