import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Result } from '../common/result';
import { fail, ok } from '../common/result';
import { MAX_FILE_SIZE } from '../core/io/limits';

/**
 * Bytes asked of the kernel per read. Linux returns at most 0x7ffff000 bytes from one read(), and Node refuses
 * lengths above 2^31 - 1, so a whole 2 GiB file never arrives in one call: the reader loops in steps of this size.
 */
export const READ_CHUNK_BYTES = 64 * 1024 * 1024;

/**
 * Read-only, and never waiting on the path: O_NONBLOCK makes opening a FIFO without a writer return at once instead
 * of blocking, and O_NOCTTY keeps a terminal device from becoming ours. No O_CREAT: a missing path stays missing.
 * Platforms without these flags (Windows) get 0, which is harmless there.
 */
export const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** What the exact reader needs from an open file; a FileHandle has it, and tests wrap one. */
export interface ReadSource {
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  stat(): Promise<Stats>;
}

/**
 * Reads a file for inspection: opened read-only, never executed, never written. The descriptor is checked after
 * opening (fstat, not stat-then-open), so a path swapped for a pipe or a device in between is refused, not waited
 * on. Bad input comes back as data with a sentence the user can act on.
 */
export async function readInputFile(path: string): Promise<Result<Uint8Array>> {
  const name = basename(path);
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    return fsError(error, name);
  }
  try {
    const info = await handle.stat();
    const refusal = refuse(info, name);
    return refusal ?? (await readExactly(handle, info, name));
  } catch (error) {
    return fsError(error, name);
  } finally {
    await handle.close();
  }
}

/** Why a file that is open cannot be analysed, or null when it can. */
function refuse(info: Stats, name: string): Result<Uint8Array> | null {
  if (info.isDirectory()) return fail('EISDIR', `${name} is a directory, not a file. Drop the executable inside it.`);
  if (!info.isFile())
    return fail('NOT_FILE', `${name} is ${kindOf(info)}, not a regular file: Gobinscope reads only regular files.`);
  if (info.size === 0) return fail('EMPTY', `${name} is empty (0 bytes): there is nothing to analyse.`);
  if (info.size > MAX_FILE_SIZE)
    return fail('TOO_LARGE', `${name} is ${info.size} bytes, more than the 2 GiB − 1 byte Gobinscope reads.`);
  return null;
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/**
 * Reads exactly the size fstat gave, in a loop (a short read is normal and simply continues). A file that ends early
 * or has bytes past that size, or whose size or time changed by the end, changed while it was read: that is an
 * error, because a partial buffer would give a wrong size and a wrong SHA-256 in the report.
 */
export async function readExactly(
  source: ReadSource,
  info: Stats,
  name: string,
  chunkBytes = READ_CHUNK_BYTES,
): Promise<Result<Uint8Array>> {
  const size = info.size;
  const bytes = new Uint8Array(size);
  let done = 0;
  while (done < size) {
    const { bytesRead } = await source.read(bytes, done, Math.min(chunkBytes, size - done), done);
    if (bytesRead === 0) return changed(name, `it ended after ${done} of ${size} bytes`);
    done += bytesRead;
  }
  const probe = await source.read(new Uint8Array(1), 0, 1, size);
  if (probe.bytesRead !== 0) return changed(name, `it has more than the ${size} bytes it had when opened`);
  const after = await source.stat();
  if (after.size !== size || after.mtimeMs !== info.mtimeMs)
    return changed(name, `its size or modification time changed (${size} → ${after.size} bytes)`);
  return ok(bytes);
}

function changed(name: string, how: string): Result<Uint8Array> {
  return fail('CHANGED', `${name} changed while it was being read (${how}); analyse it again once it is complete.`);
}

function fsError(error: unknown, name: string): Result<Uint8Array> {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  if (code === 'ENOENT') return fail(code, `${name} does not exist (it may have been moved or deleted).`);
  if (code === 'EACCES' || code === 'EPERM') return fail(code, `${name} cannot be read: permission denied.`);
  if (code === 'EISDIR') return fail(code, `${name} is a directory, not a file. Drop the executable inside it.`);
  // Opening a Unix socket (or a device with nothing behind it) fails with ENXIO.
  if (code === 'ENXIO')
    return fail(
      'NOT_FILE',
      `${name} is a socket or a device, not a regular file: Gobinscope reads only regular files.`,
    );
  return fail(code, `${name} could not be read (${code}).`, String(error));
}
