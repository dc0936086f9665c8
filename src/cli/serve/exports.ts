import type { ExportResult } from '../../common/dto';
import type { Result } from '../../common/result';
import { fail, ok } from '../../common/result';
import { renderTextExport, exportFileName, type ExportKind } from '../../core/report/exports';
import { formatReportDate, renderReportHtml } from '../../core/report/html';
import type { ReportExtras } from '../../core/report/html/extras';
import type { Report } from '../../core/report/types';
import { MissingBrowserError, PrintError, findChrome, htmlToPdfFile } from '../chrome';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Serve mode's exports: rendered here, handed to the browser to download (PDF printed by a local Chromium). */
export async function renderForDownload(
  kind: ExportKind,
  report: Report,
  extras: ReportExtras | null,
): Promise<Result<ExportResult>> {
  const generatedAt = formatReportDate(new Date());
  if (kind !== 'pdf') {
    const { fileName, mime, text } = renderTextExport(kind, report, generatedAt, extras ?? undefined);
    return ok({ fileName, mime, savedTo: null, download: { encoding: 'utf8', content: text } });
  }
  const dir = await mkdtemp(join(tmpdir(), 'gobinscope-export-'));
  try {
    const out = join(dir, 'report.pdf');
    await htmlToPdfFile(renderReportHtml(report, { generatedAt, extras: extras ?? undefined }), out, findChrome());
    const content = (await readFile(out)).toString('base64');
    return ok({
      fileName: exportFileName(report, 'pdf', extras),
      mime: 'application/pdf',
      savedTo: null,
      download: { encoding: 'base64', content },
    });
  } catch (error) {
    if (error instanceof MissingBrowserError || error instanceof PrintError) return fail('PDF_FAILED', error.message);
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
