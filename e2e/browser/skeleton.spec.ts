import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { dropFile, readelfSections, test } from '../serve';

const FIXTURE = 'test/fixtures/bin/linux-amd64';

test('dropping a Go binary shows its overview and the section table from readelf', async ({ page, served }) => {
  await page.goto(served.url);
  await expect(page.getByText('Drop a Go binary, two to compare, or an SBOM')).toBeVisible();
  await dropFile(page, FIXTURE);

  await expect(page.getByRole('heading', { level: 1, name: 'linux-amd64' })).toBeVisible({ timeout: 30_000 });
  const sha256 = createHash('sha256').update(readFileSync(FIXTURE)).digest('hex');
  await expect(page.getByRole('button', { name: sha256 })).toBeVisible();
  await expect(page).toHaveTitle('linux-amd64 — Gobinscope');

  await page.getByRole('tab', { name: /Sections/ }).click();
  const table = page.getByRole('table', { name: 'Sections' });
  const expected = readelfSections('test/fixtures/truth/linux-amd64.readelf-S.txt');
  await expect(page.getByText(`${expected.length} of ${expected.length}`)).toBeVisible();
  for (const section of expected) {
    const row = table.getByRole('row').filter({ has: page.getByRole('cell', { name: section.name, exact: true }) });
    await expect(row).toHaveCount(1);
    const cells = row.getByRole('cell');
    await expect(cells.nth(1)).toHaveText(section.type);
    await expect(cells.nth(2)).toHaveText(`0x${section.address.toString(16)}`);
    await expect(cells.nth(3)).toHaveText(`0x${section.offset.toString(16)}`);
    await expect(cells.nth(5)).toHaveText(section.flags);
  }
});

test('the section table sorts by any column', async ({ page, served }) => {
  await page.goto(served.url);
  await dropFile(page, FIXTURE);
  await page.getByRole('tab', { name: /Sections/ }).click();
  const table = page.getByRole('table', { name: 'Sections' });
  await table.getByRole('columnheader', { name: /Size/ }).getByRole('button').click();
  await table.getByRole('columnheader', { name: /Size/ }).getByRole('button').click();
  await expect(table.getByRole('columnheader', { name: /Size/ })).toHaveAttribute('aria-sort', 'descending');
  const largest = readelfSections('test/fixtures/truth/linux-amd64.readelf-S.txt').sort((a, b) => b.size - a.size)[0]!;
  await expect(table.getByRole('row').nth(1).getByRole('cell').first()).toHaveText(largest.name);
});

test('a file that is not an executable gets a readable message and the next drop works', async ({ page, served }) => {
  const dir = mkdtempSync(join(tmpdir(), 'gobinscope-e2e-'));
  const png = join(dir, 'picture.png');
  writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
  try {
    await page.goto(served.url);
    await dropFile(page, png);
    await expect(page.getByRole('alert')).toContainText('This is not an executable (looks like a PNG image)');
    await dropFile(page, FIXTURE);
    await expect(page.getByRole('heading', { level: 1, name: 'linux-amd64' })).toBeVisible({ timeout: 30_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the page refuses requests without the token and from a foreign host', async ({ request, served }) => {
  const origin = new URL(served.url).origin;
  expect((await request.get(`${origin}/`)).status()).toBe(403);
  expect((await request.get(`${origin}/wrong-token/`)).status()).toBe(403);
  const foreign = await request.get(served.url, { headers: { Host: 'evil.example:80' } });
  expect(foreign.status()).toBe(403);
  const pathSource = await request.post(`${served.url}api/invoke/analysis:run`, {
    data: ['job-1', [{ kind: 'path', path: '/etc/passwd' }]],
  });
  expect(await pathSource.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});
