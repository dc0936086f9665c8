import { constants } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { EXECUTABLE_HEAD_BYTES, looksExecutable } from '../core/container/executable';

/** Folders nested deeper than this are not entered: without followed symlinks only a hostile tree gets there. */
export const MAX_FOLDER_DEPTH = 64;

export type FolderItem =
  { kind: 'executable'; path: string; relative: string } | { kind: 'problem'; relative: string; message: string };

/** Read-only and never waiting on a FIFO, as for any dropped file (src/host/read-file.ts). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read: permission denied';
  if (code === 'ENOENT') return 'disappeared while the folder was read';
  return `could not be read (${code})`;
}

/** Whether a regular file starts like an ELF, PE or Mach-O executable; only its first block is read. */
async function startsLikeExecutable(path: string): Promise<boolean> {
  const handle = await open(path, OPEN_FLAGS);
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size === 0) return false;
    const head = new Uint8Array(Math.min(EXECUTABLE_HEAD_BYTES, info.size));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return looksExecutable(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/**
 * Every executable under a folder, recursively, in name order (so runs compare line by line). Symbolic links are
 * never followed, not even inside the folder: what they point to inside is read where it lies, and what lies
 * outside is not the folder's. A file or folder that cannot be read is reported and the walk goes on.
 */
export async function* walkExecutables(root: string, prefix = '', depth = 0): AsyncGenerator<FolderItem> {
  if (depth > MAX_FOLDER_DEPTH) {
    yield { kind: 'problem', relative: prefix, message: `nested more than ${MAX_FOLDER_DEPTH} folders deep` };
    return;
  }
  let entries;
  try {
    entries = await readdir(join(root, prefix), { withFileTypes: true });
  } catch (error) {
    yield { kind: 'problem', relative: prefix || '.', message: reason(error) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* walkExecutables(root, relative, depth + 1);
    else if (entry.isFile()) {
      const path = join(root, relative);
      const verdict = await startsLikeExecutable(path).then(
        (executable) => ({ executable }),
        (error: unknown) => ({ error: reason(error) }),
      );
      if ('error' in verdict) yield { kind: 'problem', relative, message: verdict.error };
      else if (verdict.executable) yield { kind: 'executable', path, relative };
    }
  }
}
