import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, type Download, type Page } from '@playwright/test';
import { dropFile, dropFiles, test } from '../serve';

// Truth: `go version -m` as captured when the fixtures were built (the `mod` line names the main module), and
// resources/icon.png, which is a PNG image and no executable.
const BIN = 'test/fixtures/bin';
const PNG = 'resources/icon.png';

function mainModule(name: string): string {
  const mod = readFileSync(`test/fixtures/truth/${name}.goversion.txt`, 'utf8')
    .split('\n')
    .find((line) => line.trim().startsWith('mod\t'))!;
  return mod.trim().split('\t')[1]!;
}

/** Page 1 of the PDF as pdftotext reads it, and page 1 rendered small (pdftoppm -r 50) for a person to look at. */
function firstPage(pdf: string, png: string): string {
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', pdf, png.replace(/\.png$/, '')]);
  return execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** Waits for the download the action starts. */
function download(page: Page, action: () => Promise<unknown>): Promise<Download> {
  const next = page.waitForEvent('download', { timeout: 60_000 });
  return action().then(() => next);
}

async function saved(pending: Promise<Download>): Promise<{ name: string; path: string }> {
  const done = await pending;
  return { name: done.suggestedFilename(), path: (await done.path())! };
}

async function expectRefused(page: Page, message: string): Promise<void> {
  const alert = page.getByRole('alert', { name: 'Could not analyse' });
  await expect(alert).toBeVisible({ timeout: 60_000 });
  await expect(alert.getByText(message, { exact: true })).toBeVisible();
}

test('a binary and a PNG are not compared: the PNG gets the message it gets alone', async ({ page, served }) => {
  const message = 'icon.png: This is not an executable (looks like a PNG image).';
  await page.goto(served.url);
  await dropFile(page, PNG);
  await expectRefused(page, message);
  await page.getByRole('button', { name: 'Start over' }).click();
  await dropFiles(page, [`${BIN}/linux-amd64`, PNG]);
  await expectRefused(page, message);
  await expect(page.getByText(/fixed findings?/)).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('compare-png-refused.png') });
});

test('two different programs: said above every count, and on page 1 of their PDF', async ({ page, served }) => {
  const [a, b] = ['linux-amd64', 'leaky-linux-amd64'];
  const [moduleA, moduleB] = [mainModule(a), mainModule(b)];
  expect(moduleA).not.toBe(moduleB);
  await page.goto(served.url);
  await dropFiles(page, [`${BIN}/${a}`, `${BIN}/${b}`]);
  const banner = page.getByRole('region', { name: 'Different programs' });
  await expect(banner).toBeVisible({ timeout: 60_000 });
  await expect(banner).toContainText(`is ${moduleA}`);
  await expect(banner).toContainText(`is ${moduleB}`);
  // Before any size: the banner sits above both file cards.
  const bannerBox = (await banner.boundingBox())!;
  const cardBox = (await page.getByRole('region', { name: `A: ${a}` }).boundingBox())!;
  expect(bannerBox.y + bannerBox.height).toBeLessThanOrEqual(cardBox.y);
  await page.screenshot({ path: test.info().outputPath('compare-two-programs.png') });

  const toolbar = page.getByRole('toolbar', { name: 'Export the comparison' });
  const pdf = await saved(download(page, () => toolbar.getByRole('button', { name: 'Save PDF' }).click()));
  expect(pdf.name).toBe(`${a}-vs-${b}.compare.pdf`);
  const text = firstPage(pdf.path, test.info().outputPath('compare-two-programs-page1.png'));
  expect(text).toContain(`${a} ↔ ${b}`);
  expect(text).toContain(`Different programs: A (${a}) is ${moduleA}, B (${b}) is ${moduleB}.`);
  expect(text.indexOf('Different programs')).toBeLessThan(text.indexOf('bytes'));

  const json = await saved(download(page, () => toolbar.getByRole('button', { name: 'Download JSON' }).click()));
  expect(json.name).toBe(`${a}-vs-${b}.compare.json`);
  const comparison = JSON.parse(readFileSync(json.path, 'utf8'));
  expect(comparison.program).toMatchObject({ verdict: 'different', mainModuleA: moduleA, mainModuleB: moduleB });

  // Ctrl+E exports what is on screen: the comparison's PDF, not one side's report.
  const shortcut = await saved(download(page, () => page.keyboard.press('Control+e')));
  expect(shortcut.name).toBe(`${a}-vs-${b}.compare.pdf`);
});

test('a binary and its SBOM: the reconciliation exports its own PDF, verdict first', async ({ page, served }) => {
  await page.goto(served.url);
  await dropFiles(page, [`${BIN}/linux-amd64`, 'test/fixtures/sbom/discrepancy-missing-module.cdx.json']);
  await expect(page.getByRole('heading', { level: 2, name: 'Mismatch' })).toBeVisible({ timeout: 60_000 });
  const toolbar = page.getByRole('toolbar', { name: 'Export the reconciliation' });
  await expect(toolbar.getByRole('button')).toHaveText([
    'Save PDF',
    'Download JSON',
    'Download Markdown',
    'Download SARIF',
  ]);
  const pdf = await saved(download(page, () => toolbar.getByRole('button', { name: 'Save PDF' }).click()));
  expect(pdf.name).toBe('linux-amd64.reconcile.pdf');
  const text = firstPage(pdf.path, test.info().outputPath('reconcile-page1.png'));
  expect(text).toContain('linux-amd64 and its SBOM');
  // The fixture leaves example.com/greeting out (test/fixtures/sbom/README.md): the verdict says the SBOM fails.
  expect(text).toContain('the SBOM does not match the binary');
  await page.screenshot({ path: test.info().outputPath('reconcile-exports.png') });
});

test('one binary: the Report tab exports CycloneDX as well', async ({ page, served }) => {
  await page.goto(served.url);
  await dropFile(page, `${BIN}/linux-amd64`);
  await expect(page.getByRole('heading', { level: 1, name: 'linux-amd64' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Report' }).click();
  const cdx = await saved(download(page, () => page.getByRole('button', { name: 'Download CycloneDX JSON' }).click()));
  expect(cdx.name).toBe('linux-amd64.cdx.json');
  const bom = JSON.parse(readFileSync(cdx.path, 'utf8'));
  expect(bom.bomFormat).toBe('CycloneDX');
  expect(JSON.stringify(bom)).toContain(mainModule('linux-amd64'));
});
