import { reportParts } from './html/document';
import { escapeHtml } from './html/escape';
import type { ReportExtras } from './html/extras';
import { partHtml } from './html/render';
import { REPORT_CSS, pageCss } from './html/styles';
import { pageLabel, subjectOf } from './html/subject';
import type { Report } from './types';

/** "2026-01-02 03:04 UTC": the report's date as the CLI and the app print it. */
export function formatReportDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export interface ReportHtmlOptions {
  /** When the report was made, as the reader should see it (e.g. an ISO date); printed on the cover and pages. */
  generatedAt: string;
  extras?: ReportExtras;
}

/** The report's stylesheet and the markup of its body, apart: the app adopts the CSS instead of inlining it. */
export interface ReportPieces {
  css: string;
  body: string;
}

export function renderReportPieces(report: Report, options: ReportHtmlOptions): ReportPieces {
  const parts = reportParts(report, { generatedAt: options.generatedAt, extras: options.extras });
  const page = pageLabel(report, subjectOf(options.extras));
  return {
    css: `${REPORT_CSS}${pageCss(page.title, page.hashes, options.generatedAt)}`,
    body: `<main class="report-doc">\n${parts.map(partHtml).join('\n')}\n</main>`,
  };
}

/**
 * The audit report as one self-contained HTML document made for print (A4): inline styles, no scripts, nothing
 * loaded from anywhere. Chromium prints it to PDF (the CLI headless, the app with printToPDF). Secrets stay
 * masked; every string from the binary is escaped.
 */
export function renderReportHtml(report: Report, options: ReportHtmlOptions): string {
  const { css, body } = renderReportPieces(report, options);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing in the report may run or load anything, even if a value slipped through escaping.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(pageLabel(report, subjectOf(options.extras)).title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    `<body>\n${body}\n</body>`,
    '</html>',
    '',
  ].join('\n');
}
