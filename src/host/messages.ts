import type { AnalysisStage, Outcome } from '../common/dto';
import type { Result } from '../common/result';
import type { Report } from '../core/report/types';

/** One file for a worker: a path it reads read-only, or bytes it was handed (uploads). */
export type WorkerInput =
  { kind: 'path'; path: string; name: string } | { kind: 'bytes'; bytes: Uint8Array; name: string };

/** What the service asks a worker to do: open one or two files. */
export interface WorkerRequest {
  jobId: string;
  inputs: WorkerInput[];
  /** The vulnerability database to match against (a zip, a folder or a stored index), read by the worker. */
  vulnDb?: string | null;
  /**
   * Called once when the job ends, however it ends (done, failed, cancelled, refused): gives back what its inputs
   * held outside the pool, such as an upload's share of serve mode's in-flight bytes. Never sent to the worker.
   */
  release?: () => void;
}

/** What a worker reports back; exactly one 'done' ends a job. */
export type WorkerMessage =
  | { type: 'progress'; jobId: string; stage: AnalysisStage; fraction: number; fileSize: number }
  | { type: 'partial'; jobId: string; report: Partial<Report> }
  /**
   * `clear`: the texts the redaction masked, by path in the outcome, kept by the host to reveal one on request.
   * `units`: the secret values inside them, so the host can blank them in raw bytes. `uploads`: the uploaded bytes
   * handed back (transferred) in input order, null for paths, kept for the hex view.
   */
  | {
      type: 'done';
      jobId: string;
      result: Result<Outcome>;
      clear?: [path: string, text: string][];
      units?: string[];
      uploads?: (Uint8Array | null)[];
    };
