import { generateCycloneDx, generateSpdx, generateSpdx3 } from '../sbom/index';
import type { ReportExtras } from './html/extras';
import { renderReportHtml } from './html';
import { renderMarkdown } from './markdown';
import { subjectBaseName, subjectJson, subjectSarif } from './subject-exports';
import type { Report } from './types';

import type { ExportKind } from './export-kinds';

export { EXPORT_KINDS, type ExportKind } from './export-kinds';

export interface TextExport {
  fileName: string;
  mime: string;
  text: string;
}

const SUFFIX: Record<Exclude<ExportKind, 'pdf'>, [string, string]> = {
  json: ['.gobinscope.json', 'application/json'],
  sarif: ['.sarif', 'application/sarif+json'],
  markdown: ['.report.md', 'text/markdown'],
  html: ['.report.html', 'text/html'],
  'cyclonedx-json': ['.cdx.json', 'application/vnd.cyclonedx+json'],
  'cyclonedx-xml': ['.cdx.xml', 'application/vnd.cyclonedx+xml'],
  'spdx-json': ['.spdx.json', 'application/spdx+json'],
  'spdx3-json': ['.spdx3.json', 'application/ld+json'],
};

/** Suffixes of a comparison's or a reconciliation's own documents, after ".compare" or ".reconcile". */
const SUBJECT_SUFFIX: Partial<Record<ExportKind, string>> = {
  pdf: '.pdf',
  json: '.json',
  sarif: '.sarif',
  markdown: '.md',
  html: '.html',
};

/**
 * The file name a save dialog suggests: the analysed file's name plus the export's suffix; a comparison names both
 * files ("a-vs-b.compare.pdf"), a reconciliation says so ("app.reconcile.pdf").
 */
export function exportFileName(report: Report, kind: ExportKind, extras?: ReportExtras | null): string {
  const { base, what } = subjectBaseName(report, extras ?? undefined);
  const safe = base.replace(/[\\/:*?"<>|]/g, '_') || 'report';
  const subjectSuffix = what ? SUBJECT_SUFFIX[kind] : undefined;
  if (subjectSuffix) return `${safe}.${what}${subjectSuffix}`;
  return safe + (kind === 'pdf' ? '.audit.pdf' : SUFFIX[kind][0]);
}

/**
 * Renders a text export: of the comparison or reconciliation when the extras hold one, else of the report.
 * Secrets stay masked in every one (the report and the extras hold only masked values).
 */
export function renderTextExport(
  kind: Exclude<ExportKind, 'pdf'>,
  report: Report,
  generatedAt: string,
  extras?: ReportExtras,
): TextExport {
  const text = (() => {
    switch (kind) {
      case 'json':
        return JSON.stringify(subjectJson(report, extras), null, 2) + '\n';
      case 'sarif':
        return JSON.stringify(subjectSarif(report, extras), null, 2) + '\n';
      case 'markdown':
        return renderMarkdown(report, { generatedAt, extras });
      case 'html':
        return renderReportHtml(report, { generatedAt, extras });
      case 'cyclonedx-json':
        return generateCycloneDx(report, 'json');
      case 'cyclonedx-xml':
        return generateCycloneDx(report, 'xml');
      case 'spdx-json':
        return generateSpdx(report);
      case 'spdx3-json':
        return generateSpdx3(report);
    }
  })();
  return { fileName: exportFileName(report, kind, extras), mime: SUFFIX[kind][1], text };
}
