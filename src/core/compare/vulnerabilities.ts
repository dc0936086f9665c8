import type { Report, VulnerabilityMatch } from '../report/types';
import type { VulnerabilityComparison, VulnerabilityDelta } from './types';

/** Statuses that mean the binary carries the vulnerability; "absent" means its code is not in the binary. */
function carries(match: VulnerabilityMatch): boolean {
  return match.status !== 'absent';
}

function carried(report: Report): Map<string, VulnerabilityMatch> {
  return new Map((report.vulnerabilities ?? []).filter(carries).map((m) => [`${m.id} ${m.module}`, m]));
}

function delta(match: VulnerabilityMatch, other: VulnerabilityMatch | undefined): VulnerabilityDelta {
  return {
    id: match.id,
    aliases: match.aliases,
    module: match.module,
    version: match.version,
    status: match.status,
    otherStatus: other?.status ?? null,
    fixed: match.fixed,
  };
}

/**
 * What B fixed and introduced, among the vulnerabilities each binary carries (reachable, present or
 * module-level). A match that became "absent" counts as fixed; one that appears or stops being absent as
 * introduced. Null when neither analysis had a database: there is nothing to compare.
 */
export function compareVulnerabilities(a: Report, b: Report): VulnerabilityComparison | null {
  if (!a.vulnDb && !b.vulnDb) return null;
  const before = carried(a);
  const after = carried(b);
  const fixed = [...before].filter(([key]) => !after.has(key)).map(([key, m]) => delta(m, findOther(b, key)));
  const introduced = [...after].filter(([key]) => !before.has(key)).map(([key, m]) => delta(m, findOther(a, key)));
  return { fixed, introduced, unchanged: [...before.keys()].filter((key) => after.has(key)).length };
}

function findOther(report: Report, key: string): VulnerabilityMatch | undefined {
  return (report.vulnerabilities ?? []).find((m) => `${m.id} ${m.module}` === key);
}
