import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binDir, fixture, truth } from '../../../test/fixtures';
import { parseExecutable } from '../formats/detect';
import { CODE_HEAD_BYTES, extractStrings } from './index';

interface PrintedRun {
  offset: number;
  length: number;
  text: string;
}

/** What GNU strings prints for a fixture: decimal offset and text of every run of 6 or more characters. */
function printedRuns(name: string): PrintedRun[] {
  return execFileSync('/usr/bin/strings', ['-a', '-n', '6', '-t', 'd', join(binDir, name)], {
    encoding: 'latin1',
    maxBuffer: 1 << 26,
  })
    .split('\n')
    .map((line) => /^\s*(\d+) (.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ offset: Number(m[1]), length: m[2]!.length, text: m[2]! }));
}

/** The file range of `.text` as Go's debug/* reads the fixture. */
function textRange(name: string): { start: number; end: number } {
  const sections = (
    JSON.parse(truth(`${name}.dump.json`)) as { sections: { name: string; offset: number; size: number }[] }
  ).sections;
  const text = sections.find((s) => s.name === '.text')!;
  return { start: text.offset, end: text.offset + text.size };
}

function stringsOf(name: string, allStrings: boolean) {
  const file = fixture(name);
  const exe = parseExecutable(file)!.exes[0]!;
  return extractStrings(exe, file, { allStrings });
}

describe.skipIf(!existsSync('/usr/bin/strings'))('printable runs inside machine code', () => {
  const { start, end } = textRange('linux-amd64');
  const inCode = printedRuns('linux-amd64').filter((r) => r.offset >= start + CODE_HEAD_BYTES && r.offset < end);

  it('are left out by default, past the head of the code section', () => {
    // GNU strings finds chance text in the instructions: the check below has something to miss.
    expect(inCode.length).toBeGreaterThan(20);
    const listed = stringsOf('linux-amd64', false).filter((s) => s.offset >= start + CODE_HEAD_BYTES && s.offset < end);
    expect(listed).toEqual([]);
  });

  it('are all listed with allStrings, as GNU strings prints them', () => {
    const file = fixture('linux-amd64');
    const covered = new Uint8Array(file.length);
    for (const s of stringsOf('linux-amd64', true)) covered.fill(1, s.offset, s.offset + s.length);
    for (const run of inCode) {
      expect(
        covered.subarray(run.offset, run.offset + run.length).every((b) => b === 1),
        `${run.offset}`,
      ).toBe(true);
    }
  });

  it.each(['windows-amd64.exe', 'darwin-amd64'])(
    '%s: the Go build ID at the start of the code is still listed',
    (name) => {
      const printed = printedRuns(name).find((r) => r.text.includes('Go build ID: "'));
      expect(printed).toBeDefined();
      const at = printed!.offset + printed!.text.indexOf('Go build ID: "');
      const found = stringsOf(name, false).find((s) => s.offset <= at && at < s.offset + s.length);
      expect(found?.value).toContain('Go build ID: "');
    },
  );
});
