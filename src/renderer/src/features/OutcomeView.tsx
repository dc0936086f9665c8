import type { ExportKind, Outcome } from '../../../common/dto';
import { RevealProvider } from '../components/Reveal';
import { CompareView } from './compare/CompareView';
import { ReportView } from './ReportView';
import { ReconcileView } from './sbom/ReconcileView';
import { SbomView } from './sbom/SbomView';

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

/**
 * Picks the screen for what was opened: one binary, an SBOM, two binaries, or a binary with its SBOM. Secrets
 * arrive masked; `jobId` lets a screen ask for one of them in clear.
 */
export function OutcomeView({
  outcome,
  jobId = null,
  onExport,
}: {
  outcome: Outcome;
  jobId?: string | null;
  onExport: (kind: ExportKind) => void;
}) {
  switch (outcome.kind) {
    case 'binary':
      return (
        <RevealProvider jobId={jobId} prefix="analysis" revealable={outcome.analysis.revealable}>
          <ReportView key={outcome.analysis.report.file.sha256} result={outcome.analysis} onExport={onExport} />
        </RevealProvider>
      );
    case 'sbom':
      return <SbomView key={outcome.document.fileName} document={outcome.document} />;
    case 'compare':
      return (
        <CompareView
          key={`${outcome.a.report.file.sha256}-${outcome.b.report.file.sha256}`}
          a={outcome.a}
          b={outcome.b}
          comparison={outcome.comparison}
          onExport={onExport}
        />
      );
    case 'reconcile':
      return (
        <RevealProvider jobId={jobId} prefix="analysis" revealable={outcome.analysis.revealable}>
          <ReconcileView
            key={`${outcome.analysis.report.file.sha256}-${outcome.document.fileName}`}
            analysis={outcome.analysis}
            document={outcome.document}
            reconciliation={outcome.reconciliation}
            onExport={onExport}
          />
        </RevealProvider>
      );
  }
}
