import { baselineResultFields, type SarifBaseline } from './sarif-baseline';
import type { Finding, Report, Severity } from './types';

/** SARIF 2.1.0 as published by OASIS (schema id of the errata 01 release). */
export const SARIF_VERSION = '2.1.0';
export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

type SarifLevel = 'error' | 'warning' | 'note';

export const LEVELS: Record<Severity, SarifLevel> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

// GitHub code scanning reads properties.security-severity as a CVSS-like score: ≥9 critical, ≥7 high, ≥4
// medium, above 0 low.
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

/** Locations kept per result: code-scanning UIs show the first few and the rest is noise. */
const MAX_LOCATIONS = 10;

const RANK: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** The file name as a URI reference: forward slashes, each segment percent-encoded. */
export function artifactUri(name: string): string {
  return name.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

function mostSevere(findings: Finding[]): Severity {
  return findings.reduce<Severity>(
    (worst, f) => (RANK.indexOf(f.severity) < RANK.indexOf(worst) ? f.severity : worst),
    'info',
  );
}

function rulesOf(findings: Finding[]): { ids: string[]; rules: object[] } {
  const byId = new Map<string, Finding[]>();
  for (const finding of findings) byId.set(finding.id, [...(byId.get(finding.id) ?? []), finding]);
  const ids = [...byId.keys()];
  const rules = ids.map((id) => {
    const group = byId.get(id)!;
    const first = group[0]!;
    const severity = mostSevere(group);
    return {
      id,
      name: id.replace(/[.-](\w)/g, (_, c: string) => c.toUpperCase()),
      shortDescription: { text: first.title },
      fullDescription: { text: first.description },
      help: { text: first.remediation },
      defaultConfiguration: { level: LEVELS[severity] },
      properties: { 'security-severity': SECURITY_SEVERITY[severity], tags: ['security', first.kind] },
    };
  });
  return { ids, rules };
}

function messageOf(finding: Finding): string {
  const shown = finding.evidence
    .slice(0, 3)
    .map((e) => e.value)
    .filter(Boolean);
  const values = shown.length > 0 ? ` Evidence: ${shown.join('; ')}.` : '';
  return `${finding.title}: ${finding.description}${values}`;
}

function locationsOf(finding: Finding, uri: string): object[] {
  const placed = finding.evidence.filter((e) => e.offset !== null && e.offset >= 0).slice(0, MAX_LOCATIONS);
  if (placed.length === 0) return [{ physicalLocation: { artifactLocation: { uri, index: 0 } } }];
  return placed.map((e) => ({
    physicalLocation: { artifactLocation: { uri, index: 0 }, region: { byteOffset: e.offset } },
    ...(e.section || e.context ? { message: { text: [e.section, e.context].filter(Boolean).join(': ') } } : {}),
  }));
}

/**
 * The report's findings as a SARIF 2.1.0 log with one run, ready for code-scanning uploads. With a baseline, each
 * result carries its fingerprint, and the results the baseline names carry their suppression.
 */
export function toSarif(report: Report, baseline?: SarifBaseline): object {
  const uri = artifactUri(report.file.name);
  const { ids, rules } = rulesOf(report.findings);
  const results = report.findings.map((finding, index) => ({
    ruleId: finding.id,
    ruleIndex: ids.indexOf(finding.id),
    level: LEVELS[finding.severity],
    message: { text: messageOf(finding) },
    locations: locationsOf(finding, uri),
    properties: {
      severity: finding.severity,
      kind: finding.kind,
      ...(finding.bytes !== undefined ? { bytes: finding.bytes } : {}),
    },
    ...baselineResultFields(baseline, index),
  }));
  const artifact = {
    location: { uri },
    length: report.file.size,
    ...(report.file.sha256 ? { hashes: { 'sha-256': report.file.sha256 } } : {}),
  };
  return {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: { driver: { name: 'gobinscope', version: report.tool.version, rules } },
        artifacts: [artifact],
        results,
      },
    ],
  };
}
