import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { expect } from '@playwright/test';
import { dropFile, test } from '../serve';

const FIXTURE = 'test/fixtures/bin/leaky-linux-amd64';

test('the Report tab exports JSON and a PDF as downloads, secrets masked', async ({ page, served }) => {
  await page.goto(served.url);
  await dropFile(page, FIXTURE);
  await expect(page.getByRole('heading', { level: 1, name: 'leaky-linux-amd64' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'Report' }).click();

  const jsonDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download JSON' }).click();
  const json = await jsonDownload;
  expect(json.suggestedFilename()).toBe('leaky-linux-amd64.gobinscope.json');
  const report = JSON.parse(readFileSync(await json.path(), 'utf8'));
  expect(report.file.sha256).toBe(createHash('sha256').update(readFileSync(FIXTURE)).digest('hex'));
  const planted = readFileSync('test/fixtures/go/leaky/main.go', 'utf8').match(/ghp_[A-Za-z0-9]{36}/)![0];
  expect(JSON.stringify(report.findings)).not.toContain(planted);

  const pdfDownload = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Save PDF' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe('leaky-linux-amd64.audit.pdf');
  expect(
    readFileSync(await pdf.path())
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');
});
