import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, fixturesDir } from '../../../test/fixtures';
import { analyze } from '../analyze';
import { generateCycloneDx, parseSbom, reconcile, validateSbom } from './index';
import type { Sbom } from './types';

/** The SBOM module fed by the real analysis of the committed fixture binaries, not by hand-built reports. */
const sbomFile = (name: string) => parseSbom(new Uint8Array(readFileSync(join(fixturesDir, 'sbom', name)))) as Sbom;
const bytes = (text: string) => new TextEncoder().encode(text);

describe.each(['linux-amd64', 'linux-amd64-strip', 'windows-amd64.exe', 'darwin-arm64'])('analyze(%s)', (name) => {
  it('reconciles clean with the hand-written SBOMs, and flags the planted replacement', async () => {
    const { report } = await analyze(fixture(name), { fileName: name });
    for (const document of ['hello.cdx-1.6.json', 'hello.cdx-1.6.xml', 'hello.spdx-2.3.json']) {
      // CycloneDX names the main module only in metadata.component: a warning, never an error.
      const kinds = reconcile(report, sbomFile(document)).items.map((item) => `${item.severity} ${item.kind}`);
      expect(kinds).toEqual(document.includes('spdx') ? [] : ['warning main-only-in-metadata']);
    }
    const planted = reconcile(report, sbomFile('discrepancy-replacement.cdx.json'));
    expect(planted.items.filter((item) => item.severity === 'error').map((item) => item.kind)).toEqual([
      'replacement-not-reflected',
    ]);
  });

  it('generates a CycloneDX 1.6 SBOM that validates and reconciles clean', async () => {
    const { report } = await analyze(fixture(name), { fileName: name });
    const text = generateCycloneDx(report, 'json', { timestamp: '2024-05-01T12:00:00Z' });
    const sbom = parseSbom(bytes(text)) as Sbom;
    expect(await validateSbom(bytes(text), sbom)).toEqual({ valid: true, errors: [] });
    expect(sbom.components.map((component) => component.purl).sort()).toEqual([
      'pkg:golang/example.com/greeting',
      'pkg:golang/stdlib@1.19.8',
    ]);
    expect(sbom.metadata.component?.properties).toContainEqual({
      name: 'gobinscope:file:sha256',
      value: report.file.sha256,
    });
    expect(reconcile(report, sbom).verdict).toBe('match');
  });
});
