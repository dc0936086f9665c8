import type { CodeFacts } from '../code/types';
import type { Report, VulnDbInfo } from '../report/types';
import { ageInDays, type VulnIndex } from './db';
import { staleDbFinding, vulnerabilityFinding } from './findings';
import { matchVulnerabilities } from './match';

export type { VulnIndex } from './db';

export function vulnDbInfo(index: VulnIndex, now: Date): VulnDbInfo {
  return {
    source: index.source,
    modified: index.modified,
    ageDays: ageInDays(index, now),
    entries: index.entries.length,
  };
}

/**
 * Matches the report against a loaded database and records the matches, the database's date and one finding per
 * match (plus one when the database is stale). Without a database the report says so with vulnDb: null.
 */
export function addVulnerabilities(report: Report, code: CodeFacts | null, index: VulnIndex, now: Date): void {
  report.vulnDb = vulnDbInfo(index, now);
  report.vulnerabilities = matchVulnerabilities({ report, index, code });
  report.findings.push(...report.vulnerabilities.map(vulnerabilityFinding));
  const stale = staleDbFinding(report.vulnDb);
  if (stale) report.findings.push(stale);
}
