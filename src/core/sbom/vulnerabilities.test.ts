import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, fixturesDir } from '../../../test/fixtures';
import { analyze } from '../analyze';
import type { Report } from '../report/types';
import { indexFromZip } from '../vulns/db';
import { generateCycloneDx, generateOpenVex, generateSpdx3, parseSbom, validateSbom } from './index';
import type { Sbom } from './types';

const OPTIONS = { timestamp: '2026-09-01T00:00:00Z', serialNumber: 'urn:uuid:00000000-0000-4000-8000-000000000002' };
const bytes = (text: string) => new TextEncoder().encode(text);

// GO-2025-4009 names encoding/pem.Decode; the "calls" fixture calls it, the "links" one only encodes (see
// test/fixtures/go/vulncall and build-vulns.sh).
let calls: Report;
let links: Report;

beforeAll(async () => {
  const zip = new Uint8Array(readFileSync(join(fixturesDir, 'vulndb', 'go-vulndb-osv-2026-08-21.zip')));
  const vulnIndex = indexFromZip(zip, 'snapshot.zip');
  const now = new Date('2026-09-01T00:00:00Z');
  calls = (await analyze(fixture('vulncall-calls-linux-amd64'), { fileName: 'calls', vulnIndex, now })).report;
  links = (await analyze(fixture('vulncall-links-linux-amd64'), { fileName: 'links', vulnIndex, now })).report;
}, 60_000);

interface CdxVulnerability {
  id: string;
  analysis: { state: string; justification?: string; detail: string };
  affects: { ref: string; versions: { version: string; status: string }[] }[];
  references?: { id: string }[];
}

function cdxVulnerability(report: Report, id: string): CdxVulnerability {
  const bom = JSON.parse(generateCycloneDx(report, 'json', OPTIONS)) as { vulnerabilities: CdxVulnerability[] };
  return bom.vulnerabilities.find((v) => v.id === id)!;
}

describe('CycloneDX vulnerabilities with VEX analysis', () => {
  it.each(['json', 'xml'] as const)('still validates against the official 1.6 schema (%s)', async (format) => {
    for (const report of [calls, links]) {
      const text = generateCycloneDx(report, format, OPTIONS);
      expect(text).toContain('GO-2025-4009');
      const sbom = parseSbom(bytes(text)) as Sbom;
      expect(await validateSbom(bytes(text), sbom)).toEqual({ valid: true, errors: [] });
    }
  });

  it('marks called code exploitable on the standard library component, with its CVE', () => {
    const vuln = cdxVulnerability(calls, 'GO-2025-4009');
    expect(vuln.analysis.state).toBe('exploitable');
    expect(vuln.analysis.justification).toBeUndefined();
    expect(vuln.affects).toEqual([
      { ref: 'pkg:golang/stdlib@1.19.8', versions: [{ version: 'go1.19.8', status: 'affected' }] },
    ]);
    expect(vuln.references?.map((r) => r.id)).toContain('CVE-2025-61723');
  });

  it('marks absent code not_affected with code_not_present', () => {
    const vuln = cdxVulnerability(links, 'GO-2025-4009');
    expect(vuln.analysis).toMatchObject({ state: 'not_affected', justification: 'code_not_present' });
    expect(vuln.affects[0]!.versions[0]!.status).toBe('unaffected');
  });
});

interface VexStatement {
  vulnerability: { name: string; aliases?: string[] };
  products: { '@id': string; subcomponents: { '@id': string }[] }[];
  status: string;
  justification?: string;
  action_statement?: string;
  impact_statement?: string;
}

function statement(report: Report, id: string): VexStatement {
  const doc = JSON.parse(generateOpenVex(report, OPTIONS)) as Record<string, unknown> & { statements: VexStatement[] };
  expect(doc['@context']).toBe('https://openvex.dev/ns/v0.2.0');
  expect(doc.version).toBe(1);
  expect(doc.timestamp).toBe('2026-09-01T00:00:00.000Z');
  return doc.statements.find((s) => s.vulnerability.name === id)!;
}

describe('OpenVEX 0.2.0', () => {
  it('states affected, with the action to take, when the code is called', () => {
    const s = statement(calls, 'GO-2025-4009');
    expect(s.status).toBe('affected');
    expect(s.action_statement).toContain('go1.24.8');
    expect(s.justification).toBeUndefined();
    expect(s.products[0]!.subcomponents).toEqual([{ '@id': 'pkg:golang/stdlib@1.19.8' }]);
  });

  it('states not_affected with vulnerable_code_not_present when the code is absent', () => {
    const s = statement(links, 'GO-2025-4009');
    expect(s.status).toBe('not_affected');
    expect(s.justification).toBe('vulnerable_code_not_present');
    expect(s.impact_statement).toBeTruthy();
  });

  it('has one statement per match and nothing else', () => {
    const doc = JSON.parse(generateOpenVex(calls, OPTIONS)) as { statements: unknown[] };
    expect(doc.statements).toHaveLength(calls.vulnerabilities.length);
  });
});

interface Spdx3Element {
  type: string;
  spdxId: string;
  name?: string;
  from?: string;
  to?: string[];
  software_packageUrl?: string;
  externalIdentifier?: { externalIdentifierType: string; identifier: string }[];
  security_justificationType?: string;
  security_actionStatement?: string;
}

/** The SPDX 3 vulnerability named id, its assessment, and the packages the assessment is for. */
function spdx3Assessment(report: Report, id: string) {
  const graph = (JSON.parse(generateSpdx3(report, OPTIONS)) as { '@graph': Spdx3Element[] })['@graph'];
  const vulnerability = graph.find((e) => e.type === 'security_Vulnerability' && e.name === id)!;
  const assessment = graph.find((e) => e.from === vulnerability.spdxId)!;
  const packages = graph.filter((e) => assessment.to?.includes(e.spdxId)).map((e) => e.software_packageUrl);
  return { vulnerability, assessment, packages };
}

describe('SPDX 3 security profile', () => {
  it('still validates against the official 3.0.1 schema', async () => {
    for (const report of [calls, links]) {
      const text = generateSpdx3(report, OPTIONS);
      expect(text).toContain('GO-2025-4009');
      expect(await validateSbom(bytes(text), parseSbom(bytes(text)) as Sbom)).toEqual({ valid: true, errors: [] });
    }
  });

  it('called code: an affects assessment of the standard library, with its CVE and the fix', () => {
    const { vulnerability, assessment, packages } = spdx3Assessment(calls, 'GO-2025-4009');
    expect(vulnerability.externalIdentifier).toContainEqual({
      type: 'ExternalIdentifier',
      externalIdentifierType: 'cve',
      identifier: 'CVE-2025-61723',
    });
    expect(assessment).toMatchObject({
      type: 'security_VexAffectedVulnAssessmentRelationship',
      relationshipType: 'affects',
    });
    expect(assessment.security_actionStatement).toContain('go1.24.8');
    expect(packages).toEqual(['pkg:golang/stdlib@1.19.8']);
  });

  it('absent code: doesNotAffect, vulnerableCodeNotPresent', () => {
    const { assessment } = spdx3Assessment(links, 'GO-2025-4009');
    expect(assessment).toMatchObject({
      type: 'security_VexNotAffectedVulnAssessmentRelationship',
      relationshipType: 'doesNotAffect',
      security_justificationType: 'vulnerableCodeNotPresent',
    });
  });
});
