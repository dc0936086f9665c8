import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../test/fixtures';
import { analyze } from '../analyze';
import { compareFiles } from '../compare/index';
import type { Comparison } from '../compare/types';
import { reconcile } from '../sbom/index';
import type { Reconciliation, Sbom } from '../sbom/types';
import { renderReportHtml } from './html';
import { renderMarkdown } from './markdown';
import type { Report } from './types';

// The extras as the other engines make them: a real comparison of a binary with its stripped copy, and a real
// reconciliation against an SBOM that leaves a module out.
let report: Report;
let comparison: Comparison;
let reconciliation: Reconciliation;

beforeAll(async () => {
  report = (await analyze(fixture('linux-amd64'), { fileName: 'linux-amd64' })).report;
  comparison = await compareFiles(
    { name: 'linux-amd64', bytes: fixture('linux-amd64') },
    { name: 'linux-amd64-strip', bytes: fixture('linux-amd64-strip') },
  );
  const sbom: Sbom = {
    format: 'cyclonedx-json',
    specVersion: '1.6',
    metadata: { tools: [] },
    dependencies: [],
    components: [
      {
        bomRef: 'x',
        name: 'example.com/other',
        version: 'v1.0.0',
        purl: 'pkg:golang/example.com/other@v1.0.0',
        type: 'library',
        hashes: [],
        licenses: [],
        properties: [],
        ancestors: [],
      },
    ],
  };
  reconciliation = reconcile(report, sbom);
}, 60_000);

describe('the report with a comparison and a reconciliation', () => {
  it('gives the strip verification its own part, in its own words', () => {
    expect(comparison.stripVerification).toBeDefined();
    const html = renderReportHtml(report, { generatedAt: 'now', extras: { comparison } });
    expect(html).toContain('>Strip verification</h2>');
    expect(html).toContain('strip (same link, sections removed afterwards)');
    expect(html).toContain('>Removed sections</h4>');
    expect(html).toContain('>What the stripped file still gives away</h4>');
    expect(html).toContain('>Comparison</h2>');
    expect(html).toContain('linux-amd64-strip');
    expect(html).toContain('>Code and data contents</h4>');
    expect(html.match(/>Strip verification<\/h2>/g)).toHaveLength(1);
  });

  it('shows the reconciliation verdict and each disagreement', () => {
    expect(reconciliation.verdict).toBe('mismatch');
    const html = renderReportHtml(report, { generatedAt: 'now', extras: { reconciliation } });
    expect(html).toContain('>SBOM reconciliation</h2>');
    expect(html).toContain('the SBOM does not match the binary');
    for (const item of reconciliation.items) expect(html).toContain(`>${item.kind}<`);
  });

  it('puts the same parts in the Markdown', () => {
    const markdown = renderMarkdown(report, { extras: { comparison, reconciliation } });
    for (const part of ['## Strip verification', '## Comparison', '## SBOM reconciliation'])
      expect(markdown).toContain(part);
  });
});
