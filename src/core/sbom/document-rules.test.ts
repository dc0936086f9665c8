import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../../test/fixtures';
import { documentRuleErrors, MAX_RULE_ERRORS } from './document-rules';
import { parseSbom, validateSbom } from './index';
import type { Sbom } from './types';

const sbomText = (name: string) => readFileSync(join(fixturesDir, 'sbom', name), 'utf8');
const bytes = (text: string) => new TextEncoder().encode(text);

async function validateText(text: string) {
  const sbom = parseSbom(bytes(text)) as Sbom;
  return validateSbom(bytes(text), sbom);
}

const json = sbomText('hello.cdx-1.6.json');
const xml = sbomText('hello.cdx-1.6.xml');
// The first two components' bom-refs as the fixture writes them.
const GREETING = 'pkg:golang/example.com/greeting';
const HELLO = 'pkg:golang/example.com/hello';

describe('duplicate bom-refs make a CycloneDX document invalid (the spec: every bom-ref must be unique)', () => {
  it('two top-level components (JSON)', async () => {
    const doc = JSON.parse(json);
    doc.components[1]['bom-ref'] = GREETING;
    const result = await validateText(JSON.stringify(doc));
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toEqual({
      path: '$.components[1].bom-ref',
      message: `duplicate bom-ref "${GREETING}" (first at $.components[0].bom-ref): every bom-ref must be unique`,
    });
  });

  it('a component that repeats the bom-ref of metadata.component, nested one level down (JSON)', async () => {
    const doc = JSON.parse(json);
    doc.components[0].components = [{ type: 'library', name: 'inner', 'bom-ref': HELLO }];
    const result = await validateText(JSON.stringify(doc));
    expect(result.valid).toBe(false);
    expect(result.errors[0]?.path).toBe('$.components[0].components[0].bom-ref');
    expect(result.errors[0]?.message).toContain('first at $.metadata.component.bom-ref');
  });

  it('in CycloneDX XML, through the XSD identity constraint', async () => {
    const text = xml.replace(`bom-ref="${GREETING}"`, `bom-ref="${HELLO}"`);
    expect(text).not.toBe(xml);
    const result = await validateText(text);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.message).join('\n')).toMatch(/Duplicate key-sequence .*bom-ref/);
  });

  it('the same string elsewhere (a dependency ref) is not a duplicate bom-ref', () => {
    const doc = { components: [{ 'bom-ref': 'a' }], dependencies: [{ ref: 'a', dependsOn: ['a'] }] };
    expect(documentRuleErrors(doc, true)).toEqual([]);
  });

  it('SPDX documents have no bom-refs to check', () => {
    expect(documentRuleErrors({ packages: [{ 'bom-ref': 'a' }, { 'bom-ref': 'a' }] }, false)).toEqual([]);
  });
});

describe('a number too large for a double is invalid, though JSON.parse reads it as Infinity', () => {
  it.each(['1e400', '-1e400', '123456789e999'])('"version": %s', async (literal) => {
    const text = json.replace('"version": 1,', `"version": ${literal},`);
    expect(text).toContain(`"version": ${literal},`);
    expect(Number.isFinite(JSON.parse(text).version)).toBe(false);
    const result = await validateText(text);
    expect(result.valid).toBe(false);
    expect(result.errors[0]?.path).toBe('$.version');
    expect(result.errors[0]?.message).toMatch(/finite number/);
  });

  it('a large but finite integer stays valid ("version" only needs an integer ≥ 1)', async () => {
    expect(await validateText(json.replace('"version": 1,', '"version": 1e20,'))).toEqual({ valid: true, errors: [] });
  });

  it('deep inside the document, with its path', () => {
    const doc = JSON.parse('{"a": [{"b": {"c~/d": 1e309}}]}');
    expect(documentRuleErrors(doc, true)).toEqual([
      { path: '$.a[0].b["c~/d"]', message: expect.stringMatching(/finite/) },
    ]);
  });
});

describe('an XInclude element makes a CycloneDX XML document invalid', () => {
  const include = '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>';

  it('at an extension point, where the XSD alone accepts foreign elements', async () => {
    const text = xml.replace('</metadata>', `${include}</metadata>`);
    const line = text.slice(0, text.indexOf('<xi:include')).split('\n').length;
    const result = await validateText(text);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      { path: `line ${line}`, message: expect.stringMatching(/^XInclude is not allowed/) },
    ]);
  });

  it('with a default-namespace binding and single quotes', async () => {
    const text = xml.replace(
      '</metadata>',
      "<include xmlns='http://www.w3.org/2001/XInclude' href='x.xml'/></metadata>",
    );
    const result = await validateText(text);
    expect(result.valid).toBe(false);
    expect(result.errors[0]?.message).toMatch(/^XInclude is not allowed/);
  });

  it('the parse itself never follows the include', () => {
    const sbom = parseSbom(bytes(xml.replace('</metadata>', `${include}</metadata>`)))!;
    expect(JSON.stringify(sbom)).not.toContain('root:');
  });
});

describe('the walk is bounded', () => {
  it('stops collecting after MAX_RULE_ERRORS and survives deep nesting', () => {
    const many = { components: Array.from({ length: 500 }, () => ({ 'bom-ref': 'same' })) };
    expect(documentRuleErrors(many, true)).toHaveLength(MAX_RULE_ERRORS);
    let deep: unknown = Infinity;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(documentRuleErrors(deep, true)).toHaveLength(1);
  });
});
