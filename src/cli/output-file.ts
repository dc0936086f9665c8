// Every file the command line writes goes through here. Two promises to the user: an input (the binary, the SBOM,
// the file compared with) is never written, whatever name -o gives it (itself, a symlink, a hard link); and an
// output is either the old file or the whole new one, never half a report, because it is written to a temporary
// file in the same folder and renamed over the target (rename is atomic within one file system).
import { randomBytes } from 'node:crypto';
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from './analyze-command';
import { UsageError, type ParsedArgs } from './args';

/** A place to write, checked against the command's inputs. */
export interface OutputTarget {
  path: string;
  inputs: readonly string[];
}

type Identity = { dev: number; ino: number };

async function identityOf(path: string): Promise<Identity | null> {
  // stat follows symlinks, and a hard link shares the inode: either way the same file has the same identity.
  const info = await stat(path).catch(() => null);
  return info ? { dev: info.dev, ino: info.ino } : null;
}

/** Refuses (exit 2, one line) an output that is one of the inputs under any name. */
async function refuseInputs(target: OutputTarget): Promise<void> {
  const output = await identityOf(target.path);
  if (!output) return;
  for (const input of target.inputs) {
    const identity = await identityOf(input);
    if (identity && identity.dev === output.dev && identity.ino === output.ino) {
      throw new InputError(`refusing to write ${target.path}: it is the input ${input}, which is never changed`);
    }
  }
}

/**
 * Checks -o before a long analysis, so a mistake is said at once: the folder must exist, the name must not be a
 * folder, and it must not be any input of the command.
 */
export async function checkOutput(path: string, inputs: readonly string[]): Promise<OutputTarget> {
  const folder = await stat(dirname(resolve(path))).catch(() => null);
  if (!folder?.isDirectory()) throw new InputError(`cannot write ${path}: its folder does not exist`);
  if ((await stat(path).catch(() => null))?.isDirectory()) throw new InputError(`cannot write ${path}: it is a folder`);
  const target = { path, inputs };
  await refuseInputs(target);
  return target;
}

/** The checked -o (or --output) of a command; null when its output goes to stdout (no -o, or -o -). */
export async function outputTarget(args: ParsedArgs, inputs: readonly string[]): Promise<OutputTarget | null> {
  const output = args.flags.get('o') ?? args.flags.get('output');
  if (output === true) throw new UsageError('-o needs a file name');
  return output === undefined || output === '-' ? null : checkOutput(output, inputs);
}

/** A name next to the target, hidden and unique, so the rename stays within one folder and one file system. */
function temporaryName(path: string): string {
  return join(dirname(resolve(path)), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Has `produce` write the whole output to a temporary file, then renames it over the target. Whatever goes wrong
 * before the rename (the producer fails, the disk is full, the process is killed), the target is untouched; on an
 * error the temporary file is removed too. A file-system refusal is the user's to fix: one line, exit 2.
 */
export async function writeOutputWith(target: OutputTarget, produce: (temporary: string) => Promise<void>) {
  const temporary = temporaryName(target.path);
  try {
    await produce(temporary);
    // Checked again at the last moment: the name may have been pointed at an input during a long analysis.
    await refuseInputs(target);
    await rename(temporary, target.path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code))
      throw new InputError(`cannot write ${target.path}: ${code}`);
    throw error;
  }
}

/** Writes text or bytes as the whole output. */
export function writeOutput(target: OutputTarget, data: string | Uint8Array): Promise<void> {
  // "wx": the temporary name is new; never follow a file someone placed there.
  return writeOutputWith(target, (temporary) => writeFile(temporary, data, { flag: 'wx' }));
}
