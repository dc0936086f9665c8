import type { Outcome } from '../../../common/dto';
import { ReportView } from './ReportView';

export function outcomeTitle(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'binary':
      return outcome.analysis.report.file.name;
    case 'sbom':
      return outcome.document.fileName;
    case 'compare':
      return `${outcome.a.report.file.name} ↔ ${outcome.b.report.file.name}`;
    case 'reconcile':
      return `${outcome.analysis.report.file.name} + ${outcome.document.fileName}`;
  }
}

/** Picks the screen for what was opened: one binary, an SBOM, two binaries, or a binary with its SBOM. */
export function OutcomeView({ outcome }: { outcome: Outcome }) {
  switch (outcome.kind) {
    case 'binary':
      return <ReportView key={outcome.analysis.report.file.sha256} result={outcome.analysis} />;
    default:
      return <p className="empty-note">This view is not available yet.</p>;
  }
}
