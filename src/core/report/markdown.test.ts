import { describe, expect, it } from 'vitest';
import { HOSTILE_NAME, UNMASKED_TOKEN, XFLAG_TOKEN, sampleReport } from '../../../test/report/sample-report';
import { codeSpan, escapeMarkdown, renderMarkdown } from './markdown';

const markdown = renderMarkdown(sampleReport(), { generatedAt: '2026-01-02' });

/** Text outside code spans: where Markdown would interpret HTML, links and emphasis. */
function outsideCode(text: string): string {
  return text.replace(/(`+)[^`]*?\1/g, '');
}

/** Table cell separators: pipes that are not backslash-escaped. */
function separators(line: string): number {
  return (line.match(/(?<!\\)\|/g) ?? []).length;
}

describe('renderMarkdown', () => {
  it('has the cover, every finding and every part', () => {
    expect(markdown.startsWith('# Gobinscope audit report: ')).toBe(true);
    expect(markdown).toContain('ab'.repeat(32));
    for (const finding of sampleReport().findings) expect(markdown).toContain(`#### ${escapeMarkdown(finding.title)}`);
    for (const part of [
      '## Findings',
      '## Linkage, hardening and portability',
      '## Build settings and modules',
      '## Residue',
      '## Sections',
    ]) {
      expect(markdown).toContain(part);
    }
  });

  it('keeps secrets masked', () => {
    expect(markdown).not.toContain(UNMASKED_TOKEN);
    expect(markdown).not.toContain(XFLAG_TOKEN);
    expect(markdown).toContain('`ghp_…6789`');
  });

  it('lets no hostile string open HTML or split a table cell', () => {
    expect(outsideCode(markdown)).not.toContain(HOSTILE_NAME);
    expect(outsideCode(markdown)).not.toMatch(/(?<!\\)</);
    const tables = markdown.split('\n\n').filter((block) => block.startsWith('|'));
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) {
      const lines = table.split('\n').filter((line) => line.startsWith('|'));
      for (const line of lines) expect(separators(line), line).toBe(separators(lines[0]!));
    }
  });

  it('escapes pipes in plain text and in code spans', () => {
    expect(escapeMarkdown('a|b <c> *d*\nnext')).toBe('a\\|b \\<c\\> \\*d\\* next');
    expect(codeSpan('x|y')).toBe('`x\\|y`');
    expect(codeSpan('a`b')).toBe('``a`b``');
  });
});
