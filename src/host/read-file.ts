import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Result } from '../common/result';
import { fail, ok } from '../common/result';
import { MAX_FILE_SIZE } from '../core/io/limits';

/**
 * Reads a file for inspection: opened read-only, never executed, never written. Bad input comes back as data with a
 * sentence the user can act on.
 */
export async function readInputFile(path: string): Promise<Result<Uint8Array>> {
  const name = basename(path);
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    return fsError(error, name);
  }
  if (info.isDirectory()) return fail('EISDIR', `${name} is a directory, not a file. Drop the executable inside it.`);
  if (!info.isFile()) return fail('NOT_FILE', `${name} is not a regular file (a device, socket or pipe).`);
  if (info.size === 0) return fail('EMPTY', `${name} is empty (0 bytes): there is nothing to analyse.`);
  if (info.size > MAX_FILE_SIZE) return fail('TOO_LARGE', `${name} is larger than 2 GiB, the most Gobinscope reads.`);
  try {
    const handle = await open(path, 'r');
    try {
      const bytes = new Uint8Array(info.size);
      const { bytesRead } = await handle.read(bytes, 0, info.size, 0);
      return ok(bytesRead === info.size ? bytes : bytes.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch (error) {
    return fsError(error, name);
  }
}

function fsError(error: unknown, name: string): Result<Uint8Array> {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  if (code === 'ENOENT') return fail(code, `${name} does not exist (it may have been moved or deleted).`);
  if (code === 'EACCES' || code === 'EPERM') return fail(code, `${name} cannot be read: permission denied.`);
  return fail(code, `${name} could not be read (${code}).`, String(error));
}
