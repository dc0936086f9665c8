import { describe, expect, it } from 'vitest';
import { truth } from '../../../../test/fixtures';
import { reconcile } from '../../sbom/index';
import { reportFromGoVersion } from '../../sbom/test-support';
import type { Sbom, SbomComponent } from '../../sbom/types';
import { renderReportHtml } from '../html';

// linux-amd64 as `go version -m` records it (main example.com/hello, example.com/greeting, go1.19.8), against an
// SBOM written for another program that lists only the standard library.
const report = reportFromGoVersion(truth('linux-amd64.goversion.txt'), 'linux-amd64');
const component = (name: string, purl: string, type = 'library'): SbomComponent => ({
  bomRef: purl,
  name,
  version: '',
  purl,
  type,
  hashes: [],
  licenses: [],
  properties: [],
  ancestors: [],
});
const sbom: Sbom = {
  format: 'cyclonedx-json',
  specVersion: '1.6',
  metadata: {
    tools: [],
    component: component('example.com/other', 'pkg:golang/example.com/other@v2.0.0', 'application'),
  },
  components: [component('stdlib', 'pkg:golang/stdlib@1.19.8')],
  dependencies: [],
};

describe('the reconciliation in the audit document', () => {
  const reconciliation = reconcile(report, sbom);
  const html = renderReportHtml(report, { generatedAt: 'now', extras: { reconciliation } });

  it('says first that the SBOM describes another program', () => {
    const said = html.indexOf('This SBOM describes example.com/other v2.0.0, not example.com/hello.');
    expect(said).toBeGreaterThan(0);
    expect(said).toBeLessThan(html.indexOf('Modules in the binary'));
  });

  it('shows each discrepancy with its severity, in words and shapes', () => {
    expect(reconciliation.items.map((item) => item.severity)).toEqual(['error', 'error']);
    expect(html.match(/✗ error/g)).toHaveLength(2);
    expect(html).toContain('Errors, warnings');
  });
});
