import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { dropFile, dropFiles, test } from '../serve';

const BINARY = 'test/fixtures/bin/linux-amd64';
const SUMS = 'test/fixtures/bin/sums-linux-amd64';
const SUMS_GO_SUM = 'test/fixtures/truth/sums-linux-amd64.go.sum';

// Signatures made by the real minisign for this run: the expected key id is the one minisign writes in the key.
const dir = mkdtempSync(join(tmpdir(), 'gobinscope-e2e-sig-'));
const at = (name: string): string => join(dir, name);
const minisign = (args: string[]): void => void execFileSync('minisign', args, { cwd: dir, stdio: 'ignore' });
let keyId = '';

test.beforeAll(() => {
  minisign(['-G', '-W', '-p', 'release.pub', '-s', 'release.sec']);
  minisign(['-G', '-W', '-p', 'other.pub', '-s', 'other.sec']);
  minisign([
    '-S',
    '-s',
    'release.sec',
    '-m',
    join(process.cwd(), BINARY),
    '-x',
    at('linux-amd64.minisig'),
    '-t',
    'v1.0',
  ]);
  keyId = /minisign public key ([0-9A-F]{1,16})$/m.exec(readFileSync(at('release.pub'), 'utf8'))![1]!;
  // The same file with one byte flipped, under its own name, as a download changed after signing.
  const bytes = readFileSync(BINARY);
  bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
  writeFileSync(at('linux-amd64-tampered'), bytes);
  writeFileSync(at('broken.minisig'), 'untrusted comment: signature from minisign secret key\nnot base64 at all\n');
  writeFileSync(at('notes.txt'), 'release notes, not a signature\n');
  copyFileSync(SUMS_GO_SUM, at('go.sum'));
  // An OpenPGP key made on 2024-01-01 for one year (gpg's faked clock), and a signature made with it then.
  const gpg = (args: string[]): void =>
    void execFileSync('gpg', ['--batch', '--quiet', '--faked-system-time', '20240101T000000!', ...args], {
      env: { ...process.env, GNUPGHOME: at('gnupg') },
      stdio: 'ignore',
    });
  execFileSync('mkdir', ['-m', '700', at('gnupg')]);
  gpg(['--passphrase', '', '--quick-gen-key', 'Old Signer <old@example.invalid>', 'ed25519', 'sign', '1y']);
  gpg(['--armor', '--export', '-o', at('old.asc')]);
  gpg(['--detach-sign', '-o', at('linux-amd64.sig'), join(process.cwd(), BINARY)]);
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

const provenance = (page: Page) => page.getByRole('region', { name: 'Provenance' });

async function opened(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible({ timeout: 60_000 });
}

test('binary, minisign signature and key in one drop: Verified, with the key id minisign wrote', async ({
  page,
  served,
}) => {
  await page.goto(served.url);
  await dropFiles(page, [BINARY, at('linux-amd64.minisig'), at('release.pub')]);
  await opened(page, 'linux-amd64');
  const panel = provenance(page);
  await expect(panel.getByText('Verified', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByRole('button', { name: keyId, exact: true })).toBeVisible();
  await expect(panel.getByText('v1.0', { exact: true })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Files left out' })).toHaveCount(0);
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('verify-verified.png') });
});

test('a tampered copy with the same signature: Not verified, the file was changed', async ({ page, served }) => {
  await page.goto(served.url);
  await dropFiles(page, [at('linux-amd64-tampered'), at('linux-amd64.minisig'), at('release.pub')]);
  await opened(page, 'linux-amd64-tampered');
  const panel = provenance(page);
  await expect(panel.getByText('Not verified', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(panel).toContainText('the file was changed after signing');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('verify-tampered.png') });
});

test('an OpenPGP signature from a key that has expired since: Not verified, expired key', async ({ page, served }) => {
  await page.goto(served.url);
  await dropFiles(page, [BINARY, at('linux-amd64.sig'), at('old.asc')]);
  await opened(page, 'linux-amd64');
  const panel = provenance(page);
  await expect(panel.getByText('Not verified', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(panel).toContainText('expired key');
  await expect(panel).toContainText('the signing key expired on 2024-12-31');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('verify-expired.png') });
});

test('Verify signature… in the panel: the wrong key says so, a broken signature file leaves the report', async ({
  page,
  served,
}) => {
  await page.goto(served.url);
  await dropFile(page, BINARY);
  await opened(page, 'linux-amd64');
  const panel = provenance(page);
  const choose = async (files: string[]): Promise<void> => {
    const chooser = page.waitForEvent('filechooser');
    await panel.getByRole('button', { name: 'Verify signature…' }).click();
    await (await chooser).setFiles(files);
  };
  await choose([at('linux-amd64.minisig'), at('other.pub')]);
  await expect(panel.getByText('Not verified', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(panel).toContainText('wrong key');

  await choose([at('broken.minisig')]);
  await expect(panel.getByRole('alert')).toContainText('The signature could not be checked', { timeout: 30_000 });
  await expect(panel).toContainText('the minisign signature needs four lines');
  await expect(page.getByRole('heading', { level: 1, name: 'linux-amd64', exact: true })).toBeVisible();

  await choose([at('release.pub'), at('notes.txt')]);
  await expect(panel.getByRole('status', { name: 'Files left out' })).toContainText('notes.txt');
});

test('files a drop cannot use are named with the reason, not dropped silently', async ({ page, served }) => {
  await page.goto(served.url);
  await dropFiles(page, [BINARY, at('linux-amd64.minisig'), at('release.pub'), at('notes.txt')]);
  await opened(page, 'linux-amd64');
  const note = page.getByRole('status', { name: 'Files left out' });
  await expect(note).toContainText('notes.txt');
  await expect(note).toContainText('only one binary is checked against them at a time');

  await dropFiles(page, [BINARY, SUMS, 'test/fixtures/bin/linux-386']);
  await expect(page.getByRole('heading', { level: 1, name: 'linux-amd64 ↔ sums-linux-amd64' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(note).toContainText('linux-386');
  await expect(note).toContainText('at most 2 files open at once');
});

test('a go.sum dropped with the binary: consistent, as go build wrote it', async ({ page, served }) => {
  await page.goto(served.url);
  await dropFiles(page, [SUMS, at('go.sum')]);
  await opened(page, 'sums-linux-amd64');
  // go version -m lists one dep with an h1: sum (test/fixtures/truth/sums-linux-amd64.goversion.txt).
  await expect(provenance(page)).toContainText('go.sum consistent: 1 module sum matches', { timeout: 30_000 });
});
