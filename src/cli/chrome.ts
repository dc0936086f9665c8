import { spawn } from 'node:child_process';
import { constants, existsSync } from 'node:fs';
import { copyFile, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeOutputWith, type OutputTarget } from './output-file';

/**
 * Finding a Chromium or Chrome and printing an HTML file to PDF with it, headless. The CLI prints with the same
 * engine the app uses (Electron's printToPDF), so the PDF looks the same from both.
 */
export class MissingBrowserError extends Error {
  constructor(message = 'No Chromium or Chrome found: install one or set CHROME_PATH') {
    super(message);
    this.name = 'MissingBrowserError';
  }
}

export class PrintError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrintError';
  }
}

/** How long one print may take before Chromium is stopped: a large report prints in a few seconds. */
export const PRINT_TIMEOUT_MS = 120_000;
/** Characters of Chromium's stderr kept to explain a failure. */
const STDERR_KEPT = 4000;

type Env = Record<string, string | undefined>;

/** The usual install locations, in the order they are tried after CHROME_PATH. */
export function chromeCandidates(platform: NodeJS.Platform, env: Env): string[] {
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    const roots = ['/Applications', ...(env['HOME'] ? [join(env['HOME'], 'Applications')] : [])];
    return roots.flatMap((root) => apps.map((app) => `${root}/${app}`));
  }
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((r): r is string => !!r);
    const apps = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Chromium\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
    ];
    return apps.flatMap((app) => roots.map((root) => `${root}\\${app}`));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ];
}

/** CHROME_PATH when set (it must exist), else the first usual location that exists. */
export function findChrome(
  env: Env = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (path: string) => boolean = existsSync,
): string {
  const configured = env['CHROME_PATH'];
  if (configured) {
    if (!exists(configured)) throw new MissingBrowserError(`CHROME_PATH is set to ${configured}, which does not exist`);
    return configured;
  }
  const found = chromeCandidates(platform, env).find((path) => exists(path));
  if (!found) throw new MissingBrowserError();
  return found;
}

/** Flags for a one-shot, offline, throw-away print: nothing is fetched, nothing lands in the user's profile. */
export function printArgs(htmlPath: string, pdfPath: string, profileDir: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-extensions',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--mute-audio',
    '--no-pdf-header-footer',
    `--user-data-dir=${profileDir}`,
    `--disk-cache-dir=${join(profileDir, 'cache')}`,
    `--crash-dumps-dir=${join(profileDir, 'crashes')}`,
    `--print-to-pdf=${pdfPath}`,
    pathToFileURL(htmlPath).href,
  ];
}

/** Runs Chromium to print `htmlPath` into `pdfPath`; rejects with PrintError on failure or timeout. */
export function printToPdf(
  chrome: string,
  htmlPath: string,
  pdfPath: string,
  profileDir: string,
  timeoutMs = PRINT_TIMEOUT_MS,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // Its own process group on POSIX, so a timeout stops Chromium's helper processes too.
    const child = spawn(chrome, printArgs(htmlPath, pdfPath, profileDir), {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEPT);
    });
    const timer = setTimeout(() => {
      stopTree(child.pid, () => child.kill('SIGKILL'));
      reject(new PrintError(`Chromium did not finish printing within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new PrintError(`could not start ${chrome}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new PrintError(`Chromium exited with ${signal ?? `code ${code}`}: ${lastMeaningfulLine(stderr)}`));
    });
  });
}

function stopTree(pid: number | undefined, fallback: () => void): void {
  try {
    if (pid !== undefined && process.platform !== 'win32') process.kill(-pid, 'SIGKILL');
    else fallback();
  } catch {
    fallback();
  }
}

/** Chromium's stderr is full of harmless D-Bus noise: keep the last line that is not. */
function lastMeaningfulLine(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/dbus|bus\.cc|object_proxy/i.test(l));
  return lines[lines.length - 1] ?? 'no message';
}

async function startsWithPdfMagic(path: string): Promise<boolean> {
  const file = await open(path, 'r').catch(() => null);
  if (!file) return false;
  try {
    const head = Buffer.alloc(5);
    const { bytesRead } = await file.read(head, 0, 5, 0);
    return bytesRead === 5 && head.toString('latin1') === '%PDF-';
  } finally {
    await file.close();
  }
}

/**
 * Prints an HTML document to `out` as PDF. Everything Chromium touches (the HTML, its profile, the first PDF)
 * lives in a private temporary folder that is removed afterwards; `out` is replaced only once a real PDF exists,
 * by a rename in its own folder, so it never holds half a PDF. Given as a target, it is never one of its inputs.
 */
export async function htmlToPdfFile(
  html: string,
  out: string | OutputTarget,
  chrome: string,
  timeoutMs = PRINT_TIMEOUT_MS,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'gobinscope-report-'));
  try {
    const htmlPath = join(dir, 'report.html');
    const pdfPath = join(dir, 'report.pdf');
    await writeFile(htmlPath, html, { encoding: 'utf8', mode: 0o600 });
    await printToPdf(chrome, htmlPath, pdfPath, join(dir, 'profile'), timeoutMs);
    if (!(await startsWithPdfMagic(pdfPath))) throw new PrintError('Chromium finished but wrote no PDF');
    const target = typeof out === 'string' ? { path: out, inputs: [] } : out;
    await writeOutputWith(target, (temporary) => copyFile(pdfPath, temporary, constants.COPYFILE_EXCL));
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  }
}
