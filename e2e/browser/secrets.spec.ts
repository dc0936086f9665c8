import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { LEAKY_BINARY, plantedSecrets } from '../../test/secrets/planted';
import { dropFile, dropFiles, test } from '../serve';

const planted = plantedSecrets();
const xToken = planted.find((p) => p.name === 'apiToken')!.value;
const gitlabToken = planted.find((p) => p.name === 'gitlabToken')!.value;

/** The planted values the page shows in clear right now. */
async function shownInClear(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return planted.filter((p) => text.includes(p.value)).map((p) => p.name);
}

test('build settings and strings show secrets masked; Reveal shows one value from the host', async ({
  page,
  served,
}) => {
  const bodies: string[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/api/invoke/analysis:run')) bodies.push('pending');
    if (response.url().includes('/api/invoke/analysis:run')) void response.text().then((t) => (bodies[0] = t));
  });
  await page.goto(served.url);
  await dropFile(page, LEAKY_BINARY);
  await expect(page.getByRole('heading', { level: 1, name: 'leaky-linux-amd64' })).toBeVisible({ timeout: 30_000 });
  // The window receives the outcome with every planted value masked: none travels up front.
  await expect.poll(() => bodies[0]?.length ?? 0).toBeGreaterThan(1000);
  expect(planted.filter((p) => bodies[0]!.includes(p.value)).map((p) => p.name)).toEqual([]);

  await page.getByRole('tab', { name: 'Build settings' }).click();
  const settings = page.getByRole('table', { name: 'Build settings' });
  const ldflags = settings.getByRole('row').filter({ has: page.getByRole('cell', { name: '-ldflags', exact: true }) });
  await expect(ldflags).toContainText('main.apiToken=ghp_…');
  await expect(ldflags).toContainText('main.releaseName=spring-fixture');
  expect(await shownInClear(page)).toEqual([]);
  await ldflags.getByRole('button', { name: 'Reveal' }).click();
  await expect(ldflags).toContainText(`main.apiToken=${xToken}`);
  expect(await shownInClear(page)).toEqual(['apiToken']);
  await ldflags.getByRole('button', { name: 'Hide' }).click();
  await expect(ldflags).not.toContainText(xToken);

  await page.getByRole('tab', { name: /^Strings/ }).click();
  await page.getByRole('searchbox', { name: 'Filter strings' }).fill('glpa');
  const strings = page.getByRole('table', { name: 'Strings' });
  // The filter sees the masked text: the string that holds the GitLab token is found by its mask.
  const row = strings.getByRole('rowgroup').nth(1).getByRole('row').first();
  await expect(row).toContainText('glpa…0000');
  expect(await shownInClear(page)).toEqual([]);
  await row.getByRole('button', { name: 'Reveal' }).click();
  await expect(row).toContainText(gitlabToken);
  // One string was revealed; whatever else it holds, no other row came back in clear.
  const revealed = (await row.innerText()).length;
  expect(revealed).toBeGreaterThan(gitlabToken.length - 1);
  await expect(strings.getByRole('button', { name: 'Hide' })).toHaveCount(1);
});

test('the other tabs, the Report tab and its downloads show no planted value', async ({ page, served }) => {
  await page.goto(served.url);
  await dropFile(page, LEAKY_BINARY);
  await expect(page.getByRole('heading', { level: 1, name: 'leaky-linux-amd64' })).toBeVisible({ timeout: 30_000 });
  for (const tab of [/^Findings/, /^Functions/, /^Dependencies/, /^Sections/]) {
    await page.getByRole('tab', { name: tab }).click();
    expect(await shownInClear(page)).toEqual([]);
  }
  await page.getByRole('tab', { name: 'Report' }).click();
  const paper = page.getByRole('document', { name: /Audit report/ }).locator('.report-doc');
  await expect(paper).toContainText('spring-fixture');
  const printed = await paper.innerText();
  expect(planted.filter((p) => printed.includes(p.value)).map((p) => p.name)).toEqual([]);
  for (const label of ['Download JSON', 'Download SARIF', 'Download Markdown']) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: label }).click();
    const text = readFileSync(await (await download).path(), 'utf8');
    expect(planted.filter((p) => text.includes(p.value)).map((p) => `${label}: ${p.name}`)).toEqual([]);
  }
});

test('the comparison screen shows the secrets of the leaky build masked', async ({ page, served }) => {
  await page.goto(served.url);
  await dropFiles(page, ['test/fixtures/bin/linux-amd64', LEAKY_BINARY]);
  await expect(page.getByRole('heading', { level: 1, name: 'linux-amd64 ↔ leaky-linux-amd64' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.locator('body')).toContainText('spring-fixture');
  expect(await shownInClear(page)).toEqual([]);
});
