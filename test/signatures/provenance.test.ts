import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFixture } from '../../src/core/findings/testing/fixture-report';
import { provenanceFacts } from '../../src/renderer/src/features/overview/provenance';
import { fixture, fixturesDir } from '../fixtures';

const facts = async (name: string) => provenanceFacts((await analyzeFixture(name, fixture(name))).report);

/** The Go build ID as readelf -n printed its description bytes. */
function goBuildIdFromReadelf(name: string): string {
  const text = readFileSync(join(fixturesDir, 'truth', `${name}.readelf-n.txt`), 'utf8');
  const bytes = /GO BUILDID\s+description data: ([0-9a-f ]+)/.exec(text)![1]!.trim().split(' ');
  return String.fromCharCode(...bytes.map((b) => parseInt(b, 16)));
}

/** h1: sums on the dep and => lines of go version -m. */
function recordedSums(name: string): number {
  const text = readFileSync(join(fixturesDir, 'truth', `${name}.goversion.txt`), 'utf8');
  return (text.match(/^\t(?:dep|=>)\t.*\th1:\S+$/gm) ?? []).length;
}

describe('provenance facts of the fixtures', () => {
  it('the Go build ID is the one readelf reads; no VCS stamp (built with -buildvcs=false)', async () => {
    const f = await facts('linux-amd64');
    expect(f.goBuildId).toBe(goBuildIdFromReadelf('linux-amd64'));
    expect(f.vcs).toBeNull();
    expect(f.embeddedSignature).toBe(false);
  });

  it('module sums counted as go version -m lists them', async () => {
    expect(recordedSums('sums-linux-amd64')).toBe(1);
    expect((await facts('sums-linux-amd64')).sums).toEqual({ recorded: 1, withoutSum: 0 });
    expect((await facts('multimod-linux-amd64')).sums).toEqual({ recorded: 0, withoutSum: 8 });
  });

  it('a signature stamped in with -X is flagged', async () => {
    expect((await facts('signed-linux-amd64-x')).embeddedSignature).toBe(true);
  });
});
