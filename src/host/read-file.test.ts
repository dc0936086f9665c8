import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  constants,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { appendFile, open, truncate } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readExactly, readInputFile, type ReadSource } from './read-file';

const dir = mkdtempSync(join(tmpdir(), 'gobinscope-read-'));
const fifo = join(dir, 'pipe');
let socketServer: Server | undefined;
afterAll(() => {
  // Should a reader ever block on the FIFO, a writer end releases it so the test process can exit.
  try {
    closeSync(openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK));
  } catch {
    // no FIFO was made
  }
  socketServer?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Fails instead of hanging when a read never returns. */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms: the read is blocked`)), ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

function sha256sum(path: string): string {
  return execFileSync('sha256sum', [path], { encoding: 'utf8' }).split(' ')[0]!;
}

describe('readInputFile', () => {
  it('reads bytes without changing the file, with the SHA-256 sha256sum gives', async () => {
    const path = join(dir, 'tool');
    writeFileSync(path, Buffer.from('\x7fELF-and-more'));
    chmodSync(path, 0o755);
    const before = statSync(path);
    const result = await readInputFile(path);
    expect(result.ok && result.value.length).toBe(13);
    expect(result.ok && createHash('sha256').update(result.value).digest('hex')).toBe(sha256sum(path));
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

  it('refuses a FIFO with no writer at once instead of waiting for one', async () => {
    execFileSync('mkfifo', [fifo]);
    const result = await within(5_000, readInputFile(fifo));
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FILE' } });
    expect(!result.ok && result.error.message).toBe(
      'pipe is a named pipe (FIFO), not a regular file: Gobinscope reads only regular files.',
    );
  });

  it('refuses character devices and sockets', async () => {
    for (const device of ['/dev/null', '/dev/zero']) {
      const result = await within(5_000, readInputFile(device));
      expect(!result.ok && result.error.message).toMatch(/is a character device, not a regular file/);
    }
    const socketPath = join(dir, 'sock');
    socketServer = createServer();
    await new Promise<void>((resolve) => socketServer!.listen(socketPath, resolve));
    const result = await within(5_000, readInputFile(socketPath));
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FILE' } });
  });

  it('refuses a file of 2 GiB without reading it', async () => {
    const path = join(dir, 'two-gib');
    execFileSync('truncate', ['-s', String(2 ** 31), path]);
    const result = await readInputFile(path);
    expect(result).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    expect(!result.ok && result.error.message).toMatch(/^two-gib is 2147483648 bytes, more than/);
    rmSync(path);
  });

  it('reads a sparse file of 2 GiB − 1 byte to its full length, hashed as sha256sum hashes it', async () => {
    // Linux returns at most 0x7ffff000 bytes from one read(): a single read would stop 4095 bytes short, before the
    // marker at the end. The digest is what `sha256sum` printed for this file (made the same way: `truncate -s
    // 2147483647`, then "end" written at offset 2147483644); `openssl dgst -sha256` agreed. Recorded rather than run
    // here because sha256sum takes many seconds over 2 GiB on a shared machine.
    const path = join(dir, 'largest');
    execFileSync('truncate', ['-s', String(2 ** 31 - 1), path]);
    const marker = openSync(path, 'r+');
    writeSync(marker, 'end', 2 ** 31 - 4);
    closeSync(marker);
    const result = await readInputFile(path);
    rmSync(path);
    expect(result.ok && result.value.length).toBe(2 ** 31 - 1);
    const digest = result.ok ? createHash('sha256').update(result.value).digest('hex') : '';
    expect(digest).toBe('c102c66edb53dd394219080979addfc4cb8633c116d74ab39ef02bf5fd800500');
  }, 60_000);
});

/** A real open file whose reads are cut to `most` bytes, and which runs `afterFirst` once its first read returns. */
async function openWith(
  path: string,
  most: number,
  afterFirst?: () => Promise<void>,
): Promise<ReadSource & { close(): Promise<void> }> {
  const handle = await open(path, 'r');
  let first = true;
  return {
    read: async (buffer, offset, length, position) => {
      const result = await handle.read(buffer, offset, Math.min(length, most), position);
      if (first && afterFirst) await afterFirst();
      first = false;
      return result;
    },
    stat: () => handle.stat(),
    close: () => handle.close(),
  };
}

describe('readExactly', () => {
  const content = Buffer.from('0123456789abcdefghijklmnopqrstuvwxyz');

  it('keeps reading after short reads until it has every byte', async () => {
    const path = join(dir, 'short-reads');
    writeFileSync(path, content);
    const source = await openWith(path, 5);
    const result = await readExactly(source, await source.stat(), 'short-reads', 8);
    await source.close();
    expect(result.ok && Buffer.from(result.value).equals(content)).toBe(true);
  });

  it('fails a file that shrinks while it is read', async () => {
    const path = join(dir, 'shrinks');
    writeFileSync(path, content);
    const source = await openWith(path, 8, () => truncate(path, 12));
    const result = await readExactly(source, await source.stat(), 'shrinks', 8);
    await source.close();
    expect(result).toMatchObject({ ok: false, error: { code: 'CHANGED' } });
    expect(!result.ok && result.error.message).toMatch(
      /^shrinks changed while it was being read \(it ended after 12 of 36/,
    );
  });

  it('fails a file that grows while it is read', async () => {
    const path = join(dir, 'grows');
    writeFileSync(path, content);
    const source = await openWith(path, 8, () => appendFile(path, 'more'));
    const result = await readExactly(source, await source.stat(), 'grows', 8);
    await source.close();
    expect(result).toMatchObject({ ok: false, error: { code: 'CHANGED' } });
    expect(!result.ok && result.error.message).toMatch(/it has more than the 36 bytes/);
  });
});
