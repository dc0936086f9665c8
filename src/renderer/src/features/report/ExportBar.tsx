import type { ExportKind } from '../../../../common/dto';
import './report-tab.css';

const LABELS: Record<ExportKind, string> = {
  pdf: 'Save PDF',
  json: 'Download JSON',
  markdown: 'Download Markdown',
  sarif: 'Download SARIF',
  html: 'Download HTML',
  'cyclonedx-json': 'Download CycloneDX JSON',
  'cyclonedx-xml': 'Download CycloneDX XML',
  'spdx-json': 'Download SPDX 2.3 JSON',
  'spdx3-json': 'Download SPDX 3.0 JSON-LD',
};

/**
 * The exports of what is on screen, the PDF first: the desktop app saves through a dialog, a browser downloads.
 * Every screen with something to hand over (a report, a comparison, a reconciliation) shows one.
 */
export function ExportBar({
  label,
  kinds,
  onExport,
}: {
  label: string;
  kinds: readonly ExportKind[];
  onExport: (kind: ExportKind) => void;
}) {
  return (
    <div className="report-tab-toolbar" role="toolbar" aria-label={label}>
      {kinds.map((kind) => (
        <button
          key={kind}
          type="button"
          className={kind === 'pdf' ? 'primary' : undefined}
          onClick={() => onExport(kind)}
        >
          {LABELS[kind]}
        </button>
      ))}
      <span className="muted report-tab-note">Secrets stay masked in every export.</span>
    </div>
  );
}
