import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { dropFiles, readelfSections, test } from '../serve';

const BIN = 'test/fixtures/bin';
const TRUTH = 'test/fixtures/truth';

/** `build` lines of `go version -m`, as key=value. */
function buildSettings(name: string): string[] {
  return readFileSync(`${TRUTH}/${name}.goversion.txt`, 'utf8')
    .split('\n')
    .filter((line) => line.trim().startsWith('build\t'))
    .map((line) => line.trim().split('\t')[1]!);
}

function sectionBytes(name: string, section: string): Buffer {
  const s = readelfSections(`${TRUTH}/${name}.readelf-S.txt`).find((x) => x.name === section)!;
  return readFileSync(`${BIN}/${name}`).subarray(s.offset, s.offset + s.size);
}

async function compare(page: Page, served: { url: string }, a: string, b: string): Promise<void> {
  await page.goto(served.url);
  await dropFiles(page, [`${BIN}/${a}`, `${BIN}/${b}`]);
  await expect(page.getByRole('heading', { level: 1, name: `${a} ↔ ${b}` })).toBeVisible({ timeout: 60_000 });
  await expect(page).toHaveTitle(`${a} ↔ ${b} — Gobinscope`);
}

test('a binary and its stripped copy: code identical, and the sections strip removed with readelf sizes', async ({
  page,
  served,
}) => {
  await compare(page, served, 'linux-amd64', 'linux-amd64-strip');
  await expect(page.getByRole('heading', { level: 2, name: 'Code identical' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('compare-strip.png') });

  // `strip -s` made B from A (build.sh): what readelf lists in A and not in B is what went.
  const before = readelfSections(`${TRUTH}/linux-amd64.readelf-S.txt`);
  const after = new Set(readelfSections(`${TRUTH}/linux-amd64-strip.readelf-S.txt`).map((s) => s.name));
  const removed = before.filter((s) => !after.has(s.name));
  expect(removed.map((s) => s.name)).toContain('.symtab');
  const list = page.getByRole('list', { name: 'Removed sections' });
  await expect(list.getByRole('listitem')).toHaveCount(removed.length);
  for (const section of removed) {
    const item = list.getByRole('listitem').filter({ has: page.getByText(section.name, { exact: true }) });
    await expect(item.getByTitle(`${section.size.toLocaleString('en-US')} bytes`, { exact: true })).toBeVisible();
  }

  // The .text bytes where readelf puts them hash the same in both files; both hashes copy on click.
  const textHash = createHash('sha256').update(sectionBytes('linux-amd64', '.text')).digest('hex');
  expect(createHash('sha256').update(sectionBytes('linux-amd64-strip', '.text')).digest('hex')).toBe(textHash);
  const compared = page.getByRole('table', { name: 'Compared sections' });
  await expect(compared.getByRole('button', { name: textHash, exact: true })).toHaveCount(2);
  await expect(page.getByRole('list', { name: 'Still leaks' })).toContainText('-trimpath');
});

test('a binary and its -trimpath rebuild: code differs where the bytes differ, -trimpath=true added', async ({
  page,
  served,
}) => {
  await compare(page, served, 'linux-amd64', 'linux-amd64-trimpath');
  await expect(page.getByRole('heading', { level: 2, name: 'Code differs' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('compare-trimpath.png') });

  // The first run of differing .text bytes, found by comparing the bytes readelf locates.
  const textA = sectionBytes('linux-amd64', '.text');
  const textB = sectionBytes('linux-amd64-trimpath', '.text');
  let start = 0;
  while (textA[start] === textB[start]) start++;
  let end = start;
  while (textA[end + 1] !== textB[end + 1]) end++;
  const range = `.text+0x${start.toString(16)}${end > start ? `–0x${end.toString(16)}` : ''}`;
  const textRow = page
    .getByRole('table', { name: 'Compared sections' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: '.text', exact: true }) });
  await expect(textRow.getByRole('button', { name: range, exact: true })).toBeVisible();

  // go version -m: -trimpath=true is recorded in B only.
  expect(buildSettings('linux-amd64-trimpath')).toContain('-trimpath=true');
  expect(buildSettings('linux-amd64').some((s) => s.startsWith('-trimpath='))).toBe(false);
  const settings = page.getByRole('table', { name: 'Build settings: changes' });
  const row = settings
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: '-trimpath', exact: true }) });
  await expect(row.getByRole('cell').first()).toHaveText('+ added');
  await expect(row.getByRole('cell').nth(1)).toHaveText('—');
  await expect(row.getByRole('cell').nth(2)).toHaveText('true');

  // Unchanged settings fold away and open on demand.
  const unchanged = buildSettings('linux-amd64').length;
  await page.getByText(`${unchanged} unchanged`, { exact: true }).first().click();
  await expect(page.getByRole('table', { name: 'Build settings: unchanged' }).getByRole('row')).toHaveCount(
    unchanged + 1,
  );
});

test('Go literals in one file only open on demand in a filterable table', async ({ page, served }) => {
  await compare(page, served, 'linux-amd64', 'linux-amd64-xvars');
  await expect(page.getByRole('table', { name: 'Strings added or removed' })).toHaveCount(0);
  await page
    .getByRole('region', { name: /^Strings/ })
    .getByText('Show the Go literals in one file only')
    .click();
  const table = page.getByRole('table', { name: 'Strings added or removed' });
  await expect(table).toBeVisible();
  // build.sh links B with -X main.version=1.2.3-fixture (go version -m records it): that value is a literal of B only.
  expect(buildSettings('linux-amd64-xvars')).toContain('-ldflags="-X main.version=1.2.3-fixture"');
  await page.getByRole('searchbox', { name: 'Filter strings added or removed' }).fill('1.2.3-fixture');
  await expect(table.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('+ added');
  await expect(table.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText('1.2.3-fixture');
});

test('a -trimpath rebuild changes no Go literal, and the strings part says so', async ({ page, served }) => {
  await compare(page, served, 'linux-amd64', 'linux-amd64-trimpath');
  await expect(page.getByRole('region', { name: /^Strings/ })).toContainText('No Go literals were added or removed.');
});
