import { constants, existsSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FormatError } from '../core/io/errors';
import type { Report } from '../core/report/types';
import { BatchRun, type BatchItem, type BatchResult } from '../host/batch';
import { walkExecutables } from '../host/batch-folder';
import { readImageArchive, type ImageSummary } from '../host/batch-image';
import { defaultVulnDbPath, resolveVulnDb } from '../host/vulndb-store';
import { InputError, analyzeForOutput } from './analyze-command';
import type { ParsedArgs } from './args';
import { revealing } from './secrets';

export interface InputOptions {
  reveal: boolean;
  /** List the printable runs inside machine code too (one file only). */
  allStrings?: boolean;
  /** The --vulndb flag as given. */
  vulnDb: string | true | undefined;
}

/** What a run over the inputs met besides reports: images read, and files it could not analyse. */
export interface InputRun {
  images: ImageSummary[];
  folders: string[];
  problems: number;
  /** One plain file was named: commands print its report as they always did (an object, not a list). */
  single: boolean;
}

/** The bundled worker next to the bundled command line (out/cli/worker.mjs), from out/cli or out/cli/chunks. */
function workerUrl(): URL {
  for (const relative of ['./worker.mjs', '../worker.mjs']) {
    const url = new URL(relative, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new InputError('the analysis worker is not built yet: run `npm run build` in the project folder');
}

/** A tar archive, by the ustar magic every tar writer since 1988 puts at byte 257. */
async function isTar(path: string): Promise<boolean> {
  // Non-blocking, as for any input: a path swapped for a FIFO since it was checked must not hang the run.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const head = new Uint8Array(262);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return bytesRead === head.length && new TextDecoder().decode(head.subarray(257, 262)) === 'ustar';
  } finally {
    await handle.close();
  }
}

function report(where: string, message: string): void {
  process.stderr.write(`gobinscope: ${where}: ${message}\n`);
}

/** One plain file: analysed in this process as always, without starting a worker pool. */
export async function isSingleFile(positionals: string[]): Promise<boolean> {
  if (positionals.length !== 1) return false;
  const info = await stat(positionals[0]!).catch(() => null);
  return !info || (info.isFile() && !(await isTar(positionals[0]!)));
}

/** Why an image archive could not be read: its damage, or the file system's refusal; anything else is our bug. */
function unreadableArchive(error: unknown): string {
  if (error instanceof FormatError) return `not a readable image archive: ${error.message} (at byte ${error.offset})`;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string') return `could not be read (${code})`;
  throw error;
}

/** Feeds one named input to the batch: a folder's executables, an image's binaries, or the file itself. */
async function expand(path: string, batch: BatchRun, run: InputRun): Promise<void> {
  const info = await stat(path).catch(() => null);
  const shown = path.replace(/\/+$/, '') || '/';
  const inside = (relative: string): string => (shown === '/' ? `/${relative}` : `${shown}/${relative}`);
  const problem = (where: string, message: string): void => {
    run.problems++;
    report(where, message);
  };
  if (info?.isDirectory()) {
    run.folders.push(shown);
    for await (const item of walkExecutables(path)) {
      if (item.kind === 'problem') problem(inside(item.relative), item.message);
      else {
        const name = inside(item.relative);
        await batch.add({ input: { kind: 'path', path: item.path, name }, origin: { path: name } });
      }
    }
    return;
  }
  if (info?.isFile() && (await isTar(path))) {
    const images = await readImageArchive(path, {
      binary: ({ image, path: inside, layerDigest, bytes }) =>
        batch.add({
          input: { kind: 'bytes', bytes, name: inside },
          origin: { path: inside, image, layer: layerDigest },
        }),
      problem,
    }).catch((error: unknown) => {
      problem(shown, unreadableArchive(error));
      return 'unreadable' as const;
    });
    if (images === 'unreadable') return;
    if (images) return void run.images.push(...images);
  }
  await batch.add({ input: { kind: 'path', path, name: basename(path) }, origin: { path: shown } });
}

/**
 * Every report for the command line's inputs: files, folders (every executable inside, recursively) and container
 * images saved as tarballs (every Go binary their layers leave). Several files go through the worker pool, results
 * in input order; one plain file is analysed in process. Files that cannot be analysed are reported on stderr and
 * counted; the run goes on. `maskedFindings`: the report's findings with every secret masked (for baseline
 * fingerprints, which must never hold one), or null when a pooled run was asked to reveal them.
 */
export async function forEachReport(
  positionals: string[],
  options: InputOptions,
  onReport: (report: Report, maskedFindings: Report['findings'] | null) => void,
): Promise<InputRun> {
  // Read once here, so a bad database stops the run at once with its own message.
  const vulnIndex = await resolveVulnDb(options.vulnDb);
  const run: InputRun = { images: [], folders: [], problems: 0, single: await isSingleFile(positionals) };
  if (run.single) {
    const { report, masking } = await analyzeForOutput(positionals[0]!, options.reveal, vulnIndex, options.allStrings);
    onReport(report, masking.value(report.findings));
    return run;
  }
  const vulnDb = vulnIndex ? (typeof options.vulnDb === 'string' ? options.vulnDb : defaultVulnDbPath()) : null;
  const onResult = (result: BatchResult): void => {
    if ('error' in result) {
      run.problems++;
      return report(result.item.origin.path, result.error.message);
    }
    // An image holds many executables; the ones that are not Go (a shell, libc's tools) are not the subject.
    if (result.item.origin.image && !result.report.go) return;
    reported++;
    // The pool's workers mask unless clear values were asked for; then no masked copy comes back.
    onReport(result.report, options.reveal ? null : result.report.findings);
  };
  let reported = 0;
  const batch = new BatchRun(workerUrl(), { vulnDb, reveal: options.reveal }, onResult);
  try {
    for (const path of positionals) await expand(path, batch, run);
  } finally {
    await batch.finish();
  }
  // Nothing to report is a wrong path more often than an answer: said once, and the run exits 2.
  if (reported === 0 && run.problems === 0) {
    run.problems++;
    const what = run.images.length > 0 ? 'no Go binary in the image' : 'no executable (ELF, PE or Mach-O) inside';
    report(positionals.join(' '), `nothing to analyse: ${what}`);
  }
  return run;
}

export type { BatchItem };

/** The options every command over many inputs takes from its flags. */
export function inputOptions(args: ParsedArgs): InputOptions {
  return { reveal: revealing(args), vulnDb: args.flags.get('vulndb') };
}

/** JSON Lines: one report per line, written as soon as it is ready, for pipelines that stream. */
export function writeJsonLine(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

/** The JSON a command prints for its reports: the report itself for one named file, else the list. */
export function jsonOf(run: InputRun, reports: unknown[]): string {
  return JSON.stringify(run.single ? reports[0] : reports, null, 2);
}

/** A run that could not read every file it was given is incomplete: exit 2, whatever the files it read said. */
export function exitFor(run: InputRun, code: number): number {
  return run.problems > 0 ? 2 : code;
}
