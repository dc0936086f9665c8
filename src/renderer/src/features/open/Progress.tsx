import type { AnalysisStage } from '../../../../common/dto';
import { humanSize } from '../../lib/format';

const STAGE_LABEL: Record<AnalysisStage, string> = {
  reading: 'Reading the file',
  hashing: 'Hashing',
  format: 'Reading headers and sections',
  go: 'Reading Go build info and pclntab',
  strings: 'Extracting strings',
  findings: 'Checking for leaks and hardening',
  done: 'Done',
};

interface Props {
  fileName: string;
  fileSize: number;
  stage: AnalysisStage;
  fraction: number;
  onCancel: () => void;
}

export function Progress({ fileName, fileSize, stage, fraction, onCancel }: Props) {
  return (
    <section className="progress-panel" aria-label="Analysing">
      <h2>
        {fileName} {fileSize > 0 && <span className="muted">{humanSize(fileSize)}</span>}
      </h2>
      <progress max={1} value={fraction} aria-label={`Analysis progress: ${STAGE_LABEL[stage]}`} />
      <p className="muted">{STAGE_LABEL[stage]}…</p>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </section>
  );
}
