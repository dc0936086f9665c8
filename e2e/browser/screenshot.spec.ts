import { expect } from '@playwright/test';
import { dropFile, test } from '../serve';

// The README's screenshot: the app right after a drop. `UPDATE_DOCS=1 npx playwright test screenshot` refreshes
// docs/screenshot.png; otherwise the picture goes to test-results for a look.
test('the overview after a drop reads well', async ({ page, served }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(served.url);
  await dropFile(page, 'test/fixtures/bin/leaky-linux-amd64');
  await expect(page.getByRole('heading', { level: 1, name: 'leaky-linux-amd64' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('list', { name: 'Verdicts' })).toBeVisible();
  const path = process.env['UPDATE_DOCS'] ? 'docs/screenshot.png' : test.info().outputPath('screenshot.png');
  await page.screenshot({ path });
});
