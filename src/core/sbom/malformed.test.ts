import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../../test/fixtures';
import { FormatError } from '../io/errors';
import { parseSbom } from './index';
import { MAX_SBOM_BYTES, MAX_SBOM_NESTING } from './limits';

const sbomFile = (name: string) => new Uint8Array(readFileSync(join(fixturesDir, 'sbom', name)));
const bytes = (text: string) => new TextEncoder().encode(text);

/** Runs parseSbom expecting a FormatError; returns it with the time taken. */
function formatError(input: Uint8Array): { error: FormatError; ms: number } {
  const start = performance.now();
  try {
    parseSbom(input);
  } catch (error) {
    const ms = performance.now() - start;
    if (error instanceof FormatError) return { error, ms };
    throw error;
  }
  throw new Error('parseSbom accepted a malformed document');
}

describe('malformed fixtures give a FormatError, fast', () => {
  it.each([
    ['malformed-truncated.cdx.json', /malformed JSON/],
    ['malformed-components-object.cdx.json', /^\$\.components must be an array, not an object$/],
    ['malformed-name-number.cdx.json', /^\$\.components\[1\]\.name must be a string, not a number$/],
    ['malformed-unknown-version.cdx.json', /unsupported CycloneDX specVersion "9\.9"/],
    ['malformed-wrong-types.spdx.json', /^\$\.packages\[1\]\.externalRefs must be an array, not a string$/],
    ['malformed-unclosed.cdx.xml', /malformed XML at line 6/],
    ['malformed-xxe.cdx.xml', /^XML entity declarations are not allowed$/],
    ['malformed-billion-laughs.cdx.xml', /^XML entity declarations are not allowed$/],
  ])('%s', (name, message) => {
    const { error, ms } = formatError(sbomFile(name));
    expect(error.message).toMatch(message);
    expect(ms).toBeLessThan(100);
  });

  it('points at the DOCTYPE and never reads the entity', () => {
    const input = sbomFile('malformed-xxe.cdx.xml');
    const { error } = formatError(input);
    expect(new TextDecoder().decode(input.subarray(error.offset, error.offset + 9))).toBe('<!DOCTYPE');
    expect(error.message).not.toMatch(/root:/);
  });

  it('gives the byte offset (not the character index) of a JSON syntax error', () => {
    const text = '{"bomFormat": "CycloneDX", "x": "été", "specVersion": "1.6",, }';
    const { error } = formatError(bytes(text));
    expect(error.offset).toBe(Buffer.byteLength(text.slice(0, text.indexOf(',,') + 1)));
  });
});

const cdx = (extra: Record<string, unknown>) =>
  bytes(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', ...extra }));

describe('wrong-typed and unsupported documents', () => {
  it.each([
    ['specVersion as a number', cdx({ specVersion: 1.6 }), /^\$\.specVersion must be a string/],
    [
      'hashes not an array',
      cdx({ components: [{ name: 'a', hashes: 'x' }] }),
      /\$\.components\[0\]\.hashes must be an array/,
    ],
    [
      'a hash without content',
      cdx({ components: [{ name: 'a', hashes: [{ alg: 'SHA-256' }] }] }),
      /content is missing/,
    ],
    [
      'dependsOn with a number',
      cdx({ dependencies: [{ ref: 'a', dependsOn: [1] }] }),
      /\$\.dependencies\[0\]\.dependsOn\[0\] must be a string/,
    ],
    ['metadata as a string', cdx({ metadata: 'x' }), /^\$\.metadata must be an object/],
    ['tools as a string', cdx({ metadata: { tools: 'x' } }), /^\$\.metadata\.tools must be an object/],
    ['unknown SPDX version', bytes('{"spdxVersion": "SPDX-9.9"}'), /unsupported SPDX version "SPDX-9\.9"/],
    ['XML of an unknown CycloneDX version', bytes('<bom xmlns="http://cyclonedx.org/schema/bom/9.9"/>'), /"9\.9"/],
    ['a bare DOCTYPE', bytes('<!DOCTYPE bom SYSTEM "http://example.com/x.dtd"><bom/>'), /document type declarations/],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), /not valid UTF-8/],
    [
      'XML without a name',
      bytes('<bom xmlns="http://cyclonedx.org/schema/bom/1.6"><components><component/></components></bom>'),
      /name is missing/,
    ],
  ])('%s', (_label, input, message) => {
    expect(formatError(input).error.message).toMatch(message);
  });
});

describe('hostile documents', () => {
  it('refuses components nested deeper than the limit', () => {
    let component: Record<string, unknown> = { type: 'library', name: 'leaf' };
    for (let i = 0; i < MAX_SBOM_NESTING + 5; i++)
      component = { type: 'library', name: `n${i}`, components: [component] };
    expect(formatError(cdx({ components: [component] })).error.message).toMatch(/deeper than/);
  });

  it('refuses XML nested deeper than the parser limit without overflowing the stack', () => {
    const depth = 10_000;
    const xml = `<bom xmlns="http://cyclonedx.org/schema/bom/1.6">${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</bom>`;
    expect(formatError(bytes(xml)).error).toBeInstanceOf(FormatError);
  });

  it('refuses a document over the size limit before reading it', () => {
    const { error, ms } = formatError(new Uint8Array(MAX_SBOM_BYTES + 1));
    expect(error.message).toMatch(/more than the limit/);
    expect(ms).toBeLessThan(50);
  });
});
