import { Worker } from 'node:worker_threads';
import type { FileSource } from '../common/dto';
import { fail, type Result } from '../common/result';
import type { VerificationResult, VerifyRequest } from '../common/verify';
import type { WorkerRequest } from './messages';
import type { MaterialRole, VerifyWorkerReply, VerifyWorkerRequest } from './verify-messages';

/** Checks that run at once; each holds its binary in memory, so a third waits for the user to try again. */
export const MAX_VERIFICATIONS = 2;

const ROLES: readonly MaterialRole[] = ['file', 'signature', 'key', 'trustedRoot', 'goSum'];

/** The part of the file registry a check needs: the sources it may read, as worker inputs. */
export interface SourceRegistry {
  request(jobId: string, sources: FileSource[]): Result<WorkerRequest>;
}

/**
 * Runs signature and go.sum checks for the app and serve mode, each in a worker thread of its own that is ended
 * when it answers. The files are only read (paths) or were uploaded (bytes handed over); none is written.
 */
export class VerificationService {
  private running = 0;
  private readonly workers = new Set<Worker>();

  constructor(private readonly workerUrl: URL) {}

  async verify(request: VerifyRequest, registry: SourceRegistry): Promise<Result<VerificationResult>> {
    if (request.signature === null && request.goSum === null)
      return fail('NOTHING_TO_CHECK', 'Add a signature (with its public key) or a go.sum to check the file against.');
    if (this.running >= MAX_VERIFICATIONS)
      return fail('BUSY', 'Other checks are still running; try again when they have finished.');
    const roles = ROLES.filter((role) => request[role] !== null);
    const taken = registry.request(
      'verify',
      roles.map((role) => request[role]!),
    );
    if (!taken.ok) return taken;
    this.running++;
    try {
      const inputs = roles.map((role, i) => ({ role, input: taken.value.inputs[i]! }));
      return await this.inWorker({ inputs });
    } finally {
      this.running--;
      taken.value.release?.();
    }
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.workers].map((worker) => worker.terminate()));
  }

  private inWorker(request: VerifyWorkerRequest): Promise<Result<VerificationResult>> {
    return new Promise((resolve) => {
      const worker = new Worker(this.workerUrl);
      this.workers.add(worker);
      const settle = (result: Result<VerificationResult>): void => {
        if (!this.workers.delete(worker)) return;
        void worker.terminate();
        resolve(result);
      };
      worker.on('message', (reply: VerifyWorkerReply) => settle(reply.result));
      worker.on('error', (error) =>
        settle(fail('WORKER_CRASHED', 'The check stopped unexpectedly; the app is fine, try again.', String(error))),
      );
      worker.on('exit', (code) => settle(fail('WORKER_CRASHED', `The check exited (code ${code}) before finishing.`)));
      // Uploaded bytes move to the worker instead of being copied.
      const buffers = request.inputs.flatMap(({ input }) => (input.kind === 'bytes' ? [input.bytes.buffer] : []));
      worker.postMessage(request, [...new Set(buffers as ArrayBuffer[])]);
    });
  }
}
