import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import type { FileSource, InitialFile } from '../common/dto';
import type { Result } from '../common/result';
import { fail, ok } from '../common/result';
import { MAX_UPLOADS, UPLOAD_TTL_MS } from './limits';
import type { WorkerInput, WorkerRequest } from './messages';

interface Upload {
  name: string;
  bytes: Uint8Array;
  release: () => void;
  timer: NodeJS.Timeout;
}

/**
 * The files a session may analyse: those named on the command line, opened through a native dialog, dropped or
 * picked from the recent list (by id: src/main/user-paths.ts), and bytes uploaded by a browser (serve mode).
 * An upload is handed out once; its `release` runs when the analysis of it ends, or when it is dropped unanalysed.
 */
export class FileRegistry {
  private readonly known = new Map<string, string>();
  private readonly uploads = new Map<string, Upload>();

  constructor(
    private readonly allowPaths: boolean,
    private readonly uploadTtlMs = UPLOAD_TTL_MS,
  ) {}

  /** Registers a path the user chose (argv, menu, dialog) and returns its source. */
  register(path: string): InitialFile {
    const id = randomBytes(9).toString('base64url');
    this.known.set(id, path);
    return { source: { kind: 'initial', id }, name: basename(path) };
  }

  addUpload(name: string, bytes: Uint8Array, release: () => void = () => undefined): string {
    if (this.uploads.size >= MAX_UPLOADS) this.drop(this.uploads.keys().next().value!);
    const id = randomBytes(9).toString('base64url');
    const timer = setTimeout(() => this.drop(id), this.uploadTtlMs);
    // An upload waiting for its analysis must not keep a closing server alive.
    timer.unref();
    this.uploads.set(id, { name, bytes, release, timer });
    return id;
  }

  /** How many uploads are waiting to be analysed. */
  get heldUploads(): number {
    return this.uploads.size;
  }

  pathOf(source: FileSource): string | null {
    if (source.kind === 'initial') return this.known.get(source.id) ?? null;
    if (source.kind === 'path' && this.allowPaths) return source.path;
    return null;
  }

  /** The worker request for these sources, or an error when one is not a source this session may read. */
  request(jobId: string, sources: FileSource[]): Result<WorkerRequest> {
    const inputs: WorkerInput[] = [];
    const releases: (() => void)[] = [];
    const releaseAll = (): void => releases.forEach((release) => release());
    for (const source of sources) {
      const input = this.input(source, releases);
      if (!input.ok) {
        releaseAll();
        return input;
      }
      inputs.push(input.value);
    }
    return ok({ jobId, inputs, release: once(releaseAll) });
  }

  private input(source: FileSource, releases: (() => void)[]): Result<WorkerInput> {
    if (source.kind === 'upload') {
      const upload = this.take(source.id);
      if (!upload) return fail('UNKNOWN_FILE', 'That upload is no longer available; drop the file again.');
      releases.push(upload.release);
      return ok({ kind: 'bytes', bytes: upload.bytes, name: upload.name });
    }
    const path = this.pathOf(source);
    if (path === null)
      return fail('FORBIDDEN', 'Only files you dropped, picked or named on the command line can be analysed.');
    return ok({ kind: 'path', path, name: basename(path) });
  }

  private take(id: string): Upload | null {
    const upload = this.uploads.get(id);
    if (!upload) return null;
    this.uploads.delete(id);
    clearTimeout(upload.timer);
    return upload;
  }

  private drop(id: string): void {
    this.take(id)?.release();
  }
}

function once(action: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    action();
  };
}
