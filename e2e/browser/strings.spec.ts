import { expect } from '@playwright/test';
import { dropFile, test } from '../serve';

const FIXTURE = 'test/fixtures/bin/literals-linux-amd64';

test('the Strings tab tells Go literals from other text and says who refers to each', async ({ page, served }) => {
  await page.goto(served.url);
  await dropFile(page, FIXTURE);
  await expect(page.getByRole('heading', { level: 1, name: 'literals-linux-amd64' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: /Strings/ }).click();
  await page.getByRole('combobox', { name: 'Text' }).selectOption('literal');
  // A literal that only code refers to (test/fixtures/go/literals/program/main.go, func check).
  await page.getByLabel('Filter strings').fill('Invalid path');
  const table = page.getByRole('table', { name: 'Strings' });
  const row = table.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Invalid path %q', exact: true }) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell').nth(2)).toHaveText('Go literal');
  await expect(row.getByRole('cell').nth(4)).toHaveText('15');
  await expect(row.getByRole('cell').nth(5)).toHaveText('main.check');
  // A package variable's literal is named by the variable that holds its header.
  await page.getByLabel('Filter strings').fill('main.');
  await expect(table.getByRole('cell', { name: 'main.sessionSalt', exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('strings-tab.png') });
  // A literal code loads without its length beside the pointer (concatstring2's second operand): its neighbours
  // in the length-sorted string data bound it, so it is a Go literal too, not glued into other text.
  await page.getByLabel('Filter strings').fill('Invalid token: ');
  const token = table
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: 'Invalid token: ', exact: true }) });
  await expect(token).toHaveCount(1);
  await expect(token.getByRole('cell').nth(2)).toHaveText('Go literal');
  await expect(token.getByRole('cell').nth(4)).toHaveText('15');
  // Other text: what no reference explains.
  await page.getByRole('combobox', { name: 'Text' }).selectOption('other');
  await page.getByLabel('Filter strings').fill('');
  await expect(table.getByRole('cell', { name: 'other text' }).first()).toBeVisible();
});
