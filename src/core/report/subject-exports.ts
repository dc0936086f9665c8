import type { Comparison } from '../compare/types';
import type { Reconciliation } from '../sbom/types';
import type { ReportExtras } from './html/extras';
import { subjectOf } from './html/subject';
import { SARIF_SCHEMA, SARIF_VERSION, artifactUri, toSarif } from './sarif';
import type { Finding, Report } from './types';

/**
 * The JSON and SARIF of a comparison or a reconciliation screen: what that screen shows, not the report of one
 * of its binaries. The JSON is what `gobinscope compare --json` prints (a reconciliation adds the binary it was
 * made against); the SARIF holds what a pipeline gate acts on: the findings B brought, the SBOM's disagreements.
 */

export function subjectJson(report: Report, extras: ReportExtras | undefined): unknown {
  const subject = subjectOf(extras);
  if (subject.kind === 'comparison') {
    const strip = extras?.stripVerification;
    return strip === undefined ? subject.comparison : { ...subject.comparison, stripVerification: strip };
  }
  if (subject.kind === 'reconciliation') {
    const { name, sha256 } = report.file;
    return { binary: { name, sha256 }, ...subject.reconciliation };
  }
  return report;
}

/** B's findings that carry a value new in B; empty unless `report` is B (the file the comparison calls B). */
function newFindings(report: Report, c: Comparison): Finding[] {
  if (report.file.sha256 !== c.b.sha256) return [];
  const fresh = new Set(c.findings.new.map((row) => `${row.id}\u0000${row.value}`));
  return report.findings.filter((f) =>
    (f.evidence.length > 0 ? f.evidence.map((e) => e.value) : ['']).some((value) => fresh.has(`${f.id}\u0000${value}`)),
  );
}

function reconciliationSarif(report: Report, r: Reconciliation): object {
  const uri = artifactUri(report.file.name);
  const kinds = [...new Set(r.items.map((item) => item.kind))];
  return {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: 'gobinscope',
            version: report.tool.version,
            rules: kinds.map((kind) => ({ id: `sbom.${kind}`, shortDescription: { text: `SBOM: ${kind}` } })),
          },
        },
        artifacts: [{ location: { uri }, length: report.file.size, hashes: { 'sha-256': report.file.sha256 } }],
        results: r.items.map((item) => ({
          ruleId: `sbom.${item.kind}`,
          ruleIndex: kinds.indexOf(item.kind),
          level: item.severity === 'error' ? 'error' : 'warning',
          message: { text: `${item.module}: ${item.explanation}` },
          locations: [{ physicalLocation: { artifactLocation: { uri, index: 0 } } }],
          properties: { severity: item.severity, module: item.module },
        })),
      },
    ],
  };
}

export function subjectSarif(report: Report, extras: ReportExtras | undefined): object {
  const subject = subjectOf(extras);
  if (subject.kind === 'comparison') return toSarif({ ...report, findings: newFindings(report, subject.comparison) });
  if (subject.kind === 'reconciliation') return reconciliationSarif(report, subject.reconciliation);
  return toSarif(report);
}

/** "a ↔ b" as a file name: both names, then what the document is. */
export function subjectBaseName(report: Report, extras: ReportExtras | undefined): { base: string; what: string } {
  const subject = subjectOf(extras);
  if (subject.kind === 'comparison')
    return { base: `${subject.comparison.a.name}-vs-${subject.comparison.b.name}`, what: 'compare' };
  return { base: report.file.name, what: subject.kind === 'reconciliation' ? 'reconcile' : '' };
}
