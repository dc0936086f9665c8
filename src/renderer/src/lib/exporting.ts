import type { ExportKind, Outcome } from '../../../common/dto';
import type { ReportExtras } from '../../../core/report/html/extras';
import type { Report } from '../../../core/report/types';
import { api } from '../api';

/** The report an export is made of, with the comparison or reconciliation that goes with it. */
export function exportSubject(outcome: Outcome): { report: Report; extras: ReportExtras | null } | null {
  switch (outcome.kind) {
    case 'binary':
      return { report: outcome.analysis.report, extras: null };
    case 'compare': {
      const { stripVerification, ...comparison } = outcome.comparison;
      return {
        report: outcome.b.report,
        extras: stripVerification ? { comparison, stripVerification } : { comparison },
      };
    }
    case 'reconcile':
      return { report: outcome.analysis.report, extras: { reconciliation: outcome.reconciliation } };
    case 'sbom':
      return null;
  }
}

function download(fileName: string, mime: string, encoding: 'utf8' | 'base64', content: string): void {
  const data = encoding === 'base64' ? Uint8Array.from(atob(content), (c) => c.charCodeAt(0)) : content;
  const url = URL.createObjectURL(new Blob([data], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Runs an export: the desktop app saves through a dialog, a browser downloads. Returns a line for the status bar. */
export async function runExport(kind: ExportKind, report: Report, extras: ReportExtras | null): Promise<string> {
  const result = await api.invoke('export:file', kind, report, extras);
  if (!result.ok) return result.error.message;
  const { fileName, mime, savedTo, download: payload } = result.value;
  if (payload) {
    download(fileName, mime, payload.encoding, payload.content);
    return `Downloaded ${fileName}`;
  }
  return savedTo ? `Saved ${savedTo}` : 'Export cancelled';
}
