import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEAKY_BINARY, plainXValues, plantedSecrets } from '../../../test/secrets/planted';
import { analyze } from '../analyze';
import { compareReports } from '../compare/index';
import { generateCycloneDx, parseSbom, reconcile } from '../sbom/index';
import { redactOutcome, shownPartial } from './outcome';
import { Redactor } from './redactor';
import { maskUnits, secretsInText, settingSecrets } from './secrets';

const planted = plantedSecrets();
const leakyBytes = new Uint8Array(readFileSync(LEAKY_BINARY));
const leaky = await analyze(leakyBytes, { fileName: 'leaky-linux-amd64' });

function inClear(data: unknown): string[] {
  const text = JSON.stringify(data);
  // JSON escapes the PEM's newlines; each planted line is checked on its own anyway.
  return planted.filter((p) => text.includes(p.value)).map((p) => p.name);
}

describe('the redaction of what the window receives', () => {
  it('the analysis knows every planted secret, from its strings and its -X values', () => {
    const known = (leaky.secrets ?? []).join('\n');
    expect(planted.filter((p) => !known.includes(p.value)).map((p) => p.name)).toEqual([]);
  });

  it('a binary outcome holds no planted value in clear, and keeps each masked text for the host', () => {
    expect(inClear(leaky)).not.toEqual([]);
    const { outcome, clear } = redactOutcome({ kind: 'binary', analysis: leaky });
    expect(inClear(outcome)).toEqual([]);
    if (outcome.kind !== 'binary') throw new Error('kind changed');
    expect(outcome.analysis.secrets).toBeUndefined();
    const settings = leaky.report.go!.buildInfo!.settings;
    const index = settings.findIndex((s) => s.key === '-ldflags');
    const path = `report/go/buildInfo/settings/${index}/value`;
    expect(outcome.analysis.revealable).toContain(path);
    expect(clear.get(`analysis/${path}`)).toBe(settings[index]!.value);
    const token = planted.find((p) => p.name === 'gitlabToken')!.value;
    const stringIndex = leaky.strings.findIndex((s) => s.value === token);
    expect(clear.get(`analysis/strings/${stringIndex}/value`)).toBe(token);
    // Clear values kept apart: only the masked texts, not every string.
    expect(clear.size).toBe(outcome.analysis.revealable!.length);
    expect(clear.size).toBeLessThan(100);
  });

  it('a comparison masks the secrets of either side, in its settings and string lists', async () => {
    const otherBytes = new Uint8Array(readFileSync('test/fixtures/bin/linux-amd64'));
    const other = await analyze(otherBytes, { fileName: 'linux-amd64' });
    const comparison = await compareReports(other, leaky, null, null, otherBytes, leakyBytes);
    expect(inClear(comparison)).not.toEqual([]);
    const { outcome } = redactOutcome({ kind: 'compare', a: other, b: leaky, comparison });
    expect(inClear(outcome)).toEqual([]);
  });

  it('partial reports sent during the analysis mask the -X token already', () => {
    const { findings: _f, ...partial } = leaky.report;
    const shown = JSON.stringify(shownPartial(partial));
    expect(shown).not.toContain(planted.find((p) => p.name === 'apiToken')!.value);
    for (const plain of plainXValues()) expect(shown).toContain(plain);
  });
});

describe('an SBOM that carries the clear -X token in its properties', () => {
  const token = planted.find((p) => p.name === 'apiToken')!.value;
  const text = generateCycloneDx(leaky.report, 'json', { revealSecrets: true });
  const sbom = parseSbom(new TextEncoder().encode(text))!;
  const validation = { valid: true, errors: [] };

  it('is shown masked when opened alone', () => {
    expect(text).toContain(token);
    const document = { fileName: 'leaky.cdx.json', size: text.length, sbom, validation };
    const { outcome } = redactOutcome({ kind: 'sbom', document });
    expect(JSON.stringify(outcome)).not.toContain(token);
    expect(JSON.stringify(outcome)).toContain('spring-fixture');
  });

  it('is shown masked next to its binary', () => {
    const document = { fileName: 'leaky.cdx.json', size: text.length, sbom, validation };
    const reconciliation = reconcile(leaky.report, sbom);
    const { outcome } = redactOutcome({ kind: 'reconcile', analysis: leaky, document, reconciliation });
    expect(inClear(outcome)).toEqual([]);
  });
});

describe('secret-looking build settings', () => {
  it('finds the -X token and nothing else in the leaky build settings', () => {
    const token = planted.find((p) => p.name === 'apiToken')!.value;
    expect(settingSecrets(leaky.report.go!.buildInfo!.settings)).toEqual([token]);
  });

  it('finds secrets in any setting by their shape, quoted or not', () => {
    const token = 'glpat-' + 'Z'.repeat(8) + 'q'.repeat(8) + '12345678';
    expect(settingSecrets([{ key: 'CGO_LDFLAGS', value: `"-L/x -Wl,--token ${token}"` }])).toEqual([token]);
    expect(settingSecrets([{ key: 'vcs.revision', value: '925d9cb6b5cd2574d6509faddddf22c46ae6faeb' }])).toEqual([]);
  });
});

describe('short secrets', () => {
  it('are masked at their place only: a three-letter URL password, not every "abc" of the file', () => {
    const units = secretsInText('postgres://svc:abc@db.example.corp/orders');
    expect(units).toEqual([':abc@']);
    const redactor = Redactor.of(maskUnits(units));
    expect(redactor.text('dial postgres://svc:abc@db.example.corp/orders')).toBe(
      'dial postgres://svc:…@db.example.corp/orders',
    );
    expect(redactor.text('package abc')).toBe('package abc');
  });
});
