import { dialog, type BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';
import type { ExportResult } from '../../common/dto';
import type { Result } from '../../common/result';
import { fail, ok } from '../../common/result';
import { exportFileName, renderTextExport, type ExportKind } from '../../core/report/exports';
import { formatReportDate, renderReportHtml } from '../../core/report/html';
import type { ReportExtras } from '../../core/report/html/extras';
import type { Report } from '../../core/report/types';
import { printReportPdf } from './pdf';

/** Renders an export and saves it where the user chooses; never next to the inspected file unless they pick it. */
export async function saveExport(
  window: BrowserWindow | null,
  kind: ExportKind,
  report: Report,
  extras: ReportExtras | null,
): Promise<Result<ExportResult>> {
  const generatedAt = formatReportDate(new Date());
  const fileName = exportFileName(report, kind, extras);
  const options = { defaultPath: fileName };
  const target = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (target.canceled || !target.filePath) return ok({ fileName, mime: '', savedTo: null, download: null });
  try {
    if (kind === 'pdf') {
      await writeFile(
        target.filePath,
        await printReportPdf(renderReportHtml(report, { generatedAt, extras: extras ?? undefined })),
      );
      return ok({ fileName, mime: 'application/pdf', savedTo: target.filePath, download: null });
    }
    const rendered = renderTextExport(kind, report, generatedAt, extras ?? undefined);
    await writeFile(target.filePath, rendered.text);
    return ok({ fileName, mime: rendered.mime, savedTo: target.filePath, download: null });
  } catch (error) {
    return fail(
      'EXPORT_FAILED',
      `The export could not be written: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
