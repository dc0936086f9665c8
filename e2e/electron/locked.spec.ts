import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronMissingReason, findElectron } from '../../scripts/electron-path.mjs';

/** The preload's object as a hostile page would use it: any channel, any arguments. */
interface LooseApi {
  invoke(channel: string, ...args: unknown[]): Promise<{ ok: boolean; value?: unknown }>;
  sourceFor(file: File): Promise<unknown>;
}
type AppWindow = Window & { api: LooseApi };

const executablePath: string | null = findElectron();
test.skip(!executablePath, `${electronMissingReason()}; the unit tests of src/main and src/preload cover these rules`);

let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeAll(async () => {
  userData = mkdtempSync(join(tmpdir(), 'gobinscope-user-'));
  app = await electron.launch({
    executablePath: executablePath!,
    args: ['.', `--user-data-dir=${userData}`, 'test/fixtures/bin/linux-amd64'],
  });
  page = await app.firstWindow();
  await expect(page.getByRole('heading', { level: 1, name: 'linux-amd64' })).toBeVisible({ timeout: 30_000 });
});

test.afterAll(async () => {
  await app?.close();
  rmSync(userData, { recursive: true, force: true });
});

test('the page cannot name a path, reach the drop channel, or forge a dropped file', async () => {
  const answers = await page.evaluate(async () => {
    const { api } = window as unknown as AppWindow;
    const named = await api.invoke('analysis:run', 'job-named', [{ kind: 'path', path: '/etc/passwd' }]);
    const drop = await api.invoke('files:dropped', '/etc/passwd').then(
      () => 'reached',
      (error: Error) => error.message,
    );
    const forged = await api.sourceFor(new File(['x'], '/etc/passwd'));
    return { named, drop, forged };
  });
  expect(answers.named).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(answers.drop).toMatch(/unknown channel/);
  expect(answers.forged).toMatchObject({ ok: false, error: { code: 'NO_PATH' } });
});

test('a recent entry opens by its id', async () => {
  const opened = await page.evaluate(async () => {
    const { api } = window as unknown as AppWindow;
    const recent = await api.invoke('recent:list');
    const entries = (recent.value ?? []) as { id: string }[];
    if (!recent.ok || entries.length === 0) return { recent };
    return api.invoke('analysis:run', 'job-recent', [{ kind: 'recent', id: entries[0]!.id }]);
  });
  expect(opened).toMatchObject({ ok: true });
});

test('links open in the browser only for the documentation hosts', async () => {
  await app.evaluate(({ shell }) => {
    const opened: string[] = [];
    (globalThis as { openedLinks?: string[] }).openedLinks = opened;
    shell.openExternal = async (url: string) => void opened.push(url);
  });
  await page.evaluate(() => {
    window.open('https://example.com/');
    window.open('https://go.dev@example.com/');
    window.open('https://go.dev/doc/');
  });
  await expect
    .poll(() => app.evaluate(() => (globalThis as { openedLinks?: string[] }).openedLinks))
    .toEqual(['https://go.dev/doc/']);
  expect(app.windows()).toHaveLength(1);
});
