import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnalysisStage, FileSource, Outcome } from '../../../../common/dto';
import type { ErrorInfo } from '../../../../common/result';
import type { Report } from '../../../../core/report/types';
import { api } from '../../api';

export type AnalysisState =
  | { kind: 'empty' }
  | {
      kind: 'analysing';
      jobId: string;
      fileName: string;
      fileSize: number;
      stage: AnalysisStage;
      fraction: number;
      partial: Partial<Report> | null;
    }
  /** jobId: the finished job, whose masked texts the host can still reveal one at a time. */
  | { kind: 'done'; outcome: Outcome; jobId: string }
  | { kind: 'error'; fileName: string; error: ErrorInfo };

function newJobId(): string {
  return `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** One analysis at a time: start, follow progress and partial results, cancel, close. */
export function useAnalysis() {
  const [state, setState] = useState<AnalysisState>({ kind: 'empty' });
  const current = useRef<string | null>(null);

  useEffect(() => {
    const offProgress = api.on('analysis:progress', (event) => {
      if (event.jobId !== current.current) return;
      setState((s) =>
        s.kind === 'analysing'
          ? { ...s, stage: event.stage, fraction: event.fraction, fileSize: event.fileSize || s.fileSize }
          : s,
      );
    });
    const offPartial = api.on('analysis:partial', (event) => {
      if (event.jobId !== current.current) return;
      setState((s) => (s.kind === 'analysing' ? { ...s, partial: event.report } : s));
    });
    return () => {
      offProgress();
      offPartial();
    };
  }, []);

  const start = useCallback(async (sources: FileSource[], fileName: string, fileSize = 0) => {
    if (current.current) void api.invoke('analysis:cancel', current.current);
    const jobId = newJobId();
    current.current = jobId;
    setState({ kind: 'analysing', jobId, fileName, fileSize, stage: 'reading', fraction: 0, partial: null });
    const result = await api.invoke('analysis:run', jobId, sources);
    if (current.current !== jobId) return;
    current.current = null;
    if (!result.ok) {
      setState(
        result.error.code === 'CANCELLED' ? { kind: 'empty' } : { kind: 'error', fileName, error: result.error },
      );
      return;
    }
    const outcome = result.value;
    if (outcome.kind === 'binary' && outcome.analysis.report.format === 'unknown') {
      const reason = outcome.analysis.report.detection.reason;
      setState({ kind: 'error', fileName, error: { code: 'NOT_EXECUTABLE', message: `${fileName}: ${reason}` } });
    } else {
      setState({ kind: 'done', outcome, jobId });
    }
  }, []);

  const cancel = useCallback(() => {
    if (current.current) void api.invoke('analysis:cancel', current.current);
  }, []);

  const close = useCallback(() => {
    cancel();
    current.current = null;
    setState({ kind: 'empty' });
  }, [cancel]);

  return { state, start, cancel, close };
}
