import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../../test/fixtures';
import { FormatError } from '../io/errors';
import { parseSbom } from './index';
import { sbomFormatError } from './test-support';

/** Damage to the SPDX tag-value and SPDX 3 JSON-LD readers: a FormatError at the right place, never a crash. */
const sbomText = (name: string) => readFileSync(join(fixturesDir, 'sbom', name), 'utf8');
const bytes = (text: string) => new TextEncoder().encode(text);

/** parseSbom on a damaged document: an SBOM, null or a FormatError; anything else fails the test. */
function outcome(input: Uint8Array): 'sbom' | 'none' | 'format-error' {
  try {
    return parseSbom(input) ? 'sbom' : 'none';
  } catch (error) {
    if (error instanceof FormatError) return 'format-error';
    throw error;
  }
}

const TAG = sbomText('hello.spdx-2.3.spdx');
const LD = sbomText('hello.spdx-3.0.json');

describe('SPDX tag-value damage', () => {
  it('a line that is not "Tag: value" fails at that line, as a byte offset', () => {
    const damaged = TAG.replace('FilesAnalyzed: false', 'Ünicode here, no tag');
    const error = sbomFormatError(bytes(damaged));
    expect(error.message).toMatch(/not an SPDX "Tag: value" line: "Ünicode here, no tag"/);
    // The offset counts bytes: the "Ü" before it in the text would make a character index differ by one.
    const prefix = damaged.slice(0, damaged.indexOf('Ünicode'));
    expect(error.offset).toBe(Buffer.byteLength(prefix, 'utf8'));
  });

  it('an unclosed <text> fails where it opens', () => {
    // The last <text> in the document: an earlier one would run on to the next one's </text>, as the format says.
    const damaged = TAG.replace('directory ../greeting</text>', 'directory ../greeting');
    const error = sbomFormatError(bytes(damaged));
    expect(error.message).toMatch(/<text> value is never closed/);
    expect(damaged.slice(error.offset).startsWith('PackageSourceInfo: <text>')).toBe(true);
  });

  it('a Relationship without three parts fails', () => {
    const error = sbomFormatError(bytes(TAG.replace('SPDXRef-DOCUMENT DESCRIBES SPDXRef-Package-hello', 'DESCRIBES')));
    expect(error.message).toMatch(/a Relationship needs an element, a type and an element: "DESCRIBES"/);
  });

  it('an SPDX version this reader does not know fails by name', () => {
    expect(sbomFormatError(bytes(TAG.replace('SPDX-2.3', 'SPDX-9.9'))).message).toMatch(/unsupported SPDX version/);
  });

  it('a package section without its SPDXID fails by path', () => {
    const error = sbomFormatError(bytes(TAG.replace('PackageName: stdlib', 'PackageName: stdlib\nPackageName: other')));
    expect(error.message).toBe('$.packages[2].SPDXID is missing (must be a string)');
  });

  it('text that merely starts with S or # is not an SBOM', () => {
    expect(parseSbom(bytes('Some notes\nwith lines'))).toBeNull();
    expect(parseSbom(bytes('#!/bin/sh\necho hi\n'))).toBeNull();
    expect(parseSbom(new Uint8Array([0x53, 0xff, 0xfe, 0x00, 0x80]))).toBeNull();
  });

  it('survives truncation at every 1/64 of the document', () => {
    const input = bytes(TAG);
    for (let i = 0; i <= 64; i++) outcome(input.slice(0, Math.floor((input.length * i) / 64)));
  });
});

describe('SPDX 3 JSON-LD damage', () => {
  const graph = () => JSON.parse(LD) as { '@graph': Record<string, unknown>[] };
  const withGraph = (change: (doc: ReturnType<typeof graph>) => void) => {
    const doc = graph();
    change(doc);
    return bytes(JSON.stringify(doc));
  };

  it.each<[string, (doc: ReturnType<typeof graph>) => void, RegExp]>([
    [
      '@graph as an object',
      (doc) => void ((doc as Record<string, unknown>)['@graph'] = {}),
      /\$\.@graph must be an array/,
    ],
    [
      'an element that is a string',
      (doc) => void (doc['@graph'][3] = 'x' as never),
      /\$\.@graph\[3\] must be an object/,
    ],
    ['an element without a type', (doc) => void delete doc['@graph'][6]!.type, /\$\.@graph\[6\]\.type/],
    [
      'a package name that is a number',
      (doc) => void (doc['@graph'][7]!.name = 7),
      /\$\.@graph\[7\]\.name must be a string/,
    ],
    ['relationship "to" that is a number', (doc) => void (doc['@graph'][13]!.to = 5), /\.to must be an array/],
    [
      'a hash without its value',
      (doc) => void (doc['@graph'][7]!.verifiedUsing = [{ type: 'Hash', algorithm: 'sha256' }]),
      /hashValue/,
    ],
  ])('%s', (_name, change, message) => {
    expect(sbomFormatError(withGraph(change)).message).toMatch(message);
  });

  it('a JSON document with another @context is not SPDX 3', () => {
    expect(
      parseSbom(bytes(LD.replace('https://spdx.org/rdf/3.0.1/spdx-context.jsonld', 'https://schema.org/'))),
    ).toBeNull();
  });

  it('survives truncation at every 1/64 of the document', () => {
    const input = bytes(LD);
    for (let i = 0; i < 64; i++) expect(outcome(input.slice(0, Math.floor((input.length * i) / 64)))).not.toBe('sbom');
  });
});
