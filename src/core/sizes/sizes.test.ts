import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { packageOf } from '../go/packages';
import { FIXTURES, fixture, truth } from '../../../test/fixtures';
import { Claims } from './claims';
import { pcTableLength } from './pclntab-bytes';

interface TruthSection {
  name: string;
  address: number;
  size: number;
}

/** Code bytes per package from Go's own debug/gosym function list (entry, size, name, file). */
function truthCodeBytes(name: string): Map<string, number> {
  const bytes = new Map<string, number>();
  for (const line of truth(`${name}.funcs.tsv`).split('\n')) {
    const [, size, fn] = line.split('\t');
    if (!fn) continue;
    const path = packageOf(fn);
    bytes.set(path, (bytes.get(path) ?? 0) + Number(size));
  }
  return bytes;
}

function truthSections(name: string): TruthSection[] {
  return (JSON.parse(truth(`${name}.dump.json`)) as { sections: TruthSection[] }).sections;
}

const singles = FIXTURES.filter((name) => name !== 'darwin-fat');
// debug/gosym cannot read the stripped PE or the PIE's relro pclntab; those builds have no function truth.
const withFunctionTruth = singles.filter((name) => truth(`${name}.funcs.tsv`).trim() !== '');

describe('bytes per package', () => {
  it.each(singles)('%s: every measured section adds up to its size in Go debug/*', async (name) => {
    const { report } = await analyze(fixture(name), { fileName: name });
    const sizes = report.sizes!;
    const known = new Map(truthSections(name).map((s) => [s.name, s.size]));
    expect(sizes.sections.length).toBeGreaterThan(1);
    for (const section of sizes.sections) {
      // Go's debug/elf and debug/macho give the section size; PE's debug/pe gives the virtual size, and the
      // file holds the raw size: compare attributed + unattributed with the section as the file stores it.
      if (!name.startsWith('windows')) expect(section.size, section.name).toBe(known.get(section.name));
      expect(section.attributed + section.unattributed, section.name).toBe(section.size);
      expect(section.attributed).toBeGreaterThanOrEqual(0);
    }
  });

  it.each(withFunctionTruth)(
    '%s: code bytes per package equal the function sizes Go debug/gosym lists',
    async (name) => {
      const { report } = await analyze(fixture(name), { fileName: name });
      const sizes = report.sizes!;
      const text = sizes.sections.find((s) => /(^|,)(\.text|__text)$/.test(s.name))!;
      const expected = truthCodeBytes(name);
      for (const [path, bytes] of expected) {
        const entry = sizes.packages.find((p) => p.path === path);
        expect(entry?.sections[text.name] ?? 0, path).toBe(bytes);
      }
      const total = [...expected.values()].reduce((a, b) => a + b, 0);
      expect(text.attributed).toBe(total);
    },
  );

  it('the pclntab is mostly owned by packages, and modules sum their packages', async () => {
    const { report } = await analyze(fixture('linux-amd64'), { fileName: 'linux-amd64' });
    const sizes = report.sizes!;
    const pclntab = sizes.sections.find((s) => s.name === '.gopclntab')!;
    // Names, records, functab slots and pc tables are most of the table; the file tables are the rest.
    expect(pclntab.attributed / pclntab.size).toBeGreaterThan(0.8);
    const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
    expect(sum(sizes.modules.map((m) => m.total))).toBe(sum(sizes.packages.map((p) => p.total)));
    expect(sizes.modules.map((m) => m.path)).toContain('std');
  });
});

describe('claims', () => {
  it('counts overlapping bytes once, for the claim that starts first, and clips to each window', () => {
    const claims = new Claims();
    claims.add(0, 100, 0);
    claims.add(10, 20, 1);
    claims.add(50, 150, 1);
    claims.add(300, 310, 2);
    const [first, second] = claims.resolve(
      [
        { start: 0, end: 120 },
        { start: 120, end: 400 },
      ],
      3,
    );
    expect([...first!.bytes]).toEqual([100, 20, 0]);
    expect(first!.unattributed).toBe(0);
    expect([...second!.bytes]).toEqual([0, 30, 10]);
    expect(second!.unattributed).toBe(280 - 40);
  });

  it('finds a long claim that starts well before a window', () => {
    const claims = new Claims();
    claims.add(0, 1000, 0);
    for (let i = 0; i < 50; i++) claims.add(i, i + 1, 1);
    const [window] = claims.resolve([{ start: 500, end: 600 }], 2);
    expect([...window!.bytes]).toEqual([100, 0]);
  });

  it('gives bytes two claims share from the same start to the longer one, whichever came first', () => {
    for (const base of [0, 2 ** 50]) {
      // 2^50 is past what packs into one sort key with the claim's index: the other ordering must agree.
      const claims = new Claims();
      claims.add(base + 10, base + 20, 0);
      claims.add(base + 10, base + 50, 1);
      claims.add(base + 5, base + 8, 2);
      claims.add(base + 5, base + 8, 0);
      const [window] = claims.resolve([{ start: base, end: base + 100 }], 3);
      // 5-8: equal claims, the first added keeps them; 10-50: the longer claim.
      expect([...window!.bytes]).toEqual([0, 40, 3]);
    }
  });
});

describe('pc-value tables', () => {
  it('ends at the zero value delta after the first pair, as the linker writes it', () => {
    // (value +1, pc +4), (value +2 as 0x84 0x01 two-byte varint, pc +1), end.
    const bytes = new Uint8Array([0x02, 0x04, 0x84, 0x01, 0x01, 0x00, 0xff]);
    expect(pcTableLength(bytes, 0, bytes.length)).toBe(6);
  });

  it('a first pair of zero value delta does not end the table', () => {
    const bytes = new Uint8Array([0x00, 0x08, 0x00]);
    expect(pcTableLength(bytes, 0, bytes.length)).toBe(3);
  });

  it('a table that runs off its region is malformed', () => {
    expect(() => pcTableLength(new Uint8Array([0x02, 0x04, 0x02]), 0, 3)).toThrow(/pctab/);
  });
});
