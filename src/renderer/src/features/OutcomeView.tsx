import type { ExportKind, Outcome } from '../../../common/dto';
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

/** Picks the screen for what was opened: one binary, an SBOM, two binaries, or a binary with its SBOM. */
export function OutcomeView({ outcome, onExport }: { outcome: Outcome; onExport: (kind: ExportKind) => void }) {
  switch (outcome.kind) {
    case 'binary':
      return <ReportView key={outcome.analysis.report.file.sha256} result={outcome.analysis} onExport={onExport} />;
    case 'sbom':
      return <SbomView key={outcome.document.fileName} document={outcome.document} />;
    case 'compare':
      return (
        <CompareView
          key={`${outcome.a.report.file.sha256}-${outcome.b.report.file.sha256}`}
          a={outcome.a}
          b={outcome.b}
          comparison={outcome.comparison}
        />
      );
    case 'reconcile':
      return (
        <ReconcileView
          key={`${outcome.analysis.report.file.sha256}-${outcome.document.fileName}`}
          analysis={outcome.analysis}
          document={outcome.document}
          reconciliation={outcome.reconciliation}
        />
      );
  }
}
