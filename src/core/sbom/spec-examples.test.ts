import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../../test/fixtures';
import { parseSbom, validateSbom } from './index';
import type { Sbom, SbomComponent } from './types';

/**
 * The specifications' own example documents (test/fixtures/sbom/spec-examples, copied unchanged): each is read and
 * validated, and what is read is compared with what the example says in the specification's text.
 */
const exampleBytes = (name: string) => new Uint8Array(readFileSync(join(fixturesDir, 'sbom', 'spec-examples', name)));

async function read(name: string): Promise<{ sbom: Sbom; valid: boolean; errors: unknown[] }> {
  const bytes = exampleBytes(name);
  const sbom = parseSbom(bytes);
  if (!sbom) throw new Error(`${name} was not recognised`);
  const { valid, errors } = await validateSbom(bytes, sbom);
  return { sbom, valid, errors };
}

/** A component as both SPDX serialisations must give it. */
const shape = (component: SbomComponent | undefined) =>
  component && {
    bomRef: component.bomRef,
    name: component.name,
    version: component.version,
    purl: component.purl,
    hashes: [...component.hashes].sort((a, b) => a.alg.localeCompare(b.alg)),
  };

describe.each(['2.2', '2.3'])('SPDX %s examples', (version) => {
  const tag = `SPDXTagExample-v${version}.spdx`;
  const json = `SPDXJSONExample-v${version}.spdx.json`;

  it.each([tag, json])('%s is read and validates', async (name) => {
    const { sbom, valid, errors } = await read(name);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
    expect(sbom.format).toBe(name === tag ? 'spdx-tag-value' : 'spdx-json');
    expect(sbom.specVersion).toBe(version);
    // The example describes glibc 2.11.1 (PackageName, PackageVersion), created 2010-01-29T18:30:22Z.
    expect(sbom.metadata.component).toMatchObject({ name: 'glibc', version: '2.11.1' });
    expect(sbom.metadata.timestamp).toBe('2010-01-29T18:30:22Z');
    expect(sbom.metadata.tools).toEqual(['LicenseFind-1.0']);
    const jena = sbom.components.find((component) => component.name === 'Jena');
    expect(jena).toMatchObject({ version: '3.12.0', purl: 'pkg:maven/org.apache.jena/apache-jena@3.12.0' });
    const saxon = sbom.components.find((component) => component.name === 'Saxon');
    expect(saxon?.hashes).toEqual([{ alg: 'SHA-1', content: '85ed0817af83a24ad8da68c2b5094de69833983c' }]);
  });

  it('tag-value and JSON examples of one document give the same model', async () => {
    const [fromTag, fromJson] = [(await read(tag)).sbom, (await read(json)).sbom];
    expect(shape(fromTag.metadata.component)).toEqual(shape(fromJson.metadata.component));
    const byRef = (sbom: Sbom) => sbom.components.map(shape).sort((a, b) => a!.bomRef.localeCompare(b!.bomRef));
    expect(byRef(fromTag)).toEqual(byRef(fromJson));
    const edges = (sbom: Sbom) =>
      sbom.dependencies.map((edge) => `${edge.ref} -> ${[...edge.dependsOn].sort().join(',')}`).sort();
    expect(edges(fromTag)).toEqual(edges(fromJson));
  });
});

describe('the SPDX 3.0.1 example (examples/jsonld/package_sbom.json)', () => {
  it('is read and validates against the 3.0.1 schema', async () => {
    const { sbom, valid } = await read('spdx-3.0.1-package_sbom.json');
    expect(valid).toBe(true);
    expect(sbom).toMatchObject({ format: 'spdx3-json', specVersion: '3.0.1' });
    // software_Sbom BOM1 has root Package1: "my-package" 1.0, created 2024-03-06T00:00:00Z.
    expect(sbom.metadata.component).toMatchObject({
      bomRef: 'http://spdx.example.com/Package1',
      name: 'my-package',
      version: '1.0',
    });
    expect(sbom.metadata.timestamp).toBe('2024-03-06T00:00:00Z');
    // Its one relationship is Package1 "contains" the file myprogram.
    expect(sbom.dependencies).toEqual([
      { ref: 'http://spdx.example.com/Package1', dependsOn: ['http://spdx.example.com/Package1/myprogram'] },
    ]);
  });

  it('fails the schema once a property of the wrong type is planted', async () => {
    const document = JSON.parse(new TextDecoder().decode(exampleBytes('spdx-3.0.1-package_sbom.json')));
    document['@graph'][4].software_primaryPurpose = 'spaceship';
    const bytes = new TextEncoder().encode(JSON.stringify(document));
    const result = await validateSbom(bytes, parseSbom(bytes.slice()) as Sbom);
    expect(result.valid).toBe(false);
    expect(result.errors[0]?.path).toBe('$["@graph"][4].software_primaryPurpose');
  });
});

describe('CycloneDX 1.7 examples (the specification test suite)', () => {
  it.each(['valid-dependency-1.7.json', 'valid-dependency-1.7.xml'])('%s is read and validates', async (name) => {
    const { sbom, valid, errors } = await read(name);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
    expect(sbom.specVersion).toBe('1.7');
    expect(sbom.components.map((component) => component.name)).toEqual(['library-a', 'library-b', 'library-c']);
    expect(sbom.dependencies).toContainEqual({ ref: 'library-b', dependsOn: ['library-c'] });
  });

  it('invalid-hash-alg-1.7.json fails the 1.7 schema at the hash algorithm "FOO"', async () => {
    const { valid, errors } = await read('invalid-hash-alg-1.7.json');
    expect(valid).toBe(false);
    expect(errors).toContainEqual(expect.objectContaining({ path: '$.components[0].hashes[0].alg' }));
  });
});
