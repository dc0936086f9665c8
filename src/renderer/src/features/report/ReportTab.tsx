import { useEffect, useMemo, useRef } from 'react';
import { formatReportDate, renderReportPieces, type ReportHtmlOptions } from '../../../../core/report/html';
import type { Report } from '../../../../core/report/types';
import { showReportIn } from './show-report';
import './report-tab.css';

import type { ExportKind } from '../../../../common/dto';
import { ExportBar } from './ExportBar';

/** One binary's exports: the audit PDF, its data, and the SBOM it implies (CycloneDX). */
const REPORT_EXPORTS: readonly ExportKind[] = ['pdf', 'json', 'sarif', 'markdown', 'cyclonedx-json', 'cyclonedx-xml'];

export interface ReportTabProps {
  report: Report;
  /** Asks the host for an export: a save dialog in the app, a download in serve mode. */
  onExport: (kind: ExportKind) => void;
  /** The comparison, strip verification or SBOM reconciliation to include, when there are any. */
  extras?: ReportHtmlOptions['extras'];
}

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
      <ExportBar label="Export the report" kinds={REPORT_EXPORTS} onExport={onExport} />
      <div
        className="report-tab-paper"
        ref={host}
        role="document"
        aria-label={`Audit report for ${report.file.name}`}
      />
    </div>
  );
}
