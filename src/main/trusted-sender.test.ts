import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appPage, isAppPageUrl, isFromAppWindow, pageToLoad, type FrameLike } from './trusted-sender';

const MAIN_DIR = '/opt/Gobinscope/resources/app.asar/out/main/';
const FILE_URL = 'file:///opt/Gobinscope/resources/app.asar/out/renderer/index.html';

describe('the app page', () => {
  it('is the bundled renderer next to the main bundle', () => {
    const page = appPage(MAIN_DIR, {}, true);
    expect(page).toEqual({ fileUrl: FILE_URL, devUrl: null });
    expect(pageToLoad(page)).toBe(FILE_URL);
    expect(page.fileUrl).toBe(pathToFileURL(join(MAIN_DIR, '../renderer/index.html')).href);
  });

  it('is the dev server only in development: a packaged app ignores ELECTRON_RENDERER_URL', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(appPage(MAIN_DIR, env, false).devUrl).toBe('http://localhost:5173/');
    expect(appPage(MAIN_DIR, env, true).devUrl).toBeNull();
    expect(appPage(MAIN_DIR, { ...env, GOBINSCOPE_PACKAGED: '1' }, false).devUrl).toBeNull();
  });

  it('matches exactly: other file:// pages and look-alike origins are not it', () => {
    const page = appPage(MAIN_DIR, { ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false);
    expect(isAppPageUrl(FILE_URL, page)).toBe(true);
    expect(isAppPageUrl('http://localhost:5173/', page)).toBe(true);
    expect(isAppPageUrl('http://localhost:5173', page)).toBe(true);
    expect(isAppPageUrl('file:///tmp/report.html', page)).toBe(false);
    expect(isAppPageUrl(`${FILE_URL}/../../x.html`, page)).toBe(false);
    expect(isAppPageUrl('file:///opt/Gobinscope/resources/app.asar/out/renderer/evil.html', page)).toBe(false);
    expect(isAppPageUrl('http://localhost:5173.evil.example/', page)).toBe(false);
    expect(isAppPageUrl('http://localhost:51730/', page)).toBe(false);
    expect(isAppPageUrl('http://localhost:5173/other.html', page)).toBe(false);
    expect(isAppPageUrl('not a url', page)).toBe(false);
  });
});

describe('requests are trusted only from the main frame of our window on our page', () => {
  const page = appPage(MAIN_DIR, {}, true);
  const mainFrame: FrameLike = { url: FILE_URL, processId: 4, routingId: 1, parent: null };
  const webContents = { mainFrame };
  const window = { isDestroyed: () => false, webContents };

  it('accepts the main frame', () => {
    expect(isFromAppWindow({ sender: webContents, senderFrame: mainFrame }, window, page)).toBe(true);
  });

  it.each([
    ['an iframe of the page', { ...mainFrame, routingId: 2, parent: mainFrame }],
    ['a frame in another process', { ...mainFrame, processId: 9 }],
    ['the main frame after it navigated to another file', { ...mainFrame, url: 'file:///tmp/dropped.html' }],
    ['the main frame on a web page', { ...mainFrame, url: 'https://example.com/' }],
  ])('refuses %s', (_label, frame) => {
    expect(isFromAppWindow({ sender: webContents, senderFrame: frame }, window, page)).toBe(false);
  });

  it('refuses another window, a missing frame, and a closed or missing window', () => {
    const other = { mainFrame: { ...mainFrame } };
    expect(isFromAppWindow({ sender: other, senderFrame: other.mainFrame }, window, page)).toBe(false);
    expect(isFromAppWindow({ sender: webContents, senderFrame: null }, window, page)).toBe(false);
    const closed = { ...window, isDestroyed: () => true };
    expect(isFromAppWindow({ sender: webContents, senderFrame: mainFrame }, closed, page)).toBe(false);
    expect(isFromAppWindow({ sender: webContents, senderFrame: mainFrame }, null, page)).toBe(false);
  });
});
