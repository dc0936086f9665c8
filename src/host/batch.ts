import { availableParallelism } from 'node:os';
import type { ErrorInfo } from '../common/result';
import type { Report, ReportOrigin } from '../core/report/types';
import { MAX_QUEUED_JOBS, MAX_RUNNING_INPUT_BYTES, MAX_WORKERS } from './limits';
import type { WorkerInput } from './messages';
import { AnalysisService } from './service';

/** One file of a batch: what the worker reads, the name its report carries, and where it came from. */
export interface BatchItem {
  input: WorkerInput;
  origin: ReportOrigin;
}

export type BatchResult = { item: BatchItem; report: Report } | { item: BatchItem; error: ErrorInfo };

export interface BatchOptions {
  /** The vulnerability database each worker matches against (a path; the worker reads it). */
  vulnDb: string | null;
  /** Put the clear values the workers masked back into each report (the user asked for --reveal-secrets). */
  reveal: boolean;
}

/**
 * A batch from the command line has no window to keep responsive: every core analyses, up to the pool's maximum.
 * The byte budget and the queue are the pool's own.
 */
export function batchPoolSize(cores = availableParallelism()): number {
  return Math.max(1, Math.min(MAX_WORKERS, Math.floor(cores)));
}

const quiet = { progress: () => undefined, partial: () => undefined };

/** Sets the text at a path such as "report/findings/0/evidence/0/value" inside an analysis. */
function setAt(root: unknown, path: string, text: string): void {
  const keys = path.split('/');
  let node = root as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    const next = node?.[key];
    if (typeof next !== 'object' || next === null) return;
    node = next as Record<string, unknown>;
  }
  if (typeof node[keys.at(-1)!] === 'string') node[keys.at(-1)!] = text;
}

/**
 * Runs a batch through the one analysis pool (AnalysisService: worker threads, admission by slots and bytes).
 * Items go in as they are found; results come out in the order items went in, so the output of a run is stable.
 * At most `window` items are in flight, which bounds the bytes an image's binaries hold while they wait.
 */
export class BatchRun {
  private readonly service: AnalysisService;
  private readonly window: number;
  private readonly pending: Promise<BatchResult>[] = [];
  private next = 0;

  constructor(
    workerUrl: URL,
    private readonly options: BatchOptions,
    private readonly onResult: (result: BatchResult) => void,
    slots = batchPoolSize(),
  ) {
    this.service = new AnalysisService(workerUrl, {
      slots,
      runningBytes: MAX_RUNNING_INPUT_BYTES,
      queued: MAX_QUEUED_JOBS,
    });
    this.window = Math.min(slots * 2, slots + MAX_QUEUED_JOBS);
  }

  /** Adds one file; waits first while the window is full, handing out the oldest result. */
  async add(item: BatchItem): Promise<void> {
    while (this.pending.length >= this.window) this.onResult(await this.pending.shift()!);
    this.pending.push(this.analyse(item, `batch-${this.next++}`));
  }

  /** Waits for every file added and hands out the remaining results. */
  async finish(): Promise<void> {
    while (this.pending.length > 0) this.onResult(await this.pending.shift()!);
    await this.service.dispose();
  }

  private async analyse(item: BatchItem, jobId: string): Promise<BatchResult> {
    const result = await this.service.run({ jobId, inputs: [item.input], vulnDb: this.options.vulnDb }, quiet);
    if (!result.ok) return { item, error: result.error };
    const outcome = result.value;
    if (outcome.kind !== 'binary')
      return { item, error: { code: 'NOT_EXECUTABLE', message: `${item.origin.path} is not an executable` } };
    const { analysis } = outcome;
    // Right after the job settles its clear texts are still kept: the pool forgets only older jobs' texts.
    if (this.options.reveal)
      for (const path of analysis.revealable ?? []) {
        const clear = this.service.reveal(jobId, `analysis/${path}`);
        if (clear.ok) setAt(analysis, path, clear.value);
      }
    return { item, report: { ...analysis.report, origin: item.origin } };
  }
}
