import { describe, expect, it } from 'vitest';
import { UsageError, editDistance, nearest, parseArgs } from '../../src/cli/args';

const REPORT = { valued: ['o', 'output', 'format', 'compare', 'sbom'], booleans: [] };
const ANALYZE = { valued: [], booleans: ['json'] };

function usageErrorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('parseArgs', () => {
  it('reads positionals, booleans, values after a space and after =', () => {
    const args = parseArgs(['bin', '-o', 'out.pdf', '--format=md', '--sbom', 'a=b.json', 'more'], REPORT, 'report');
    expect(args.positionals).toEqual(['bin', 'more']);
    expect([...args.flags]).toEqual([
      ['o', 'out.pdf'],
      ['format', 'md'],
      ['sbom', 'a=b.json'],
    ]);
    expect([...parseArgs(['x', '--json'], ANALYZE, 'analyze').flags]).toEqual([['json', true]]);
  });

  it('takes everything after -- as a positional, and a lone - too', () => {
    const args = parseArgs(['--', '--json', '-o'], ANALYZE, 'analyze');
    expect(args.positionals).toEqual(['--json', '-o']);
    expect(parseArgs(['-'], ANALYZE, 'analyze').positionals).toEqual(['-']);
  });

  it('refuses an unknown flag and names the nearest one the command takes', () => {
    expect(usageErrorOf(() => parseArgs(['x', '--jsno'], ANALYZE, 'analyze'))).toBe(
      'unknown flag --jsno for analyze; did you mean --json?',
    );
    expect(usageErrorOf(() => parseArgs(['x', '--fromat', 'md'], REPORT, 'report'))).toBe(
      'unknown flag --fromat for report; did you mean --format?',
    );
    // A prefix of a longer flag is not accepted as that flag, but suggested.
    expect(usageErrorOf(() => parseArgs(['x', '--out', 'r.md'], REPORT, 'report'))).toBe(
      'unknown flag --out for report; did you mean --output?',
    );
  });

  it('points to --help when nothing is near', () => {
    expect(usageErrorOf(() => parseArgs(['x', '--reveal-everything'], ANALYZE, 'analyze'))).toBe(
      'unknown flag --reveal-everything for analyze; see gobinscope analyze --help',
    );
  });

  it('refuses a flag of another command', () => {
    expect(usageErrorOf(() => parseArgs(['x', '-o', 'y'], ANALYZE, 'analyze'))).toMatch(/^unknown flag -o for analyze/);
  });

  it('says when a valued flag has no value and when a boolean flag is given one', () => {
    expect(usageErrorOf(() => parseArgs(['x', '-o'], REPORT, 'report'))).toBe('-o needs a value');
    expect(usageErrorOf(() => parseArgs(['x', '--json=yes'], ANALYZE, 'analyze'))).toBe('--json takes no value');
  });

  it('accepts --help and -h on every command', () => {
    expect(parseArgs(['--help'], ANALYZE, 'analyze').flags.has('help')).toBe(true);
    expect(parseArgs(['-h'], REPORT, 'report').flags.has('h')).toBe(true);
  });
});

describe('nearest and editDistance', () => {
  it('counts edits the way the textbook examples do', () => {
    // kitten -> sitting: the classic three edits; a swap of neighbours is one edit, not two.
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('jsno', 'json')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('suggests misspelt commands and nothing for unrelated words', () => {
    const commands = ['analyze', 'compare', 'report', 'scan', 'sbom', 'reconcile', 'serve'];
    expect(nearest('anlyze', commands)).toBe('analyze');
    expect(nearest('analyse', commands)).toBe('analyze');
    expect(nearest('reprot', commands)).toBe('report');
    expect(nearest('recon', commands)).toBe('reconcile');
    expect(nearest('frobnicate', commands)).toBeNull();
  });
});
