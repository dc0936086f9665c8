import { existsSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron's binary is not installed here: a stand-in BrowserWindow records what the print asks of it.
const state = vi.hoisted(() => ({ windows: [] as FakeWindow[], loadedFiles: [] as string[] }));

interface FakeWindow {
  options: { show: boolean; webPreferences: Record<string, unknown> };
  loadedUrl: string | null;
  printOptions: unknown;
  destroyed: boolean;
}

vi.mock('electron', () => {
  class BrowserWindow {
    record: FakeWindow;
    webContents: Record<string, unknown>;
    constructor(options: FakeWindow['options']) {
      this.record = { options, loadedUrl: null, printOptions: null, destroyed: false };
      state.windows.push(this.record);
      this.webContents = {
        setWindowOpenHandler: () => undefined,
        on: () => undefined,
        printToPDF: async (printOptions: unknown) => {
          this.record.printOptions = printOptions;
          return Buffer.from('%PDF-1.4 fake');
        },
      };
    }
    async loadURL(url: string) {
      this.record.loadedUrl = url;
    }
    async loadFile(file: string) {
      state.loadedFiles.push(file);
      expect(existsSync(file)).toBe(true);
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  const fakeSession = {
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
    webRequest: { onBeforeRequest: () => undefined },
  };
  return { BrowserWindow, session: { fromPartition: () => fakeSession } };
});

const { printReportPdf } = await import('./pdf');

beforeEach(() => {
  state.windows.length = 0;
  state.loadedFiles.length = 0;
});

describe('printReportPdf', () => {
  it('prints A4 with the page CSS in a hidden, locked-down window, then closes it', async () => {
    const pdf = await printReportPdf('<!doctype html><p>report</p>');
    expect(Buffer.from(pdf).toString('latin1')).toBe('%PDF-1.4 fake');
    const [window] = state.windows;
    expect(window!.options.show).toBe(false);
    expect(window!.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
    });
    expect(window!.options.webPreferences['preload']).toBeUndefined();
    expect(window!.loadedUrl).toBe(
      `data:text/html;charset=utf-8,${encodeURIComponent('<!doctype html><p>report</p>')}`,
    );
    expect(window!.printOptions).toEqual({
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: false,
      preferCSSPageSize: true,
    });
    expect(window!.destroyed).toBe(true);
  });

  it('loads a report too long for a data: URL from a temporary file it removes afterwards', async () => {
    await printReportPdf(`<p>${'x'.repeat(2_000_000)}</p>`);
    expect(state.loadedFiles).toHaveLength(1);
    expect(existsSync(state.loadedFiles[0]!)).toBe(false);
    expect(state.windows[0]!.destroyed).toBe(true);
  });
});
