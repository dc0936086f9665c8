import { Worker } from 'node:worker_threads';
import type { Outcome, PartialEvent, ProgressEvent } from '../../common/dto';
import type { Result } from '../../common/result';
import { fail } from '../../common/result';
import type { WorkerMessage, WorkerRequest } from './messages';

export interface JobListener {
  progress(event: ProgressEvent): void;
  partial(event: PartialEvent): void;
}

interface Job {
  worker: Worker;
  settle: (result: Result<Outcome>) => void;
}

/**
 * Runs analyses in worker threads, one worker per job: a crash or a cancel ends only that worker, and the next job
 * gets a fresh one. Shared by the desktop app and serve mode.
 */
export class AnalysisService {
  private readonly jobs = new Map<string, Job>();

  /** `vulnDb` names the vulnerability database per job, so an import made while the app runs counts. */
  constructor(
    private readonly workerUrl: URL,
    private readonly vulnDb: () => string | null = () => null,
  ) {}

  run(request: WorkerRequest, listener: JobListener): Promise<Result<Outcome>> {
    const { jobId } = request;
    const name = request.inputs.map((i) => i.name).join(' + ');
    if (this.jobs.has(jobId)) return Promise.resolve(fail('BUSY', `Job ${jobId} is already running.`));
    return new Promise((resolve) => {
      const worker = new Worker(this.workerUrl);
      const settle = (result: Result<Outcome>): void => {
        if (!this.jobs.delete(jobId)) return;
        resolve(result);
        void worker.terminate();
      };
      this.jobs.set(jobId, { worker, settle });
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') {
          const { stage, fraction, fileSize } = message;
          listener.progress({ jobId, stage, fraction, fileName: name, fileSize });
        } else if (message.type === 'partial') listener.partial({ jobId, report: message.report });
        else settle(message.result);
      });
      worker.on('error', (error) =>
        settle(
          fail(
            'WORKER_CRASHED',
            'The analysis worker stopped unexpectedly; the app is fine, try again.',
            String(error),
          ),
        ),
      );
      worker.on('exit', (code) =>
        settle(fail('WORKER_CRASHED', `The analysis worker exited (code ${code}) before finishing.`)),
      );
      const transfer = request.inputs.flatMap((i) => (i.kind === 'bytes' ? [i.bytes.buffer as ArrayBuffer] : []));
      worker.postMessage({ ...request, vulnDb: request.vulnDb ?? this.vulnDb() }, transfer);
    });
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job) return false;
    job.settle(fail('CANCELLED', 'Analysis cancelled.'));
    return true;
  }

  async dispose(): Promise<void> {
    for (const jobId of [...this.jobs.keys()]) this.cancel(jobId);
  }
}
