import { describe, expect, it } from 'vitest';
import { MissingBrowserError, chromeCandidates, findChrome, printArgs } from './chrome';

const only =
  (...present: string[]) =>
  (path: string) =>
    present.includes(path);

describe('findChrome', () => {
  it('takes CHROME_PATH first', () => {
    expect(findChrome({ CHROME_PATH: '/opt/chrome' }, 'linux', only('/opt/chrome', '/usr/bin/chromium'))).toBe(
      '/opt/chrome',
    );
  });

  it('says so when CHROME_PATH points nowhere', () => {
    expect(() => findChrome({ CHROME_PATH: '/nope' }, 'linux', only('/usr/bin/chromium'))).toThrow(
      'CHROME_PATH is set to /nope',
    );
  });

  it('tries the usual Linux locations in order', () => {
    expect(findChrome({}, 'linux', only('/usr/bin/google-chrome-stable', '/usr/bin/chromium-browser'))).toBe(
      '/usr/bin/chromium-browser',
    );
    expect(chromeCandidates('linux', {}).slice(0, 4)).toEqual([
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
    ]);
  });

  it('knows macOS and Windows installs', () => {
    expect(chromeCandidates('darwin', { HOME: '/Users/me' })).toContain(
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    );
    expect(chromeCandidates('darwin', { HOME: '/Users/me' })).toContain(
      '/Users/me/Applications/Chromium.app/Contents/MacOS/Chromium',
    );
    expect(
      chromeCandidates('win32', { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' }),
    ).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
  });

  it('fails with one clear sentence when there is none', () => {
    expect(() => findChrome({}, 'linux', () => false)).toThrow(
      new MissingBrowserError('No Chromium or Chrome found: install one or set CHROME_PATH'),
    );
  });
});

describe('printArgs', () => {
  it('prints headless, offline, into a throw-away profile, without Chromium header and footer', () => {
    const args = printArgs('/tmp/x/report.html', '/tmp/x/report.pdf', '/tmp/x/profile');
    for (const flag of [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--no-pdf-header-footer',
      '--user-data-dir=/tmp/x/profile',
      '--print-to-pdf=/tmp/x/report.pdf',
    ]) {
      expect(args).toContain(flag);
    }
    expect(args[args.length - 1]).toBe('file:///tmp/x/report.html');
  });
});
