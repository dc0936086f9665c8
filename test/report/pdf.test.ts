import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChrome } from '../../src/cli/chrome';

// The PDF as a pipeline makes it: the built CLI prints the report with the system's Chromium, then poppler reads
// it back. Expected values come from the report JSON of the same file and from the fixture's Go source.
const FIXTURE = 'test/fixtures/bin/leaky-linux-amd64';

/** Secrets planted in test/fixtures/go/leaky/main.go and in the -X flags of test/fixtures/build.sh: never in clear. */
const PLANTED = [
  'AKIAFAKEFAKEFAKE7EXA',
  'FAKEfakeFAKEfakeFAKEfakeFAKEfake0EXAMPLE',
  'AIzaFAKE-fake_FAKEfakeFAKEfakeFAKEfake0',
  'RkFLRWZha2VGQUtFZmFrZUZBS0VmYWtlRkFLRWZha2VGQUtFZmFrZUZBS0VmYWtlRkFLRWZha2VGQUtFZmFrZQ==',
  'ghp_FAKEfakeFAKEfakeFAKEfakeFAKEfake0000',
  'gho_FAKEfakeFAKEfakeFAKEfakeFAKEfake1111',
  'ghs_FAKEfakeFAKEfakeFAKEfakeFAKEfake2222',
  'github_pat_11FAKEFAKE0fakefakefake_FAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake00',
  'glpat-FAKEfakeFAKEfake0000',
  'xoxb-000000000000-000000000000-FAKEfakeFAKEfakeFAKEfake',
  'T00000000/B00000000/FAKEfakeFAKEfakeFAKEfake',
  'sk_live_FAKEfakeFAKEfakeFAKEfake00',
  'ZmFrZS1zaWduYXR1cmUtbm90LXJlYWw',
  'fakepass-not-real',
  'Fake-Passw0rd-Zq8vX2mK9rT4',
  'MIIBOgIBAAJBAKFAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKE',
  'ghp_FAKExvarFAKExvarFAKExvarFAKExvar0000',
];

function browser(): string | null {
  try {
    return findChrome();
  } catch {
    return null;
  }
}

function hasTool(name: string): boolean {
  return spawnSync(name, ['-v'], { encoding: 'utf8' }).error === undefined;
}

const chrome = browser();
const skipReason = !chrome
  ? 'no Chromium or Chrome found (set CHROME_PATH)'
  : !hasTool('pdftotext')
    ? 'pdftotext (poppler-utils) not installed'
    : '';
if (skipReason) console.warn(`test/report/pdf.test.ts skipped: ${skipReason}`);

interface ReportJson {
  file: { name: string; sha256: string };
  go: { version: string };
  findings: { kind: string; title: string; evidence: { value: string }[] }[];
}

/** Prints the fixture's report with the CLI, reads the PDF back as text, and gets the report JSON to compare with. */
function printAndRead(pdf: string): { text: string; report: ReportJson } {
  const run = spawnSync(process.execPath, ['bin/gobinscope.mjs', 'report', FIXTURE, '-o', pdf], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const json = spawnSync(process.execPath, ['bin/gobinscope.mjs', 'analyze', FIXTURE, '--json'], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  return {
    text: execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }),
    report: JSON.parse(json.stdout) as ReportJson,
  };
}

describe.skipIf(skipReason !== '')('gobinscope report → PDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gobinscope-pdf-test-'));
  const pdf = join(dir, 'r.pdf');
  let text = '';
  let report: ReportJson;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(() => {
    ({ text, report } = printAndRead(pdf));
  }, 120_000);

  it('writes a PDF and nothing else', () => {
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('starts with the cover: file name, SHA-256, Go version', () => {
    const cover = text.split('\f')[0]!;
    expect(cover).toContain(report.file.name);
    expect(cover).toContain(report.file.sha256);
    expect(cover).toContain(report.go.version);
    expect(cover).toContain('Verdict');
  });

  it('names every finding of the report', () => {
    const flat = text.replace(/\s+/g, ' ');
    expect(report.findings.length).toBeGreaterThan(10);
    for (const finding of report.findings) expect(flat).toContain(finding.title);
  });

  it('shows secrets masked and never in clear', () => {
    const secrets = report.findings.filter((f) => f.kind === 'secret');
    expect(secrets.length).toBeGreaterThan(5);
    for (const value of secrets.flatMap((f) => f.evidence.map((e) => e.value))) expect(text).toContain(value);
    // Without white space too, so a value wrapped over two lines cannot slip through.
    const compact = text.replace(/\s+/g, '');
    for (const planted of PLANTED) {
      expect(compact).not.toContain(planted);
      expect(compact).not.toContain(planted.slice(4, -4));
    }
  });

  it('numbers the pages "page X of Y" and prints the SHA-256 on each', () => {
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain(`page ${i + 1} of ${pages.length}`);
      expect(page).toContain(`SHA-256 ${report.file.sha256}`);
    });
  });
});
