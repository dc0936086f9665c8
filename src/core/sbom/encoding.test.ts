import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, fixturesDir } from '../../../test/fixtures';
import { InputProblem, openInputs } from '../workbench';
import { parseSbom, validateSbom } from './index';
import { sbomFormatError } from './test-support';

const sbomText = (name: string) => readFileSync(join(fixturesDir, 'sbom', name), 'utf8');

/** The text as a file in an encoding, byte-order mark first, built with Node's own encoders. */
function encoded(text: string, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): Uint8Array {
  const withMark = '\ufeff' + text;
  if (encoding === 'utf-8') return new Uint8Array(Buffer.from(withMark, 'utf8'));
  const le = Buffer.from(withMark, 'utf16le');
  return new Uint8Array(encoding === 'utf-16le' ? le : le.swap16());
}

const json = sbomText('hello.cdx-1.6.json');
const xml = sbomText('hello.cdx-1.6.xml');

describe('an SBOM with a byte-order mark is decoded', () => {
  it.each(['utf-8', 'utf-16le', 'utf-16be'] as const)('CycloneDX JSON in %s', async (encoding) => {
    const bytes = encoded(json, encoding);
    expect([...bytes.subarray(0, 2)]).toEqual(
      encoding === 'utf-16be' ? [0xfe, 0xff] : encoding === 'utf-16le' ? [0xff, 0xfe] : [0xef, 0xbb],
    );
    const sbom = parseSbom(bytes)!;
    // The fixture names these (test/fixtures/sbom/hello.cdx-1.6.json).
    expect(sbom.format).toBe('cyclonedx-json');
    expect(sbom.metadata.name).toBe('example.com/hello');
    expect(sbom.components.map((c) => c.name)).toContain('example.com/greeting');
    expect(sbom).toEqual(parseSbom(new TextEncoder().encode(json)));
    expect(await validateSbom(bytes, sbom)).toEqual({ valid: true, errors: [] });
  });

  it.each(['utf-8', 'utf-16le', 'utf-16be'] as const)('CycloneDX XML in %s, declared as such', async (encoding) => {
    const declared = encoding === 'utf-8' ? xml : xml.replace('encoding="UTF-8"', 'encoding="UTF-16"');
    expect(declared).toMatch(encoding === 'utf-8' ? /encoding="UTF-8"/ : /encoding="UTF-16"/);
    const bytes = encoded(declared, encoding);
    const sbom = parseSbom(bytes)!;
    expect(sbom.format).toBe('cyclonedx-xml');
    expect(sbom).toEqual(parseSbom(new TextEncoder().encode(xml)));
    expect(await validateSbom(bytes, sbom)).toEqual({ valid: true, errors: [] });
  });
});

describe('a UTF-16 document that is not sound is refused clearly', () => {
  it('half a character at the end', () => {
    const bytes = encoded(json, 'utf-16le');
    const error = sbomFormatError(bytes.subarray(0, bytes.length - 1));
    expect(error.message).toMatch(/not valid UTF-16LE/);
  });

  it('a lone surrogate', () => {
    const error = sbomFormatError(encoded('{"bomFormat": "\ud800"}', 'utf-16be'));
    expect(error.message).toBe('the document is not valid UTF-16BE');
  });

  it('a JSON syntax error points at its byte in the file', () => {
    // "{" then a comma where a key must be: the error is at character 1, bytes 2 (mark) + 2 × 1.
    const error = sbomFormatError(encoded('{,"bomFormat": "CycloneDX"}', 'utf-16le'));
    expect(error.message).toMatch(/malformed JSON.*UTF-16LE document/);
    expect(error.offset).toBe(4);
  });

  it('UTF-16 text that is neither JSON nor XML is not an SBOM', () => {
    expect(parseSbom(encoded('just some notes', 'utf-16le'))).toBeNull();
  });
});

describe('the workbench never takes a UTF-16 SBOM for an executable', () => {
  const binary = { name: 'linux-amd64', bytes: fixture('linux-amd64') };
  const utf16 = (name: string, encoding: 'utf-16le' | 'utf-16be') => ({ name, bytes: encoded(json, encoding) });

  it('one UTF-16 SBOM opens as an SBOM', async () => {
    const outcome = await openInputs([utf16('bom.json', 'utf-16le')]);
    expect(outcome.kind).toBe('sbom');
  });

  it('a binary and a UTF-16BE SBOM are reconciled, not compared', async () => {
    const outcome = await openInputs([utf16('bom.json', 'utf-16be'), binary]);
    expect(outcome.kind).toBe('reconcile');
  });

  it('two UTF-16 SBOMs are refused as two SBOMs', async () => {
    const both = openInputs([utf16('a.json', 'utf-16le'), utf16('b.json', 'utf-16be')]);
    await expect(both).rejects.toBeInstanceOf(InputProblem);
    await expect(both).rejects.toMatchObject({ code: 'TWO_SBOMS' });
  });

  it('a broken UTF-16 SBOM is refused as a broken SBOM', async () => {
    const bytes = encoded(json, 'utf-16le');
    const broken = openInputs([{ name: 'bom.json', bytes: bytes.subarray(0, 101) }, binary]);
    await expect(broken).rejects.toMatchObject({ code: 'BAD_SBOM' });
  });
});
