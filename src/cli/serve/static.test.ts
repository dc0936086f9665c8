import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { staticFile } from './static';

const parent = mkdtempSync(join(tmpdir(), 'gobinscope-static-'));
const root = join(parent, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(root, 'assets', 'a.js'), 'x');
writeFileSync(join(parent, 'secret.txt'), 'no');
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('staticFile', () => {
  it('serves files under the root, with or without a trailing slash on the root', async () => {
    expect((await staticFile(root, 'index.html'))?.type).toMatch(/text\/html/);
    expect((await staticFile(root + '/', 'assets/a.js'))?.type).toMatch(/javascript/);
  });

  it('refuses anything outside the root', async () => {
    expect(await staticFile(root, '../secret.txt')).toBeNull();
    expect(await staticFile(root, '%2e%2e/secret.txt')).toBeNull();
    expect(await staticFile(root, '%E0%A4%A')).toBeNull();
    expect(await staticFile(root, 'missing.js')).toBeNull();
  });
});
