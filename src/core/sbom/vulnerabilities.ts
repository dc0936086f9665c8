import { Enums, Models } from '@cyclonedx/cyclonedx-library';
import { STD_MODULE } from '../go/modules';
import type { Report, VulnerabilityMatch } from '../report/types';

/** Property names on a CycloneDX vulnerability, namespaced like the component properties. */
export const VULN_PROPERTY = {
  status: 'gobinscope:vuln:status',
  symbol: 'gobinscope:vuln:symbol',
  path: 'gobinscope:vuln:path-from-main',
} as const;

const DETAIL: Record<VulnerabilityMatch['status'], string> = {
  reachable: 'The vulnerable code is in the binary and a chain of direct calls from main reaches it.',
  present:
    'The vulnerable code is in the binary; no direct call path from main was found, but an interface call or a function value may still reach it.',
  module: 'The database names no vulnerable symbols for this entry, so the affected module version alone counts.',
  absent: 'The module version is affected, but none of the vulnerable symbols is in the binary.',
};

function sourceOf(id: string): Models.Vulnerability.Source {
  if (id.startsWith('CVE-'))
    return new Models.Vulnerability.Source({ name: 'NVD', url: `https://nvd.nist.gov/vuln/detail/${id}` });
  if (id.startsWith('GHSA-'))
    return new Models.Vulnerability.Source({ name: 'GitHub', url: `https://github.com/advisories/${id}` });
  return new Models.Vulnerability.Source({ name: 'Go Vulnerability Database', url: `https://pkg.go.dev/vuln/${id}` });
}

/**
 * VEX analysis of one match. Symbol-level evidence decides: code that is in the binary is "exploitable" (CycloneDX's
 * word for affected), with or without a static path, because interface calls and function values escape a
 * direct-call search; an entry without symbols counts as affected too. Only absent code is "not_affected" with
 * "code_not_present" (OpenVEX's vulnerable_code_not_present).
 */
function analysisOf(match: VulnerabilityMatch): Models.Vulnerability.Analysis {
  if (match.status === 'absent')
    return new Models.Vulnerability.Analysis({
      state: Enums.Vulnerability.AnalysisState.NotAffected,
      justification: Enums.Vulnerability.AnalysisJustification.CodeNotPresent,
      detail: DETAIL.absent,
    });
  return new Models.Vulnerability.Analysis({
    state: Enums.Vulnerability.AnalysisState.Exploitable,
    detail: DETAIL[match.status],
  });
}

function vulnerabilityOf(match: VulnerabilityMatch, ref: Models.BomRef): Models.Vulnerability.Vulnerability {
  const vulnerability = new Models.Vulnerability.Vulnerability({
    bomRef: `vuln:${match.id}:${match.module}`,
    id: match.id,
    source: sourceOf(match.id),
    description: match.summary || undefined,
    recommendation: match.fixed ? `Upgrade ${match.module} to ${match.fixed} or later.` : undefined,
    analysis: analysisOf(match),
  });
  for (const alias of match.aliases)
    vulnerability.references.add(new Models.Vulnerability.Reference(alias, sourceOf(alias)));
  const status =
    match.status === 'absent' ? Enums.Vulnerability.AffectStatus.Unaffected : Enums.Vulnerability.AffectStatus.Affected;
  const affect = new Models.Vulnerability.Affect(ref);
  affect.versions.add(new Models.Vulnerability.AffectedSingleVersion(match.version, { status }));
  vulnerability.affects.add(affect);
  vulnerability.properties.add(new Models.Property(VULN_PROPERTY.status, match.status));
  for (const s of match.symbols)
    vulnerability.properties.add(new Models.Property(VULN_PROPERTY.symbol, `${s.package}.${s.symbol}`));
  if (match.path) vulnerability.properties.add(new Models.Property(VULN_PROPERTY.path, match.path.join(' > ')));
  return vulnerability;
}

/** One CycloneDX vulnerability per match, pointing at the component of the module it affects. */
export function addVulnerabilities(bom: Models.Bom, report: Report, components: Map<string, Models.Component>): void {
  for (const match of report.vulnerabilities ?? []) {
    // The database names the standard library "stdlib"; the SBOM keys it by the Go module graph's name.
    const component = components.get(match.module === 'stdlib' ? STD_MODULE : match.module);
    if (!component) continue;
    bom.vulnerabilities.add(vulnerabilityOf(match, component.bomRef));
  }
}
