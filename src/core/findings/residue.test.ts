import { describe, expect, it } from 'vitest';
import { fixture, truth } from '../../../test/fixtures';
import type { Finding } from '../report/types';
import { analyzeFixture } from './testing/fixture-report';

/** Section name → size, from `readelf -SW`. */
function readelfSizes(name: string): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const m of truth(`${name}.readelf-S.txt`).matchAll(/\]\s+(\S+)\s+\S+\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)/g)) {
    sizes.set(m[1]!, parseInt(m[2]!, 16));
  }
  return sizes;
}

async function findingsOf(name: string): Promise<Finding[]> {
  return (await analyzeFixture(name, fixture(name))).findings;
}

const byId = (findings: Finding[], id: string): Finding | undefined => findings.find((f) => f.id === id);

describe('residue', async () => {
  it('linux-amd64 carries the symbol table and DWARF that readelf lists, with their sizes', async () => {
    const sizes = readelfSizes('linux-amd64');
    const findings = await findingsOf('linux-amd64');
    const symtab = byId(findings, 'residue.symtab');
    expect(symtab?.bytes).toBe(sizes.get('.symtab')! + sizes.get('.strtab')!);
    const debug = [...sizes].filter(([n]) => n.startsWith('.debug_'));
    const dwarf = byId(findings, 'residue.dwarf');
    expect(dwarf?.bytes).toBe(debug.reduce((sum, [, size]) => sum + size, 0));
    expect(dwarf?.evidence.map((e) => e.value).sort()).toEqual(debug.map(([n, size]) => `${n}: ${size} bytes`).sort());
    expect(symtab?.remediation).toContain('-s -w');
    expect(dwarf?.remediation).toContain('-w');
  });

  for (const name of ['linux-amd64-strip', 'linux-amd64-sw']) {
    it(`${name} has neither symbol table nor DWARF`, async () => {
      const findings = await findingsOf(name);
      expect(byId(findings, 'residue.symtab')).toBeUndefined();
      expect(byId(findings, 'residue.dwarf')).toBeUndefined();
    });
  }
});

describe('trimpath and build IDs', () => {
  it('-trimpath builds have no untrimmed paths and no build.no-trimpath; the others do', async () => {
    const trimmed = await findingsOf('linux-amd64-trimpath');
    expect(byId(trimmed, 'build.no-trimpath')).toBeUndefined();
    expect(byId(trimmed, 'residue.untrimmed-paths')).toBeUndefined();
    const plain = await findingsOf('linux-amd64');
    expect(byId(plain, 'build.no-trimpath')?.severity).toBe('low');
    const untrimmed = byId(plain, 'residue.untrimmed-paths');
    expect(untrimmed?.remediation).toContain('-trimpath');
    const files = new Set(
      truth('linux-amd64.funcs.tsv')
        .split('\n')
        .map((l) => l.split('\t')[3])
        .filter((f) => f?.startsWith('/')),
    );
    expect(untrimmed?.description).toContain(`${files.size} source files`);
  });

  it('the cgo build keeps the C compiler comment and the GNU build ID readelf shows', async () => {
    const findings = await findingsOf('linux-amd64-cgo');
    expect(byId(findings, 'residue.comment')?.bytes).toBe(readelfSizes('linux-amd64-cgo').get('.comment'));
    expect(byId(findings, 'residue.comment')?.evidence[0]?.value).toMatch(/^GCC: /);
    const gnuId = /Build ID: ([0-9a-f]+)/.exec(truth('linux-amd64-cgo.readelf-n.txt'))![1]!;
    const buildId = byId(findings, 'residue.build-id');
    expect(buildId?.severity).toBe('info');
    expect(buildId?.evidence.map((e) => e.value)).toContain(gnuId);
  });

  it('the Go build ID comes out as readelf -n prints it', async () => {
    const hexBytes = /GO BUILDID\s+description data: ([0-9a-f ]+)/.exec(truth('linux-amd64.readelf-n.txt'))![1]!;
    const goId = String.fromCharCode(
      ...hexBytes
        .trim()
        .split(' ')
        .map((b) => parseInt(b, 16)),
    );
    const values = byId(await findingsOf('linux-amd64'), 'residue.build-id')?.evidence.map((e) => e.value);
    expect(values?.some((v) => v.includes(goId))).toBe(true);
  });
});
