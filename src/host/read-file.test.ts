import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputFile } from './read-file';

const dir = mkdtempSync(join(tmpdir(), 'gobinscope-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readInputFile', () => {
  it('reads bytes without changing the file', async () => {
    const path = join(dir, 'tool');
    writeFileSync(path, Buffer.from('\x7fELF-and-more'));
    chmodSync(path, 0o755);
    const before = statSync(path);
    const result = await readInputFile(path);
    expect(result.ok && result.value.length).toBe(13);
    const after = statSync(path);
    expect([after.mtimeMs, after.mode, after.size]).toEqual([before.mtimeMs, before.mode, before.size]);
  });

  it('explains directories, missing and empty files', async () => {
    expect(await readInputFile(dir)).toMatchObject({ ok: false, error: { code: 'EISDIR' } });
    expect(await readInputFile(join(dir, 'nope'))).toMatchObject({ ok: false, error: { code: 'ENOENT' } });
    const empty = join(dir, 'empty');
    writeFileSync(empty, '');
    const result = await readInputFile(empty);
    expect(result).toMatchObject({ ok: false, error: { code: 'EMPTY' } });
    expect(!result.ok && result.error.message).toMatch(/is empty/);
  });
});
