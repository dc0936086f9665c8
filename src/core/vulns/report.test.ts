import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, fixturesDir } from '../../../test/fixtures';
import { analyze } from '../analyze';
import { compareReports } from '../compare/index';
import { renderReportHtml } from '../report/html';
import { toSarif } from '../report/sarif';
import { indexFromZip, type VulnIndex } from './db';

// The database snapshot is dated 2026-08-21 (its members' zip times; see db.test.ts). The fixtures: "calls"
// calls encoding/pem.Decode (GO-2025-4009), "links" links encoding/pem without it.
let index: VulnIndex;
const calls = fixture('vulncall-calls-linux-amd64');
const links = fixture('vulncall-links-linux-amd64');

beforeAll(() => {
  index = indexFromZip(
    new Uint8Array(readFileSync(join(fixturesDir, 'vulndb', 'go-vulndb-osv-2026-08-21.zip'))),
    'snap.zip',
  );
});

describe('vulnerabilities in the report', () => {
  it('has none and no database without one', async () => {
    const { report } = await analyze(links, { fileName: 'links' });
    expect(report.vulnDb).toBeNull();
    expect(report.vulnerabilities).toEqual([]);
    expect(report.findings.some((f) => f.kind === 'vulnerability')).toBe(false);
  });

  it('records the database and turns matches into findings graded by status', async () => {
    const now = new Date('2026-09-01T12:00:00Z');
    const { report } = await analyze(calls, { fileName: 'calls', vulnIndex: index, now });
    expect(report.vulnDb).toEqual({
      source: 'snap.zip',
      modified: '2026-08-21T20:38:00.000Z',
      ageDays: 10,
      entries: 4261,
    });
    const finding = report.findings.find((f) => f.id === 'vuln.GO-2025-4009')!;
    expect(finding.severity).toBe('high');
    expect(finding.title).toContain('CVE-2025-61723');
    expect(finding.evidence.map((e) => e.value)).toContain('encoding/pem.Decode');
    expect(finding.evidence.at(-1)?.context).toBe('path from main');
    expect(finding.remediation).toContain('go1.24.8');
    expect(report.findings.some((f) => f.id === 'vuln.db-stale')).toBe(false);
    const absent = (await analyze(links, { fileName: 'links', vulnIndex: index, now })).report;
    expect(absent.findings.find((f) => f.id === 'vuln.GO-2025-4009')?.severity).toBe('info');
  });

  it('flags a database older than 30 days', async () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const { report } = await analyze(links, { fileName: 'links', vulnIndex: index, now });
    expect(report.vulnDb?.ageDays).toBe(101);
    expect(report.findings.find((f) => f.id === 'vuln.db-stale')?.severity).toBe('low');
  });

  it('carries vulnerability findings into SARIF as rules with a level', async () => {
    const { report } = await analyze(calls, { fileName: 'calls', vulnIndex: index });
    const sarif = toSarif(report) as {
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string }[] }[];
    };
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toContain('vuln.GO-2025-4009');
    expect(run.results.find((r) => r.ruleId === 'vuln.GO-2025-4009')?.level).toBe('error');
  });
});

describe('comparing two builds', () => {
  it('says the build that stopped calling pem.Decode fixed GO-2025-4009, and the reverse introduces it', async () => {
    const a = await analyze(calls, { fileName: 'calls', vulnIndex: index });
    const b = await analyze(links, { fileName: 'links', vulnIndex: index });
    const forward = await compareReports(a, b, null, null, calls, links);
    expect(forward.vulnerabilities?.fixed.map((d) => [d.id, d.status, d.otherStatus])).toEqual([
      ['GO-2025-4009', 'reachable', 'absent'],
    ]);
    expect(forward.vulnerabilities?.introduced).toEqual([]);
    expect(forward.summary.join('\n')).toContain('B fixes 1 vulnerability: GO-2025-4009');
    const backward = await compareReports(b, a, null, null, links, calls);
    expect(backward.vulnerabilities?.introduced.map((d) => d.id)).toEqual(['GO-2025-4009']);
    expect(backward.vulnerabilities?.unchanged).toBe(forward.vulnerabilities?.unchanged);
  }, 60_000);
});

describe('the audit report', () => {
  it('has a vulnerabilities section with the status, ids, fix and the path from main', async () => {
    const { report } = await analyze(calls, { fileName: 'calls', vulnIndex: index });
    const html = renderReportHtml(report, { generatedAt: '2026-09-01' });
    const section = html.slice(html.indexOf('Known vulnerabilities'));
    for (const text of [
      'GO-2025-4009',
      'CVE-2025-61723',
      'stdlib@go1.19.8',
      'go1.24.8',
      'encoding/pem.Decode',
      'main.main',
    ])
      expect(section).toContain(text);
  });

  it('says it did not check without a database', async () => {
    const { report } = await analyze(links, { fileName: 'links' });
    expect(renderReportHtml(report, { generatedAt: '2026-09-01' })).toContain('no vulnerability database was loaded');
  });
});
