import { describe, expect, it } from 'vitest';
import { fixture, truth } from '../../test/fixtures';
import { analyze } from './analyze';
import { openInputs } from './workbench';

const goVersion = (name: string): string => /: (go\S+)/.exec(truth(`${name}.goversion.txt`))![1]!;

describe('openInputs parses each executable once and hands the parse to the analysis', () => {
  it('one binary: the report is the one a direct analysis makes, with the version go version -m prints', async () => {
    const bytes = fixture('linux-amd64');
    const outcome = await openInputs([{ name: 'linux-amd64', bytes }]);
    expect(outcome.kind).toBe('binary');
    if (outcome.kind !== 'binary') return;
    expect(outcome.analysis.report.go?.version).toBe(goVersion('linux-amd64'));
    const direct = await analyze(bytes, { fileName: 'linux-amd64' });
    expect(JSON.stringify(outcome.analysis.report)).toBe(JSON.stringify(direct.report));
  });

  it('two binaries of two formats: each analysis reads its own file', async () => {
    const outcome = await openInputs([
      { name: 'linux-amd64', bytes: fixture('linux-amd64') },
      { name: 'windows-amd64.exe', bytes: fixture('windows-amd64.exe') },
    ]);
    expect(outcome.kind).toBe('compare');
    if (outcome.kind !== 'compare') return;
    expect([outcome.a.report.format, outcome.b.report.format]).toEqual(['elf', 'pe']);
    expect(outcome.b.report.go?.version).toBe(goVersion('windows-amd64.exe'));
  });

  it('bytes no reader claims are still analysed as not an executable', async () => {
    const bytes = new TextEncoder().encode('just some text, not a binary and not an SBOM\n');
    const outcome = await openInputs([{ name: 'notes.txt', bytes }]);
    expect(outcome.kind).toBe('binary');
    if (outcome.kind === 'binary') expect(outcome.analysis.report.detection.isGo).toBe(false);
  });
});
