import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { dropFile, startServe } from '../serve';

/**
 * go/vulncall/calls calls encoding/pem.Decode, a symbol of GO-2025-4009 (fixed in Go 1.24.8); the snapshot is the
 * Go vulnerability database of 2026-08-21 (test/fixtures/vulndb/README.md).
 */
const FIXTURE = 'test/fixtures/bin/vulncall-calls-linux-amd64-sw';
const SNAPSHOT = 'test/fixtures/vulndb/go-vulndb-osv-2026-08-21.zip';

test('serve: import the database from the Vulnerabilities tab, see its date, and the next analysis uses it', async ({
  page,
}) => {
  // A data folder of its own: the user's real one is never touched, and no database is loaded at the start.
  const data = mkdtempSync(join(tmpdir(), 'gobinscope-e2e-data-'));
  const served = await startServe([], { XDG_DATA_HOME: data, GOBINSCOPE_VULNDB: '' });
  try {
    await page.goto(served.url);
    await dropFile(page, FIXTURE);
    const heading = page.getByRole('heading', { level: 1, name: 'vulncall-calls-linux-amd64-sw' });
    await expect(heading).toBeVisible({ timeout: 60_000 });
    await page.getByRole('tab', { name: /Vulnerabilities/ }).click();
    await expect(page.getByText('No vulnerability database was loaded for this analysis.')).toBeVisible();

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import Vulnerability Database…' }).click();
    await (await chooser).setFiles(SNAPSHOT);
    const header = page.getByRole('region', { name: 'Vulnerability database' });
    await expect(header).toContainText(/Go vulnerability database of 2026-08-21, \d+ days old/, { timeout: 60_000 });
    await expect(page.getByRole('button', { name: 'Replace…' })).toBeVisible();
    expect(existsSync(join(data, 'gobinscope', 'vulndb-index.json'))).toBe(true);

    await dropFile(page, FIXTURE);
    // The snapshot is months old by now: the card says so next to the matches.
    const card = page.getByRole('button', { name: /Vulnerabilities.*reachable/ });
    await expect(card).toBeVisible({ timeout: 60_000 });
    await expect(card).toContainText(/database \d+ days old/);
    await page.getByRole('tab', { name: /Vulnerabilities/ }).click();
    await expect(header).toContainText('Go vulnerability database of 2026-08-21');
    await page.getByRole('searchbox', { name: 'Filter vulnerabilities' }).fill('pem');
    const row = page
      .getByRole('table', { name: 'Vulnerabilities' })
      .getByRole('row')
      .filter({ hasText: 'GO-2025-4009' });
    await expect(row).toContainText('reachable');
    await page.screenshot({ path: test.info().outputPath('vulndb-import.png'), fullPage: true });
  } finally {
    served.process.kill();
    rmSync(data, { recursive: true, force: true });
  }
});
