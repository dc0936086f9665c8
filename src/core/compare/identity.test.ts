import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../test/fixtures';
import { compareFiles, NotComparableError } from './index';
import { formatComparison } from './text';
import { comparedBeforeAll, goVersionTruth } from './testing';

// Truth: the `path` and `mod` lines `go version -m` printed when the fixtures were built (test/fixtures/truth),
// test/fixtures/build.sh (linux-amd64-strip is `strip -s` of linux-amd64), and go/parser's list of the literal
// fixture's string literals (truth/literals.jsonl, made by test/fixtures/build-literals.sh).

/** The `mod` line's module path of `go version -m`. */
function mainModuleTruth(name: string): string {
  const line = readFileSync(`test/fixtures/truth/${name}.goversion.txt`, 'utf8')
    .split('\n')
    .find((l) => l.trim().startsWith('mod\t'));
  return line!.trim().split('\t')[1]!;
}

describe('two different programs: linux-amd64 (example.com/hello) and leaky-linux-amd64', () => {
  const compared = comparedBeforeAll('linux-amd64', 'leaky-linux-amd64');

  it('says so in the comparison, with both main modules as go version -m prints them', () => {
    const [hello, leaky] = [mainModuleTruth('linux-amd64'), mainModuleTruth('leaky-linux-amd64')];
    expect(hello).not.toBe(leaky);
    const { program } = compared();
    expect(program.verdict).toBe('different');
    expect([program.mainModuleA, program.mainModuleB]).toEqual([hello, leaky]);
    expect(program.statement).toContain(`is ${hello}`);
    expect(program.statement).toContain(`is ${leaky}`);
  });

  it('says it first: in the summary, and in the text before any size', () => {
    const c = compared();
    expect(c.summary[0]).toBe(c.program.statement);
    const text = formatComparison(c).split('\n');
    expect(text[0]).toBe(c.program.statement);
    expect(text[0]).not.toMatch(/\d+(\.\d+)? ?(bytes|KiB|MiB)/);
  });
});

describe('two builds of one program', () => {
  const compared = comparedBeforeAll('linux-amd64', 'linux-amd64-strip');

  it('a binary and its stripped copy are the same program, and no line says otherwise', () => {
    const c = compared();
    expect(mainModuleTruth('linux-amd64-strip')).toBe(mainModuleTruth('linux-amd64'));
    expect(c.program.verdict).toBe('same');
    expect(c.program.statement).toBe(`Same program: both are builds of ${goVersionTruth('linux-amd64').path}.`);
    expect(c.summary.some((line) => line.startsWith('Different programs'))).toBe(false);
  });
});

describe('a file that is not an executable', () => {
  const png = new Uint8Array(readFileSync('resources/icon.png'));

  it('is refused with the message analysing it alone gives, on either side', async () => {
    const binary = { name: 'linux-amd64', bytes: fixture('linux-amd64') };
    const image = { name: 'icon.png', bytes: png };
    for (const [a, b] of [
      [binary, image],
      [image, binary],
    ] as const) {
      const refused = await compareFiles(a, b).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(NotComparableError);
      expect((refused as Error).message).toBe('icon.png: This is not an executable (looks like a PNG image).');
    }
  }, 60_000);
});

describe('strings only in one file', () => {
  const compared = comparedBeforeAll('literals-linux-amd64', 'linux-amd64');

  it('lists the Go literals of the literal fixture that hello lacks, its own code first', () => {
    const c = compared();
    expect(c.strings.listed).toBe('literal');
    // Literals main loads with their length beside the pointer (src/core/strings/truth.test.ts says why these).
    const ownLiterals = readFileSync('test/fixtures/truth/literals.jsonl', 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { dir: string; value: string })
      .filter((l) => l.dir === 'literals/program')
      .map((l) => l.value);
    for (const value of ['alpha-key-name', 'beta-key-name', 'forbidden-marker', 'kind-regular-file']) {
      expect(ownLiterals).toContain(value);
      expect(c.strings.removed.items).toContain(value);
    }
  });
});
