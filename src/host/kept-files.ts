import { open } from 'node:fs/promises';
import type { ByteWindow, Outcome } from '../common/dto';
import type { Result } from '../common/result';
import { fail, ok } from '../common/result';
import { MAX_BYTE_WINDOW, MAX_KEPT_UPLOAD_BYTES } from './limits';
import { analysesOf, maskedRanges, maskWindow, type AnalysisPlace, type MaskedRange } from './masked-ranges';
import type { WorkerInput } from './messages';
import { OPEN_FLAGS } from './read-file';

/** Where one analysed file's bytes can be read again: its path (checked against the size analysed), or kept bytes. */
type Source = { kind: 'path'; path: string; size: number } | { kind: 'bytes'; bytes: Uint8Array };

interface KeptJob {
  files: Map<AnalysisPlace, { source: Source; masked: MaskedRange[] }>;
  /** What the redaction masks (secret values), to blank any copy the known ranges miss. */
  units: string[];
}

/**
 * The files of the last few finished jobs, so a window can look at the bytes around an offset (the hex view). Only
 * files a job analysed can be read, by job id and place, never by a path from a window; bytes that hold a masked
 * text are blanked. Uploads are kept in memory up to MAX_KEPT_UPLOAD_BYTES together, the oldest forgotten first.
 */
export class KeptFiles {
  private readonly jobs = new Map<string, KeptJob>();

  constructor(private readonly maxJobs: number) {}

  /** `returned`: the uploads' bytes, handed back by the worker, in input order (null for paths). */
  keep(
    jobId: string,
    inputs: WorkerInput[],
    returned: (Uint8Array | null)[],
    outcome: Outcome,
    clear: ReadonlyMap<string, string>,
    units: string[],
  ): void {
    const ranges = maskedRanges(outcome, clear);
    const files: KeptJob['files'] = new Map();
    for (const { place, input, analysis } of analysesOf(
      outcome,
      inputs.map((i) => i.name),
    )) {
      const given = inputs[input];
      const bytes = returned[input];
      const source: Source | null =
        given?.kind === 'path'
          ? { kind: 'path', path: given.path, size: analysis.report.file.size }
          : bytes
            ? { kind: 'bytes', bytes }
            : null;
      if (source) files.set(place, { source, masked: ranges.get(place) ?? [] });
    }
    this.jobs.delete(jobId);
    this.jobs.set(jobId, { files, units });
    this.trim();
  }

  forget(): void {
    this.jobs.clear();
  }

  /** Up to MAX_BYTE_WINDOW bytes from `offset` of one file of a finished job, masked texts blanked. */
  async read(jobId: string, place: AnalysisPlace, offset: number, length: number): Promise<Result<ByteWindow>> {
    const file = this.jobs.get(jobId)?.files.get(place);
    if (!file)
      return fail('NOT_KEPT', 'The bytes of this file are no longer at hand; open the file again to look at them.');
    const size = file.source.kind === 'path' ? file.source.size : file.source.bytes.length;
    if (offset >= size) return fail('OUT_OF_RANGE', `Offset ${offset} is past the end of the file (${size} bytes).`);
    const units = this.jobs.get(jobId)!.units;
    const end = Math.min(size, offset + Math.min(length, MAX_BYTE_WINDOW));
    // Read a little either side, so a secret that only starts or ends inside the window is still found.
    const pad = Math.min(MAX_BYTE_WINDOW, Math.max(0, ...units.map((u) => Buffer.byteLength(u))));
    const from = Math.max(0, offset - pad);
    const read = await readRange(file.source, from, Math.min(size, end + pad) - from);
    if (!read.ok) return read;
    const wide = read.value;
    const hits = [...maskWindow(wide, from, file.masked, []), ...maskWindow(wide, from, [], units)];
    const bytes = wide.subarray(offset - from, Math.min(wide.length, end - from));
    const masked = hits
      .filter((r) => r.end > offset && r.start < offset + bytes.length)
      .map((r) => ({ start: Math.max(offset, r.start), end: Math.min(offset + bytes.length, r.end), path: r.path }))
      .sort((x, y) => x.start - y.start);
    return ok({ offset, bytes: Buffer.from(bytes).toString('base64'), fileSize: size, masked });
  }

  private trim(): void {
    for (const old of this.jobs.keys()) {
      if (this.jobs.size <= this.maxJobs && this.uploadBytes() <= MAX_KEPT_UPLOAD_BYTES) break;
      this.jobs.delete(old);
    }
  }

  private uploadBytes(): number {
    let total = 0;
    for (const job of this.jobs.values())
      for (const { source } of job.files.values()) if (source.kind === 'bytes') total += source.bytes.length;
    return total;
  }
}

async function readRange(source: Source, from: number, length: number): Promise<Result<Uint8Array>> {
  if (source.kind === 'bytes') return ok(source.bytes.slice(from, from + length));
  try {
    const handle = await open(source.path, OPEN_FLAGS);
    try {
      const info = await handle.stat();
      if (!info.isFile() || info.size !== source.size)
        return fail('CHANGED', 'The file changed since it was analysed; analyse it again to look at its bytes.');
      const bytes = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(bytes, done, length - done, from + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return ok(bytes.subarray(0, done));
    } finally {
      await handle.close();
    }
  } catch (error) {
    return fail('UNREADABLE', 'The file cannot be read again (moved, deleted or no longer readable).', String(error));
  }
}
