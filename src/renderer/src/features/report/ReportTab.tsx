import { useEffect, useMemo, useRef } from 'react';
import { formatReportDate, renderReportPieces, type ReportHtmlOptions } from '../../../../core/report/html';
import type { Report } from '../../../../core/report/types';
import { showReportIn } from './show-report';
import './report-tab.css';

export type ExportKind = 'json' | 'sarif' | 'markdown' | 'pdf';

export interface ReportTabProps {
  report: Report;
  /** Asks the host for an export: a save dialog in the app, a download in serve mode. */
  onExport: (kind: ExportKind) => void;
  /** The comparison, strip verification or SBOM reconciliation to include, when there are any. */
  extras?: ReportHtmlOptions['extras'];
}

const EXPORTS: { kind: ExportKind; label: string }[] = [
  { kind: 'json', label: 'Download JSON' },
  { kind: 'sarif', label: 'Download SARIF' },
  { kind: 'markdown', label: 'Download Markdown' },
];

/** The audit report exactly as it prints, with the exports above it. */
export function ReportTab({ report, onExport, extras }: ReportTabProps) {
  const pieces = useMemo(
    () => renderReportPieces(report, { generatedAt: formatReportDate(new Date()), extras }),
    [report, extras],
  );
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (host.current) showReportIn(host.current, pieces);
  }, [pieces]);
  return (
    <div className="report-tab">
      <div className="report-tab-toolbar" role="toolbar" aria-label="Export the report">
        {EXPORTS.map(({ kind, label }) => (
          <button key={kind} type="button" onClick={() => onExport(kind)}>
            {label}
          </button>
        ))}
        <button type="button" className="primary" onClick={() => onExport('pdf')}>
          Save PDF
        </button>
        <span className="muted report-tab-note">Secrets stay masked in every export.</span>
      </div>
      <div
        className="report-tab-paper"
        ref={host}
        role="document"
        aria-label={`Audit report for ${report.file.name}`}
      />
    </div>
  );
}
