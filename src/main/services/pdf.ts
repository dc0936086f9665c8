import { BrowserWindow, session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The app's "Save PDF": the report HTML printed by the same Chromium that renders the app, in a hidden window
 * that can run nothing and reach nothing. The CLI prints the same HTML with a headless Chromium, so both PDFs match.
 */

/** An in-memory session of its own: the print never shares cookies, cache or permissions with the app. */
const PRINT_PARTITION = 'gobinscope-print';
/** Chromium refuses URLs longer than 2 MiB; a larger report is loaded from a private temporary file instead. */
const MAX_DATA_URL_CHARS = 1_500_000;
/** How long loading and printing may take before the window is given up. */
const PRINT_TIMEOUT_MS = 60_000;

function lockedSession(): Electron.Session {
  const printSession = session.fromPartition(PRINT_PARTITION);
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  printSession.setPermissionCheckHandler(() => false);
  // The report is self-contained: anything it asks the network for is refused.
  printSession.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !/^(data|file|about):/.test(details.url) }),
  );
  return printSession;
}

function hiddenWindow(): BrowserWindow {
  const window = new BrowserWindow({
    show: false,
    width: 794, // A4 at 96 dpi: what the layout sees before the print settings take over.
    height: 1123,
    webPreferences: {
      session: lockedSession(),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      images: false,
    },
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  return window;
}

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} took longer than ${PRINT_TIMEOUT_MS / 1000} s`)),
      PRINT_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Loads the report as a data: URL, or from `dir` when it is too long for one. */
async function loadReport(window: BrowserWindow, html: string, dataUrl: string, dir: string | null): Promise<void> {
  if (!dir) return window.loadURL(dataUrl);
  const file = join(dir, 'report.html');
  await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
  return window.loadFile(file);
}

/** Prints a report made by renderReportHtml to A4 PDF bytes, honouring its @page rules (footer, page numbers). */
export async function printReportPdf(html: string): Promise<Uint8Array> {
  const dataUrl = `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
  const tempDir = dataUrl.length > MAX_DATA_URL_CHARS ? await mkdtemp(join(tmpdir(), 'gobinscope-print-')) : null;
  const window = hiddenWindow();
  try {
    await withTimeout(loadReport(window, html, dataUrl, tempDir), 'Loading the report');
    const pdf = await withTimeout(
      window.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        displayHeaderFooter: false,
        preferCSSPageSize: true,
      }),
      'Printing the report',
    );
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    window.destroy();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  }
}
