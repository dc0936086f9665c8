import { describe, expect, it } from 'vitest';
import { HOSTILE_NAME, UNMASKED_TOKEN, XFLAG_TOKEN, sampleReport } from '../../../test/report/sample-report';
import { cssString, escapeHtml } from './html/escape';
import { formatReportDate, renderReportHtml } from './html';

const html = renderReportHtml(sampleReport(), { generatedAt: '2026-01-02 03:04 UTC' });

describe('renderReportHtml', () => {
  it('is one self-contained document: inline style, no script, nothing loaded', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('escapes a hostile file name and finding values everywhere they appear', () => {
    expect(html).not.toContain(HOSTILE_NAME);
    expect(html).toContain('&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;.bin');
    expect(html).toContain('&lt;script&gt;alert(&quot;value&quot;)&lt;/script&gt;');
    expect(html).toContain('Internal host &lt;b&gt;names&lt;/b&gt;');
    expect(html).toContain('pclntab &lt;not&gt; found');
    // The name is also in the page header (CSS): it must not end the <style> element there.
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  it('never shows a secret in clear: masked again when a rule forgot, and in -ldflags -X', () => {
    expect(html).not.toContain(UNMASKED_TOKEN);
    expect(html).toContain('ghp_…6789');
    expect(html).toContain('ghp_…0000');
    expect(html).not.toContain(XFLAG_TOKEN);
    expect(html).toContain('main.buildUser=jdoe');
    expect(html).toContain('fake…real');
  });

  it('names every finding, with its rule, severity word and symbol, and its remediation', () => {
    const report = sampleReport();
    for (const finding of report.findings) {
      expect(html).toContain(escapeHtml(finding.title));
      expect(html).toContain(finding.id);
      expect(html).toContain(escapeHtml(finding.remediation));
    }
    for (const badge of ['✖ critical', '▲ high', '◆ medium', '▽ low', '○ info']) expect(html).toContain(badge);
    expect(html).toContain('0x4a2f10');
  });

  it('has the cover, the verdict and every part', () => {
    const report = sampleReport();
    for (const fact of [
      report.file.sha256,
      '2,345,678 bytes',
      'go1.19.8',
      'example.com/leaky@(devel)',
      '2026-01-02 03:04 UTC',
      'gobinscope 0.1.0',
    ]) {
      expect(html).toContain(fact);
    }
    expect(html).toContain('5 findings: 1 critical, 1 high, 1 medium, 1 low and 1 info.');
    expect(html).toContain('Hardening: PIE fails');
    for (const part of [
      'Findings',
      'Linkage, hardening and portability',
      'Build settings',
      'Modules',
      'Residue',
      'Sections',
      'What could not be read',
    ]) {
      expect(html).toContain(`>${part}</h`);
    }
    for (const section of report.sections) expect(html).toContain(`>${section.name}<`);
    expect(html).toContain('golang.org/x/text');
    expect(html).toContain('123,540');
  });

  it('prints on A4 with "page X of Y" and the SHA-256 in the page footer', () => {
    expect(html).toContain('size: A4');
    expect(html).toContain('"page " counter(page) " of " counter(pages)');
    expect(html).toMatch(/@bottom-left \{ content: "SHA-256 (ab){32}"/);
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toMatch(/tr \{ break-inside: avoid/);
  });

  it('renders the extras from whatever JSON they are, escaped and redacted', () => {
    const withExtras = renderReportHtml(sampleReport(), {
      generatedAt: 'now',
      extras: {
        comparison: {
          summary: ['Code identical'],
          strings: { added: { count: 1, items: [`token=${UNMASKED_TOKEN}`, '<i>x</i>'] } },
        },
        stripVerification: {
          stripped: 'b',
          removedSections: [{ name: '.symtab', size: 10 }],
          firstDifference: { fileOffsetA: 4096 },
        },
        reconciliation: {
          verdict: 'mismatch',
          items: [{ kind: 'version-mismatch', module: 'golang.org/x/text', severity: 'high' }],
        },
      },
    });
    for (const title of ['Strip verification', 'Comparison', 'SBOM reconciliation'])
      expect(withExtras).toContain(`>${title}</h2>`);
    expect(withExtras).toContain('Code identical');
    expect(withExtras).toContain('0x1000');
    expect(withExtras).toContain('&lt;i&gt;x&lt;/i&gt;');
    expect(withExtras).not.toContain(UNMASKED_TOKEN);
    expect(withExtras).toContain('▲ high');
  });

  it('survives odd extras and a report without Go, linkage or findings', () => {
    const bare = sampleReport({
      go: null,
      linkage: null,
      findings: [],
      verdicts: [],
      sections: [],
      diagnostics: [],
      detection: { isGo: false, reason: 'no Go' },
    });
    const out = renderReportHtml(bare, {
      generatedAt: '',
      extras: { comparison: null, reconciliation: [1, 'two', [3]], stripVerification: 'text' },
    });
    expect(out).toContain('No findings');
    expect(out).toContain('is not recognised as a Go binary');
  });
});

describe('escaping helpers', () => {
  it('escapes HTML metacharacters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('makes CSS strings that cannot end the string or the style element', () => {
    expect(cssString('a"b\\c</style>\n')).toBe('"a\\22 b\\5c c\\3c /style\\3e \\a "');
  });

  it('formats the report date in UTC', () => {
    expect(formatReportDate(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe('2026-01-02 03:04 UTC');
  });
});
