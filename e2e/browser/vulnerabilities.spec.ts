import { expect, test } from '@playwright/test';
import { dropFile, startServe } from '../serve';

/**
 * go/vulncall/calls calls encoding/pem.Decode, a symbol of GO-2025-4009 (fixed in Go 1.24.8); the fixture is
 * built with Go 1.19.8 and stripped with -s -w, so only the function table and inline trees can tell.
 */
const FIXTURE = 'test/fixtures/bin/vulncall-calls-linux-amd64-sw';
const SNAPSHOT = 'test/fixtures/vulndb/go-vulndb-osv-2026-08-21.zip';

test('serve --vulndb: the card names the worst status and the tab shows the path from main', async ({ page }) => {
  const served = await startServe(['--vulndb', SNAPSHOT]);
  try {
    await page.goto(served.url);
    await dropFile(page, FIXTURE);
    await expect(page.getByRole('heading', { level: 1, name: 'vulncall-calls-linux-amd64-sw' })).toBeVisible({
      timeout: 60_000,
    });
    await expect(page.getByRole('button', { name: /Vulnerabilities.*reachable/ })).toBeVisible();
    await page.getByRole('tab', { name: /Vulnerabilities/ }).click();
    await page.getByRole('searchbox', { name: 'Filter vulnerabilities' }).fill('pem');
    const table = page.getByRole('table', { name: 'Vulnerabilities' });
    const row = table.getByRole('row').filter({ hasText: 'GO-2025-4009' });
    await expect(row).toContainText('reachable');
    await expect(row).toContainText('CVE-2025-61723');
    await expect(row).toContainText('go1.24.8');
    await expect(row).toContainText('main.main → encoding/pem.Decode');
    await page.screenshot({ path: test.info().outputPath('vulnerabilities.png') });
  } finally {
    served.process.kill();
  }
});
