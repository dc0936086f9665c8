import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, fixturesDir } from '../../../test/fixtures';
import { looksLikeSignatureName, looksLikeSignatureValue } from './rules/embedded-signature';
import { analyzeFixture } from './testing/fixture-report';

const ID = 'build.embedded-signature';

/** The fake value build-signed.sh passes with -X, read from the build info `go version -m` printed. */
function stampedValue(): string {
  const text = readFileSync(join(fixturesDir, 'truth', 'signed-linux-amd64-x.goversion.txt'), 'utf8');
  return /-X main\.Signature=([0-9a-f]+)/.exec(text)![1]!;
}

describe('build.embedded-signature', () => {
  it('a signature passed with -ldflags -X is explained, from the build info and the variable', async () => {
    const { findings } = await analyzeFixture('signed-linux-amd64-x', fixture('signed-linux-amd64-x'));
    const finding = findings.find((f) => f.id === ID);
    expect(finding).toBeDefined();
    expect(finding!.remediation).toMatch(/--signature SIG --key KEY/);
    expect(finding!.remediation).toMatch(/--slot NAME/);
    expect(finding!.evidence.map((e) => e.context)).toEqual(['build setting -ldflags', 'string variable']);
    const value = stampedValue();
    expect(value).toHaveLength(128);
    // Shown masked, never whole.
    for (const e of finding!.evidence) expect(e.value).not.toContain(value);
  });

  it('a zeroed slot (the sound variant before signing) and a plain program give no finding', async () => {
    for (const name of ['signed-linux-amd64', 'linux-amd64']) {
      const { findings } = await analyzeFixture(name, fixture(name));
      expect(findings.map((f) => f.id)).not.toContain(ID);
    }
  });

  it('names and values', () => {
    for (const name of ['main.Signature', 'main.ReleaseSig', 'x.SigHex', 'main.sig', 'main.releaseSignature'])
      expect(looksLikeSignatureName(name), name).toBe(true);
    for (const name of ['main.Signal', 'main.Design', 'main.Version', 'main.sight'])
      expect(looksLikeSignatureName(name), name).toBe(false);
    expect(looksLikeSignatureValue('ab'.repeat(32))).toBe(true);
    expect(looksLikeSignatureValue('RWQ' + 'A'.repeat(61))).toBe(true);
    expect(looksLikeSignatureValue('v1.2.3')).toBe(false);
    expect(looksLikeSignatureValue('ab'.repeat(20))).toBe(false);
  });
});
