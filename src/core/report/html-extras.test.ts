import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../test/fixtures';
import { analyze } from '../analyze';
import { compareFiles } from '../compare/index';
import type { Comparison } from '../compare/types';
import { reconcile } from '../sbom/index';
import type { Reconciliation, Sbom } from '../sbom/types';
import { renderReportHtml } from './html';
import { renderMarkdown } from './markdown';
import { exportFileName, renderTextExport } from './exports';
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
    expect(html).toContain('>What changed</h2>');
    expect(html).toContain('linux-amd64-strip');
    expect(html).toContain('>Code and data contents</h4>');
    expect(html.match(/>Strip verification<\/h2>/g)).toHaveLength(1);
  });

  it('shows the reconciliation verdict and each disagreement', () => {
    expect(reconciliation.verdict).toBe('mismatch');
    const html = renderReportHtml(report, { generatedAt: 'now', extras: { reconciliation } });
    expect(html).toContain('<p class="kicker">Gobinscope SBOM reconciliation</p>');
    expect(html).toContain('>Disagreements</h2>');
    expect(html).toContain('the SBOM does not match the binary');
    for (const item of reconciliation.items) expect(html).toContain(`>${item.kind}<`);
  });

  it('puts the same parts in the Markdown', () => {
    const markdown = renderMarkdown(report, { extras: { comparison, reconciliation } });
    for (const part of ['## Strip verification', '## What changed', '## SBOM reconciliation'])
      expect(markdown).toContain(part);
  });
});

describe('a comparison or a reconciliation is a document of its own', () => {
  /** The text of the HTML's first section (the cover, page 1 in print), tags dropped. */
  const coverText = (html: string): string =>
    html
      .slice(html.indexOf('<section'), html.indexOf('</section>'))
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');

  it('puts the comparison verdict on the cover, and not the report of one side', () => {
    const html = renderReportHtml(report, { generatedAt: 'now', extras: { comparison } });
    const cover = coverText(html);
    expect(cover).toContain('Gobinscope comparison report');
    expect(cover).toContain('linux-amd64 ↔ linux-amd64-strip');
    expect(cover).toContain(comparison.summary[0]!);
    expect(html).not.toContain('>Findings</h2>');
    expect(html).not.toContain('<p class="kicker">Gobinscope audit report</p>');
  });

  it('puts a reconciliation statement from another program first when the engine gives one', () => {
    // The field a newer reconciliation engine adds; set by hand here, as an SBOM of another program would.
    const other = {
      ...reconciliation,
      otherProgram: { sbomDescribes: 'example.com/other', binaryIs: 'example.com/hello' },
    };
    const cover = coverText(renderReportHtml(report, { generatedAt: 'now', extras: { reconciliation: other } }));
    expect(cover.indexOf('This SBOM describes example.com/other, not example.com/hello.')).toBeLessThan(
      cover.indexOf(reconciliation.summary.slice(0, 20)),
    );
    expect(coverText(renderReportHtml(report, { generatedAt: 'now', extras: { reconciliation } }))).not.toContain(
      'This SBOM describes',
    );
  });

  it('exports the comparison itself as JSON, named after both files', () => {
    const { stripVerification, ...rest } = comparison;
    const exported = renderTextExport('json', report, 'now', { comparison: rest, stripVerification });
    expect(exported.fileName).toBe('linux-amd64-vs-linux-amd64-strip.compare.json');
    expect(JSON.parse(exported.text)).toEqual(JSON.parse(JSON.stringify(comparison)));
    expect(exportFileName(report, 'pdf', { comparison: rest })).toBe('linux-amd64-vs-linux-amd64-strip.compare.pdf');
    expect(exportFileName(report, 'pdf', { reconciliation })).toBe('linux-amd64.reconcile.pdf');
    expect(exportFileName(report, 'pdf', null)).toBe('linux-amd64.audit.pdf');
  });

  it("exports the reconciliation's disagreements as SARIF results, one each", () => {
    const sarif = JSON.parse(renderTextExport('sarif', report, 'now', { reconciliation }).text);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(
      reconciliation.items.map((item) => `sbom.${item.kind}`),
    );
  });
});
