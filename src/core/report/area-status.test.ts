import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, truth } from '../../../test/fixtures';
import { analyze } from '../analyze';
import { findingsStatus, groupStatus } from './area-status';
import { glanceTable } from './html/glance';
import { cellText } from './html/model';
import type { Report } from './types';

// Truth: readelf as captured when the fixtures were built. linux-amd64 is a static ET_EXEC without PT_GNU_RELRO;
// truth-cgouser-linux-amd64 is an ET_EXEC without PT_GNU_RELRO too, but dynamic (readelf -d lists NEEDED libc),
// which makes its missing RELRO the more serious finding. The app's hardening cards show the same facts for both
// (the first three checks), so they must get one status, each naming what set it.
const reports = new Map<string, Report>();

beforeAll(async () => {
  for (const name of ['linux-amd64', 'truth-cgouser-linux-amd64'])
    reports.set(name, (await analyze(fixture(name), { fileName: name })).report);
  const png = new Uint8Array(readFileSync('resources/icon.png'));
  reports.set('icon.png', (await analyze(png, { fileName: 'icon.png' })).report);
}, 60_000);

const report = (name: string): Report => reports.get(name)!;
const rows = (name: string) => glanceTable(report(name)).rows;
const shownChecks = (name: string): string[] =>
  report(name)
    .verdicts.filter((v) => v.group === 'hardening')
    .slice(0, 3)
    .map((v) => `${v.label}: ${v.value}`);

describe('the status of an area, and what set it', () => {
  it('two binaries with the same hardening facts get the same status, each naming what set it', () => {
    expect(truth('linux-amd64.readelf-l.txt')).not.toContain('GNU_RELRO');
    expect(truth('truth-cgouser-linux-amd64.readelf-d.txt')).toContain('(NEEDED)');
    expect(shownChecks('linux-amd64')).toEqual(shownChecks('truth-cgouser-linux-amd64'));
    const plain = groupStatus(report('linux-amd64'), 'hardening');
    const dynamic = groupStatus(report('truth-cgouser-linux-amd64'), 'hardening');
    expect([plain.status, dynamic.status]).toEqual(['warn', 'warn']);
    expect(plain.because).toBe('PIE: no');
    expect(dynamic.because).toMatch(/\(medium\)$/);
  });

  it('names the worst finding for the findings area', () => {
    expect(findingsStatus(report('linux-amd64')).because).toMatch(/\((critical|high|medium|low|info)\)$/);
  });

  it('is n/a, never a pass, for a file that is not an executable', () => {
    expect(findingsStatus(report('icon.png')).status).toBe('n/a');
    const rows = glanceTable(report('icon.png')).rows;
    for (const area of ['Findings', 'Residue', 'Packing'])
      expect(cellText(rows.find((r) => r[0] === area)![1]!)).toBe('– n/a');
  });

  it("the PDF's table of areas prints the status the rule gives, with what set it", () => {
    for (const name of reports.keys()) {
      const rows = glanceTable(report(name)).rows;
      const findings = findingsStatus(report(name));
      const row = rows.find((r) => r[0] === 'Findings')!;
      expect(cellText(row[1]!).endsWith(findings.status)).toBe(true);
      if (findings.because) expect(cellText(row[2]!)).toContain(`set by ${findings.because}`);
    }
    const hardening = rows('linux-amd64').find((r) => r[0] === 'Hardening')!;
    expect(cellText(hardening[1]!)).toBe('! warn');
  });
});
