import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readelfSections } from '../serve';
import { electronMissingReason, findElectron } from '../../scripts/electron-path.mjs';

const executablePath: string | null = findElectron();

const skipReason = `${electronMissingReason()}; the browser project covers the same flow`;
test.skip(!executablePath, skipReason);

test('the desktop app analyses a binary named on its command line, off the main thread', async () => {
  const userData = mkdtempSync(join(tmpdir(), 'gobinscope-user-'));
  const app = await electron.launch({
    executablePath: executablePath!,
    args: ['.', `--user-data-dir=${userData}`, 'test/fixtures/bin/linux-amd64'],
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: 'linux-amd64' })).toBeVisible({ timeout: 30_000 });
    await page.getByRole('tab', { name: /Sections/ }).click();
    const expected = readelfSections('test/fixtures/truth/linux-amd64.readelf-S.txt');
    await expect(page.getByText(`${expected.length} of ${expected.length}`)).toBeVisible();
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getTitle())).toBe(
      'linux-amd64 — Gobinscope',
    );
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
