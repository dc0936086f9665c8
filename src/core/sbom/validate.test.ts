import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../../test/fixtures';
import { parseSbom, validateSbom } from './index';
import { CORRECT_SBOMS } from './test-support';
import type { Sbom } from './types';
import { canonicalJson, pointerToPath, validateCycloneDxJson } from './validate-json';

const sbomText = (name: string) => readFileSync(join(fixturesDir, 'sbom', name), 'utf8');
const bytes = (text: string) => new TextEncoder().encode(text);

async function validateText(text: string) {
  const sbom = parseSbom(bytes(text)) as Sbom;
  return validateSbom(bytes(text), sbom);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into arbitrary fixture JSON
function mutated(name: string, change: (doc: Record<string, any>) => void): string {
  const doc = JSON.parse(sbomText(name));
  change(doc);
  return JSON.stringify(doc);
}

describe('validateSbom accepts the correct fixtures', () => {
  it.each(CORRECT_SBOMS)('%s', async (name) => {
    expect(await validateText(sbomText(name))).toEqual({ valid: true, errors: [] });
  });
});

describe('validateSbom reports schema violations with a path', () => {
  it('an unknown hash algorithm (JSON)', async () => {
    const text = mutated('hello.cdx-1.6.json', (doc) => {
      doc.components[0].hashes = [{ alg: 'SHA-999', content: 'ab' }];
    });
    const result = await validateText(text);
    expect(result.valid).toBe(false);
    expect(result.errors.some((error) => error.path.startsWith('$.components[0].hashes[0]'))).toBe(true);
  });

  it('duplicate components (JSON uniqueItems, checked linearly)', async () => {
    const text = mutated('hello.cdx-1.6.json', (doc) => {
      // Same object with its keys in another order: still a duplicate, as ajv's deep equality sees it.
      doc.components.push(Object.fromEntries(Object.entries(doc.components[1]).reverse()));
    });
    const result = await validateText(text);
    expect(result).toEqual({
      valid: false,
      errors: [
        // The copy repeats the bom-ref too, which the spec forbids on its own; that error comes first.
        { path: '$.components[2].bom-ref', message: expect.stringContaining('(first at $.components[1].bom-ref)') },
        { path: '$.components', message: 'must NOT have duplicate items (items ## 1 and 2 are identical)' },
      ],
    });
  });

  it('an unexpected element (XML, with its line)', async () => {
    const text = sbomText('hello.cdx-1.6.xml').replace('<name>stdlib</name>', '<name>stdlib</name><bogus/>');
    const result = await validateText(text);
    expect(result.valid).toBe(false);
    expect(result.errors[0]?.path).toMatch(/^line \d+$/);
    expect(result.errors[0]?.message).toMatch(/bogus.*not expected/);
  });
});

describe('validateSbom reports XML and SPDX problems', () => {
  it('a DOCTYPE handed straight to validation (XML)', async () => {
    const sbom = parseSbom(bytes(sbomText('hello.cdx-1.6.xml'))) as Sbom;
    const result = await validateSbom(bytes(sbomText('malformed-xxe.cdx.xml')), sbom);
    expect(result.valid).toBe(false);
    expect(result.errors[0]?.message).toBe('XML entity declarations are not allowed');
  });

  it('missing and malformed SPDX fields', async () => {
    const text = mutated('hello.spdx-2.3.json', (doc) => {
      delete doc.documentNamespace;
      doc.packages[1].SPDXID = 'greeting';
      delete doc.packages[2].downloadLocation;
      doc.relationships[1].relatedSpdxElement = 'SPDXRef-nowhere';
    });
    const result = await validateText(text);
    expect(result.valid).toBe(false);
    // The specification's rules the official schema cannot state come first, then the schema's own errors.
    expect(result.errors.map((error) => error.path)).toEqual([
      '$.packages[1].SPDXID',
      '$.relationships[1].relatedSpdxElement',
      '$',
      '$.packages[2]',
    ]);
  });

  it('JSON that does not parse', async () => {
    const sbom = parseSbom(bytes(sbomText('hello.cdx-1.6.json'))) as Sbom;
    const result = await validateSbom(bytes('{"bomFormat":'), sbom);
    expect(result.valid).toBe(false);
  });
});

/**
 * The fast validator must agree with the CycloneDX library's own (quadratic) JsonValidator: same schema, same
 * verdict, on every document here, valid or not. This compares the schema check alone: validateSbom adds the
 * spec's rules no schema expresses (unique bom-refs, finite numbers), so it rejects some documents the library takes.
 */
describe('agrees with @cyclonedx/cyclonedx-library JsonValidator', () => {
  const cases: [string, string][] = [
    ['1.4 fixture', sbomText('hello.cdx-1.4.json')],
    ['1.5 fixture', sbomText('hello.cdx-1.5.json')],
    ['1.6 fixture', sbomText('hello.cdx-1.6.json')],
    ['duplicate', mutated('hello.cdx-1.6.json', (doc) => doc.components.push(doc.components[0]))],
    [
      'near-duplicate',
      mutated('hello.cdx-1.6.json', (doc) => doc.components.push({ ...doc.components[0], version: 'x' })),
    ],
    [
      'duplicate hashes',
      mutated('hello.cdx-1.5.json', (doc) => {
        doc.components[1].hashes = [
          { alg: 'MD5', content: 'ab'.repeat(16) },
          { content: 'ab'.repeat(16), alg: 'MD5' },
        ];
      }),
    ],
    ['bad license id', mutated('hello.cdx-1.6.json', (doc) => (doc.components[0].licenses[0].license.id = 'Nope-1.0'))],
    ['bad serial', mutated('hello.cdx-1.4.json', (doc) => (doc.serialNumber = 'urn:uuid:nope'))],
    ['extra property', mutated('hello.cdx-1.6.json', (doc) => (doc.metadata.extra = true))],
    ['bad timestamp', mutated('hello.cdx-1.5.json', (doc) => (doc.metadata.timestamp = 'yesterday'))],
  ];
  it.each(cases)('%s', async (_label, text) => {
    const specVersion = JSON.parse(text).specVersion as Spec.Version;
    const library = await new Validation.JsonValidator(specVersion).validate(text);
    const ours = await validateCycloneDxJson(JSON.parse(text), specVersion);
    expect(ours.valid).toBe(library === null);
  });
});

describe('helpers', () => {
  it('canonical JSON ignores key order, not array order', () => {
    expect(canonicalJson({ b: 1, a: [1, { y: 2, x: 1 }] })).toBe(canonicalJson({ a: [1, { x: 1, y: 2 }], b: 1 }));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('JSON pointers become JSON paths', () => {
    expect(pointerToPath('/components/3/bom-ref')).toBe('$.components[3].bom-ref');
    expect(pointerToPath('/a~1b/x y')).toBe('$["a/b"]["x y"]');
    expect(pointerToPath('')).toBe('$');
  });
});
