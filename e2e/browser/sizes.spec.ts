import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { dropFile, test } from '../serve';

// The size of main.main from Go's own debug/gosym function list, captured when the fixture was built.
function mainMainBytes(): number {
  const line = readFileSync('test/fixtures/truth/linux-amd64.funcs.tsv', 'utf8')
    .split('\n')
    .map((text) => text.split('\t'))
    .find((cols) => cols[2] === 'main.main');
  return Number(line![1]);
}

test('the Sizes tab walks from modules to packages to functions, treemap and numbers side by side', async ({
  page,
  served,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(served.url);
  await dropFile(page, 'test/fixtures/bin/linux-amd64');
  await page.getByRole('tab', { name: 'Sizes' }).click();
  await expect(page.getByRole('img', { name: /Treemap of \d+ items/ })).toBeVisible();
  const table = page.getByRole('table', { name: 'Sizes' });
  await expect(table.getByRole('button', { name: 'std' })).toBeVisible();
  await table.getByRole('button', { name: 'example.com/hello' }).click();
  await table.getByRole('button', { name: 'main' }).click();
  await expect(page.getByRole('navigation', { name: 'Size level' })).toContainText('main');
  await expect(table.getByRole('button', { name: 'main.main' })).toBeVisible();
  // A function's box is its code size as debug/gosym gives it (small enough to show in bytes).
  const row = table.getByRole('row').filter({ hasText: 'main.main' });
  await expect(row).toContainText(`${mainMainBytes()} B`);
  await page.screenshot({ path: test.info().outputPath('sizes.png') });
  await page.getByRole('button', { name: 'All modules' }).click();
  await expect(table.getByRole('button', { name: 'std' })).toBeVisible();
});
