import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { LEAKY_BINARY, plantedSecrets } from '../../test/secrets/planted';
import { dropFile, startServe, test } from '../serve';

const leakyBytes = readFileSync(LEAKY_BINARY);
const gitlabToken = plantedSecrets().find((p) => p.name === 'gitlabToken')!.value;

async function openLeaky(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await dropFile(page, LEAKY_BINARY);
  await expect(page.getByRole('heading', { level: 1, name: 'leaky-linux-amd64' })).toBeVisible({ timeout: 30_000 });
}

test('serve FILE shows its results once, with no failed request (favicon included)', async ({ page }) => {
  const served = await startServe(['test/fixtures/bin/linux-amd64']);
  try {
    const runs: string[] = [];
    const failed: string[] = [];
    page.on('request', (r) => r.url().includes('/api/invoke/analysis:run') && runs.push(r.url()));
    page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    await page.goto(served.url);
    await expect(page.getByRole('heading', { level: 1, name: 'linux-amd64' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('list', { name: 'Verdicts' })).toBeVisible();
    // A finished analysis used to ask for the initial files again and start over, forever on "Done…".
    await page.waitForTimeout(2000);
    expect(runs).toHaveLength(1);
    await expect(page.getByText('Done…')).toHaveCount(0);
    expect(failed).toEqual([]);
  } finally {
    served.process.kill();
  }
});

test('at 200% zoom of a 1024×700 window the header folds and the tabs keep the room', async ({ browser, served }) => {
  const context = await browser.newContext({ viewport: { width: 512, height: 350 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await openLeaky(page, served.url);
  const toggle = page.getByRole('button', { name: 'Expand verdicts' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const tabs = (await page.getByRole('tablist', { name: 'Report' }).boundingBox())!;
  expect(tabs.y + tabs.height).toBeLessThan(350 * 0.5);
  const cards = (await page.getByRole('list', { name: 'Verdicts' }).boundingBox())!;
  expect(cards.height).toBeLessThan(40);
  await expect(page.getByRole('toolbar', { name: 'File' }).getByRole('button', { name: 'Open…' })).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('zoom-200-folded.png') });
  await toggle.click();
  await expect(page.getByRole('button', { name: 'Compact header' })).toHaveAttribute('aria-pressed', 'false');
  expect((await page.getByRole('list', { name: 'Verdicts' }).boundingBox())!.height).toBeGreaterThan(cards.height);
  await page.screenshot({ path: test.info().outputPath('zoom-200-expanded.png') });
  // The hex view fits the narrow window: eight bytes a row, nothing cut off at the right.
  await page.getByRole('button', { name: 'Compact header' }).click();
  await page.getByRole('tab', { name: /^Strings/ }).click();
  await page.getByRole('searchbox', { name: 'Filter strings' }).fill('glpa');
  await page
    .getByRole('button', { name: /Show the bytes at/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: /Bytes at 0x/ });
  await expect(dialog.locator('tbody tr').first().locator('td.hex-bytes span')).toHaveCount(8);
  const box = (await dialog.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(512);
  await page.screenshot({ path: test.info().outputPath('zoom-200-hex.png') });
  await context.close();
});

test('the dark theme reads: dark background, light text, on the findings', async ({ browser, served }) => {
  const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await openLeaky(page, served.url);
  await page.getByRole('tab', { name: /^Findings/ }).click();
  const [background, text] = await page.evaluate(() => {
    const style = getComputedStyle(document.documentElement);
    return [style.backgroundColor, style.color];
  });
  const luminance = (rgb: string): number => {
    const [r, g, b] = rgb.match(/\d+/g)!.map(Number) as [number, number, number];
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  };
  expect(luminance(background)).toBeLessThan(0.2);
  expect(luminance(text)).toBeGreaterThan(0.7);
  await page.screenshot({ path: test.info().outputPath('dark-findings.png') });
  await context.close();
});

test('the toolbar exports and compares the open binary with a second one', async ({ page, served }) => {
  await openLeaky(page, served.url);
  const toolbar = page.getByRole('toolbar', { name: 'File' });
  await toolbar.getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Report JSON' }).click();
  const saved = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { file: { size: number } };
  expect(saved.file.size).toBe(leakyBytes.length);
  const chooser = page.waitForEvent('filechooser');
  await toolbar.getByRole('button', { name: 'Compare with…' }).click();
  await (await chooser).setFiles('test/fixtures/bin/linux-amd64');
  await expect(page.getByRole('heading', { level: 1, name: 'leaky-linux-amd64 ↔ linux-amd64' })).toBeVisible({
    timeout: 60_000,
  });
  await toolbar.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('Drop a Go binary, two to compare, or an SBOM')).toBeVisible();
});

test('Ctrl+F focuses the filter of every tab that has one', async ({ page, served }) => {
  await openLeaky(page, served.url);
  for (const tab of [/^Findings/, /^Strings/, /^Functions/, /^Dependencies/, /^Sections/, /^Sizes/]) {
    await page.getByRole('tab', { name: tab }).click();
    await page.keyboard.press('Control+f');
    const focused = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type);
    expect(`${tab}: ${focused}`).toBe(`${tab}: search`);
  }
});

test('findings filter by text and show their (masked) value in the row', async ({ page, served }) => {
  await openLeaky(page, served.url);
  await page.getByRole('tab', { name: /^Findings/ }).click();
  await page.getByRole('searchbox', { name: 'Filter findings' }).fill('gitlab');
  const items = page.locator('.finding');
  await expect(items.first()).toBeVisible();
  for (const text of await items.allInnerTexts()) expect(text.toLowerCase()).toContain('gitlab');
  await expect(items.first().locator('summary')).toContainText('glpa…');
  expect(await page.locator('body').innerText()).not.toContain(gitlabToken);
});

test('the hex view shows the file bytes around a string, the secret withheld until revealed', async ({
  page,
  served,
}) => {
  await openLeaky(page, served.url);
  await page.getByRole('tab', { name: /^Strings/ }).click();
  await page.getByRole('searchbox', { name: 'Filter strings' }).fill('glpa');
  const row = page.getByRole('table', { name: 'Strings' }).getByRole('rowgroup').nth(1).getByRole('row').first();
  await row.getByRole('button', { name: /Show the bytes at/ }).click();
  const dialog = page.getByRole('dialog', { name: /Bytes at 0x/ });
  await expect(dialog.getByRole('table', { name: 'Bytes' })).toBeVisible();
  await expect(dialog).toContainText('••');
  await expect(dialog).toContainText(/in \.(rodata|go\.string|noptrdata|data)/);
  const ascii = async (): Promise<string> => (await dialog.locator('td.hex-ascii').allInnerTexts()).join('');
  expect(await ascii()).not.toContain(gitlabToken);
  // Every byte shown that is not withheld is the file's own byte at that offset.
  for (const tr of (await dialog.locator('tbody tr').all()).slice(0, 8)) {
    const offset = parseInt(await tr.locator('th').innerText(), 16);
    const cells = await tr.locator('td.hex-bytes span').allInnerTexts();
    const first = offset + 16 - cells.length;
    cells.forEach((cell, i) => {
      if (cell !== '••') expect(cell).toBe(leakyBytes[first + i]!.toString(16).padStart(2, '0'));
    });
  }
  await page.screenshot({ path: test.info().outputPath('hex-masked.png') });
  await dialog.getByRole('button', { name: 'Reveal' }).first().click();
  await expect.poll(ascii).toContain(gitlabToken);
  await dialog.getByRole('button', { name: 'Hide' }).click();
  await expect.poll(ascii).not.toContain(gitlabToken);
  await dialog.getByRole('button', { name: 'Close the bytes' }).click();
  await expect(dialog).toHaveCount(0);
});

test('a dependency filter narrows to the matching function; names copy on click', async ({ browser, served }) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(served.url);
  await dropFile(page, 'test/fixtures/bin/multimod-linux-amd64');
  await expect(page.getByRole('heading', { level: 1, name: 'multimod-linux-amd64' })).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole('tab', { name: /Dependencies/ }).click();
  // beta.Checksum is in the fixture's source (test/fixtures/go/multimod); the filter opens its module and package.
  await page.getByRole('searchbox', { name: 'Filter modules' }).fill('beta.Checksum');
  const tree = page.getByRole('tree', { name: 'Dependencies' });
  await expect(tree.getByRole('treeitem', { level: 1 })).toHaveCount(1);
  await expect(tree.getByRole('treeitem', { level: 1 })).toContainText('example.com/beta');
  const fn = tree.getByRole('treeitem', { level: 3 });
  await expect(fn).toHaveCount(1);
  await fn.getByRole('button', { name: 'example.com/beta.Checksum' }).click();
  await expect(page.getByRole('status')).toHaveText('Copied function name');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('example.com/beta.Checksum');
  await page.screenshot({ path: test.info().outputPath('dependencies-narrowed.png') });
  await context.close();
});
