import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ByteWindow, Outcome, PartialEvent, ProgressEvent } from '../common/dto';
import type { Result } from '../common/result';
import { fail, ok } from '../common/result';
import { Admission, type AdmissionLimits } from './admission';
import { KeptFiles } from './kept-files';
import type { AnalysisPlace } from './masked-ranges';
import { MAX_QUEUED_JOBS, MAX_RUNNING_INPUT_BYTES, poolSizeFor } from './limits';
import type { WorkerInput, WorkerMessage, WorkerRequest } from './messages';

export interface JobListener {
  progress(event: ProgressEvent): void;
  partial(event: PartialEvent): void;
}

interface Job {
  request: WorkerRequest;
  listener: JobListener;
  worker: Worker | null;
  settle: (result: Result<Outcome>) => void;
}

/** Finished jobs whose masked texts can still be revealed; the oldest is forgotten first. */
export const REVEALABLE_JOBS = 4;

/** The pool's limits on this machine: workers from the core count, the byte budget and the queue from limits.ts. */
export function defaultLimits(): AdmissionLimits {
  return { slots: poolSizeFor(availableParallelism()), runningBytes: MAX_RUNNING_INPUT_BYTES, queued: MAX_QUEUED_JOBS };
}

/**
 * Runs analyses in a bounded pool of worker threads, shared by the desktop app and serve mode. Jobs wait in a
 * bounded queue for a slot and their share of the byte budget. Each job gets a fresh worker that is terminated when
 * the job ends: terminating is the only way to stop an analysis midway, and it hands the job's memory back at once.
 * A slot is free again only when its worker has exited, so a cancelled job cannot overlap the next one in memory.
 */
export class AnalysisService {
  private readonly jobs = new Map<string, Job>();
  private readonly admission: Admission;
  /** Clear texts of what the redaction masked, per finished job; they never go to a window in bulk. */
  private readonly clearValues = new Map<string, Map<string, string>>();
  /** The files of the last finished jobs, for a look at their bytes. */
  private readonly kept = new KeptFiles(REVEALABLE_JOBS);

  /** `vulnDb` names the vulnerability database per job, so an import made while the app runs counts. */
  constructor(
    private readonly workerUrl: URL,
    limits: AdmissionLimits = defaultLimits(),
    private readonly vulnDb: () => string | null = () => null,
  ) {
    this.admission = new Admission(limits);
  }

  run(request: WorkerRequest, listener: JobListener): Promise<Result<Outcome>> {
    const { jobId } = request;
    if (this.jobs.has(jobId)) {
      request.release?.();
      return Promise.resolve(fail('BUSY', `Job ${jobId} is already running.`));
    }
    return new Promise((resolve) => {
      const job: Job = { request, listener, worker: null, settle: () => undefined };
      job.settle = (result) => {
        if (this.jobs.get(jobId) !== job) return;
        this.jobs.delete(jobId);
        this.release(job);
        request.release?.();
        resolve(result);
      };
      this.jobs.set(jobId, job);
      void inputBytes(request.inputs).then((bytes) => {
        if (this.jobs.get(jobId) !== job) return;
        const admitted = this.admission.submit({ id: jobId, bytes, start: () => this.start(job) });
        if (admitted === 'full')
          job.settle(
            fail('QUEUE_FULL', 'Too many analyses are waiting already; try again when one of them has finished.'),
          );
      });
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
    this.clearValues.clear();
    this.kept.forget();
  }

  /** Bytes of one file of a finished job from an offset, masked texts blanked (the hex view). */
  readBytes(jobId: string, place: AnalysisPlace, offset: number, length: number): Promise<Result<ByteWindow>> {
    return this.kept.read(jobId, place, offset, length);
  }

  /** The clear text of one masked item of a finished job (a path the outcome listed as revealable). */
  reveal(jobId: string, path: string): Result<string> {
    const text = this.clearValues.get(jobId)?.get(path);
    if (text === undefined) return fail('NOT_REVEALABLE', 'Nothing masked is kept for this item.');
    return ok(text);
  }

  private keepFinished(job: Job, message: Extract<WorkerMessage, { type: 'done' }>): void {
    const { jobId, inputs } = job.request;
    const clear = message.clear ?? [];
    this.keepClear(jobId, clear);
    if (message.result.ok)
      this.kept.keep(jobId, inputs, message.uploads ?? [], message.result.value, new Map(clear), message.units ?? []);
  }

  private keepClear(jobId: string, clear: [string, string][]): void {
    this.clearValues.delete(jobId);
    this.clearValues.set(jobId, new Map(clear));
    for (const old of this.clearValues.keys()) {
      if (this.clearValues.size <= REVEALABLE_JOBS) break;
      this.clearValues.delete(old);
    }
  }

  /** Jobs running, jobs waiting and the input bytes the running ones hold. */
  get counts(): { running: number; waiting: number; heldBytes: number } {
    return this.admission.counts;
  }

  /** Gives back the job's slot: at once when it never started, after its worker has exited when it did. */
  private release(job: Job): void {
    const { jobId } = job.request;
    if (!job.worker) return this.admission.finish(jobId);
    void job.worker.terminate().finally(() => this.admission.finish(jobId));
  }

  private start(job: Job): void {
    const { request, listener } = job;
    const { jobId } = request;
    const name = request.inputs.map((i) => i.name).join(' + ');
    const worker = new Worker(this.workerUrl);
    job.worker = worker;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        const { stage, fraction, fileSize } = message;
        listener.progress({ jobId, stage, fraction, fileName: name, fileSize });
      } else if (message.type === 'partial') listener.partial({ jobId, report: message.report });
      else {
        // A job cancelled meanwhile is over: its clear texts and files are not kept.
        if (message.result.ok && this.jobs.get(jobId) === job) this.keepFinished(job, message);
        job.settle(message.result);
      }
    });
    worker.on('error', (error) =>
      job.settle(
        fail('WORKER_CRASHED', 'The analysis worker stopped unexpectedly; the app is fine, try again.', String(error)),
      ),
    );
    worker.on('exit', (code) =>
      job.settle(fail('WORKER_CRASHED', `The analysis worker exited (code ${code}) before finishing.`)),
    );
    // Uploaded bytes move to the worker (transferred, not copied); the release hook is ours and stays here.
    const transfer = request.inputs.flatMap((i) => (i.kind === 'bytes' ? [i.bytes.buffer as ArrayBuffer] : []));
    worker.postMessage(
      { jobId, inputs: request.inputs, vulnDb: request.vulnDb ?? this.vulnDb() } satisfies WorkerRequest,
      transfer,
    );
  }
}

/** What a job's inputs will hold in memory: uploads by their length, paths by their size now (0 when unreadable). */
async function inputBytes(inputs: WorkerInput[]): Promise<number> {
  const sizes = await Promise.all(
    inputs.map((input) =>
      input.kind === 'bytes'
        ? input.bytes.byteLength
        : stat(input.path).then(
            (info) => (info.isFile() ? info.size : 0),
            () => 0,
          ),
    ),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}
