import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, fixturesDir, truth } from '../../../test/fixtures';
import { analyze } from '../analyze';
import { parseSbom, reconcile } from './index';
import { CORRECT_SBOMS, reportFromGoVersion } from './test-support';
import type { Reconciliation, Sbom } from './types';

/**
 * One binary's truth (`go version -m`: example.com/hello, greeting replaced by ../greeting, go1.19.8) written by
 * hand in every format this product reads. Whatever the format, reconciliation must say the same thing: the same
 * verdict, the same counts, and for a planted discrepancy the same items.
 */
const text = (name: string) => readFileSync(join(fixturesDir, 'sbom', name), 'utf8');
const parse = (source: string) => parseSbom(new TextEncoder().encode(source)) as Sbom;

/**
 * What a reconciliation says, without the wording that names a format's own ids (bom-refs, SPDXIDs, IRIs), and
 * without the one warning only CycloneDX can earn: a main module named only as `metadata.component` (SPDX always
 * lists the described package among the packages).
 */
function essence(result: Reconciliation) {
  const items = result.items.filter((item) => item.kind !== 'main-only-in-metadata');
  return {
    verdict: result.verdict,
    counts: { ...result.counts, byKind: { ...result.counts.byKind, 'main-only-in-metadata': 0 } },
    items: items.map((item) => ({
      kind: item.kind,
      module: item.module,
      binary: item.binary?.version,
      sbom: item.sbom?.version.replace(/^go/, ''),
    })),
  };
}

const FORMATS = ['cyclonedx-json', 'cyclonedx-xml', 'spdx-json', 'spdx-tag-value', 'spdx3-json'];

describe('the same content in every format gives the same reconciliation', () => {
  const report = reportFromGoVersion(truth('linux-amd64.goversion.txt'));

  it('covers every format the reader knows', () => {
    const formats = new Set(CORRECT_SBOMS.map((name) => parse(text(name)).format));
    expect([...formats].sort()).toEqual([...FORMATS].sort());
  });

  it('correct documents: one verdict, one set of counts', () => {
    const results = CORRECT_SBOMS.map((name) => essence(reconcile(report, parse(text(name)))));
    for (const result of results) expect(result).toEqual(results[0]);
    expect(results[0]).toMatchObject({ verdict: 'match', items: [], counts: { matched: 3, sbomComponents: 2 } });
  });

  it('a planted wrong standard library version (1.19.2 for the 1.19.8 go version -m shows): the same items', () => {
    const results = CORRECT_SBOMS.map((name) => {
      const planted = text(name).replaceAll('1.19.8', '1.19.2');
      return essence(reconcile(report, parse(planted)));
    });
    for (const [i, result] of results.entries()) expect(result, CORRECT_SBOMS[i]).toEqual(results[0]);
    expect(results[0]).toMatchObject({
      verdict: 'mismatch',
      items: [{ kind: 'version-mismatch', module: 'stdlib', binary: '1.19.8', sbom: '1.19.2' }],
    });
  });

  it('a planted missing module (greeting left out): the same items', () => {
    const results = CORRECT_SBOMS.map((name) => essence(reconcile(report, parse(withoutGreeting(name)))));
    for (const [i, result] of results.entries()) expect(result, CORRECT_SBOMS[i]).toEqual(results[0]);
    expect(results[0]?.items).toEqual([
      { kind: 'missing-from-sbom', module: 'example.com/greeting', binary: '', sbom: undefined },
    ]);
  });
});

/** The fixture with the greeting component turned into a package of another ecosystem. */
function withoutGreeting(name: string): string {
  // Turning greeting into a non-Go package (an npm purl, another name) removes it from the comparison in every
  // format alike, without rewriting each format's structure by hand.
  return text(name)
    .replace(/pkg:golang\/example\.com(\/|%2F)greeting/g, 'pkg:npm/greeting')
    .replaceAll('example.com/greeting', 'greeting-js');
}

describe('the committed fixture binaries reconcile clean against every format', () => {
  it.each(['linux-amd64', 'windows-amd64.exe'])('%s', async (name) => {
    const { report } = await analyze(fixture(name), { fileName: name });
    for (const document of CORRECT_SBOMS) {
      expect(reconcile(report, parse(text(document))).verdict, document).toBe('match');
    }
  });
});
