import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import type { FileSource, InitialFile } from '../common/dto';
import type { Result } from '../common/result';
import { fail, ok } from '../common/result';
import type { WorkerInput, WorkerRequest } from './messages';

const MAX_UPLOADS = 16;

/**
 * The files a session may analyse: those named on the command line or opened through a native dialog (by id), bytes
 * uploaded by a browser (serve mode), and — only in the desktop app — paths the app's own renderer got from a drop.
 */
export class FileRegistry {
  private readonly known = new Map<string, string>();
  private readonly uploads = new Map<string, { name: string; bytes: Uint8Array }>();

  constructor(private readonly allowPaths: boolean) {}

  /** Registers a path the user chose (argv, menu, dialog) and returns its source. */
  register(path: string): InitialFile {
    const id = randomBytes(9).toString('base64url');
    this.known.set(id, path);
    return { source: { kind: 'initial', id }, name: basename(path) };
  }

  addUpload(name: string, bytes: Uint8Array): string {
    if (this.uploads.size >= MAX_UPLOADS) this.uploads.delete(this.uploads.keys().next().value!);
    const id = randomBytes(9).toString('base64url');
    this.uploads.set(id, { name, bytes });
    return id;
  }

  pathOf(source: FileSource): string | null {
    if (source.kind === 'initial') return this.known.get(source.id) ?? null;
    if (source.kind === 'path' && this.allowPaths) return source.path;
    return null;
  }

  /** The worker input for a source, or an error when the source is not one this session may read. */
  private input(source: FileSource): Result<WorkerInput> {
    if (source.kind === 'upload') {
      const upload = this.uploads.get(source.id);
      if (!upload) return fail('UNKNOWN_FILE', 'That upload is no longer available; drop the file again.');
      this.uploads.delete(source.id);
      return ok({ kind: 'bytes', bytes: upload.bytes, name: upload.name });
    }
    const path = this.pathOf(source);
    if (path === null)
      return fail('FORBIDDEN', 'Only files you dropped, picked or named on the command line can be analysed.');
    return ok({ kind: 'path', path, name: basename(path) });
  }

  request(jobId: string, sources: FileSource[]): Result<WorkerRequest> {
    const inputs: WorkerInput[] = [];
    for (const source of sources) {
      const input = this.input(source);
      if (!input.ok) return input;
      inputs.push(input.value);
    }
    return ok({ jobId, inputs });
  }
}
