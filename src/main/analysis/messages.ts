import type { AnalysisResult, AnalysisStage } from '../../common/dto';
import type { Result } from '../../common/result';
import type { Report } from '../../core/report/types';

/** What the service asks a worker to do: read a path (read-only) or analyse bytes it was handed. */
export type WorkerRequest =
  | { type: 'analyze-path'; jobId: string; path: string; name: string }
  | { type: 'analyze-bytes'; jobId: string; bytes: Uint8Array; name: string };

/** What a worker reports back; exactly one 'done' ends a job. */
export type WorkerMessage =
  | { type: 'progress'; jobId: string; stage: AnalysisStage; fraction: number; fileSize: number }
  | { type: 'partial'; jobId: string; report: Partial<Report> }
  | { type: 'done'; jobId: string; result: Result<AnalysisResult> };
