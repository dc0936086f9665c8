import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, fixturesDir, truth } from '../../../test/fixtures';
import { parseMachO } from '../formats/macho';
import { withChainedFixups } from '../formats/macho/testing/chain';
import type { Finding } from '../report/types';
import { plantedValues, type Planted } from './testing/planted';
import { analyzeFixture } from './testing/fixture-report';

// The planted-secrets program built for targets whose data pointers the loader relocates (test/fixtures/
// build-leaky.sh). Each must report what the default leaky-linux-amd64 build reports: string headers in a PIE sit
// in .data.rel.ro as relocations, in a PE as VAs at the preferred base, in a Mach-O PIE as rebased words.
const DEFAULT_BUILD = 'leaky-linux-amd64';
const TARGETS = [
  'leaky-linux-amd64-pie',
  'leaky-linux-arm64-pie',
  'leaky-linux-amd64-pie-ext',
  'leaky-linux-amd64-pie-relr',
  'leaky-windows-amd64.exe',
  'leaky-darwin-amd64',
  'leaky-darwin-arm64',
];

const buildScript = readFileSync(join(fixturesDir, 'build.sh'), 'utf8');
const targetsScript = readFileSync(join(fixturesDir, 'build-leaky.sh'), 'utf8');
const planted: Planted[] = plantedValues(
  readFileSync(join(fixturesDir, 'go', 'leaky', 'main.go'), 'utf8'),
  buildScript,
);

/** What a person sees of the secret and leak findings: rule and masked evidence values, order aside. */
function shownFindings(findings: Finding[]): string[] {
  return findings
    .filter((f) => f.kind === 'secret' || f.kind === 'leak')
    .map((f) => `${f.id} ${f.evidence.map((e) => e.value).join(' | ')}`)
    .sort();
}

/** A finding points at a planted value when an evidence offset falls inside one of the value's places in the file. */
function caught(findings: Finding[], file: Uint8Array, item: Planted): boolean {
  const text = new TextDecoder('latin1').decode(file);
  const places: number[] = [];
  for (let at = text.indexOf(item.needle); at >= 0; at = text.indexOf(item.needle, at + 1)) places.push(at);
  return findings.some(
    (f) =>
      f.id === item.rule &&
      f.evidence.some((e) =>
        e.offset !== null
          ? places.some((from) => e.offset! >= from && e.offset! < from + item.needle.length)
          : e.value.includes(item.value),
      ),
  );
}

/** Every R_*_RELATIVE slot readelf lists for a file, as file offsets (the ELF fixtures map offset = address - base). */
function relativeSlots(name: string): number[] {
  return [...truth(`${name}.readelf-r.txt`).matchAll(/^([0-9a-f]{16})\s+[0-9a-f]{16} R_\w+_RELATIVE\s/gm)].map((m) =>
    parseInt(m[1]!, 16),
  );
}

let expected: string[];

beforeAll(async () => {
  expected = shownFindings((await analyzeFixture(DEFAULT_BUILD, fixture(DEFAULT_BUILD))).findings);
});

describe('the relocated leaky builds', () => {
  it('are built with the -X values of the default build', () => {
    const defaultX = /leaky-linux-amd64"\s*\\?\s*-ldflags="([^"]*)"/.exec(buildScript)?.[1];
    const targetsX = /^xvars="([^"]*)"/m.exec(targetsScript)?.[1];
    expect(defaultX).toContain('-X main.apiToken=');
    expect(targetsX).toBe(defaultX);
    for (const name of TARGETS) expect(targetsScript, name).toContain(name);
  });

  for (const name of TARGETS) {
    it(`${name} reports every planted value, masked, as the default build does`, async () => {
      const file = fixture(name);
      const { findings, report } = await analyzeFixture(name, file);
      // The build info reads as `go version -m` prints it, so the -X and VCS findings have something to come from.
      const goVersion = truth(`${name}.goversion.txt`);
      expect(report.go?.version).toBe(/: (go\S+)/.exec(goVersion)?.[1]);
      expect(report.go?.versionSource).toBe('buildinfo');
      const revision = report.go?.buildInfo?.settings.find((s) => s.key === 'vcs.revision')?.value;
      expect(goVersion).toContain(`build\tvcs.revision=${revision}\n`);
      const missed = planted.filter((item) => !caught(findings, file, item)).map((item) => item.name);
      expect(missed).toEqual([]);
      expect(shownFindings(findings)).toEqual(expected);
      const json = JSON.stringify(findings);
      for (const item of planted.filter((p) => p.secret)) expect(json.includes(item.value), item.name).toBe(false);
    });
  }
});

describe('a PIE whose relocated words are stored as 0', () => {
  // lld and Android's linkers leave RELA slots 0 in the file (--no-apply-dynamic-relocs); Go's linker and GNU ld
  // write the addend there too. Zeroing every slot readelf lists turns the fixture into the first kind.
  const name = 'leaky-linux-amd64-pie';
  const zeroed = fixture(name).slice();
  const slots = relativeSlots(name);
  const base = 0x400000; // the internal linker's PIE base: first PT_LOAD at 0x400000, file offset 0
  for (const slot of slots) zeroed.fill(0, slot - base, slot - base + 8);

  it('still reports every planted value through the relocations', async () => {
    expect(slots.length).toBeGreaterThan(3000);
    const { findings } = await analyzeFixture(`${name} (zeroed)`, zeroed);
    expect(planted.filter((item) => !caught(findings, zeroed, item)).map((item) => item.name)).toEqual([]);
    expect(shownFindings(findings)).toEqual(expected);
  });

  it('misses planted values when the relocations are not applied', async () => {
    const stripped = zeroed.slice();
    const rela = /\.rela\s+RELA\s+[0-9a-f]+ ([0-9a-f]+) ([0-9a-f]+)/.exec(truth(`${name}.readelf-S.txt`))!;
    const [offset, size] = [parseInt(rela[1]!, 16), parseInt(rela[2]!, 16)];
    stripped.fill(0, offset, offset + size); // every entry becomes R_X86_64_NONE
    const { findings } = await analyzeFixture(`${name} (zeroed, no relocations)`, stripped);
    expect(planted.filter((item) => !caught(findings, stripped, item)).length).toBeGreaterThan(0);
  });
});

describe('a Mach-O whose pointers are chained fixups', () => {
  // What ld64 writes for macOS 12+: each slot holds its target encoded with a link to the next slot, so no stored
  // word is an address. Built from the rebase opcodes llvm-objdump lists for the fixture.
  const name = 'leaky-darwin-arm64';
  const original = fixture(name);
  const slots = [...truth(`${name}.rebase.txt`).matchAll(/^\S+\s+\S+\s+0x([0-9A-F]+)\s+pointer$/gm)]
    .map((m) => parseInt(m[1]!, 16))
    .sort((a, b) => a - b);
  const chained = withChainedFixups(original, slots, [...parseMachO(original)!.pointerFixups.targets], 'PTR_64_OFFSET');

  it('still reports every planted value through the fixups', async () => {
    const { findings } = await analyzeFixture(`${name} (chained)`, chained);
    expect(planted.filter((item) => !caught(findings, chained, item)).map((item) => item.name)).toEqual([]);
    expect(shownFindings(findings)).toEqual(expected);
  });

  it('misses planted values when the fixups are not applied', async () => {
    const unread = chained.slice();
    const view = new DataView(unread.buffer);
    // LC_DYLD_CHAINED_FIXUPS renamed to an unknown command: the encoded words are read as they are stored.
    for (let at = 32; at < 32 + view.getUint32(20, true); at += view.getUint32(at + 4, true)) {
      if (view.getUint32(at, true) === 0x80000034) view.setUint32(at, 0x7ffffff0, true);
    }
    const { findings } = await analyzeFixture(`${name} (chained, not applied)`, unread);
    expect(planted.filter((item) => !caught(findings, unread, item)).length).toBeGreaterThan(0);
  });
});
