import { generateCycloneDx, generateSpdx, generateSpdx3 } from '../sbom/index';
import type { ReportExtras } from './html/extras';
import { renderReportHtml } from './html';
import { renderMarkdown } from './markdown';
import { toSarif } from './sarif';
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

/** The file name a save dialog suggests: the analysed file's name plus the export's suffix. */
export function exportFileName(report: Report, kind: ExportKind): string {
  const base = report.file.name.replace(/[\\/:*?"<>|]/g, '_') || 'report';
  return base + (kind === 'pdf' ? '.audit.pdf' : SUFFIX[kind][0]);
}

/** Renders a text export. Secrets stay masked in every one (the report holds only masked values). */
export function renderTextExport(
  kind: Exclude<ExportKind, 'pdf'>,
  report: Report,
  generatedAt: string,
  extras?: ReportExtras,
): TextExport {
  const text = (() => {
    switch (kind) {
      case 'json':
        return JSON.stringify(report, null, 2) + '\n';
      case 'sarif':
        return JSON.stringify(toSarif(report), null, 2) + '\n';
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
  return { fileName: exportFileName(report, kind), mime: SUFFIX[kind][1], text };
}
