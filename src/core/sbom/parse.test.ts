import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, fixturesDir } from '../../../test/fixtures';
import { h1ToSha256Hex, moduleKey, parseGoPurl, versionKey } from './go-identity';
import { parseSbom } from './index';
import type { Sbom } from './types';

const sbomFile = (name: string) => new Uint8Array(readFileSync(join(fixturesDir, 'sbom', name)));
const bytes = (text: string) => new TextEncoder().encode(text);

function parsed(name: string): Sbom {
  const sbom = parseSbom(sbomFile(name));
  if (!sbom) throw new Error(`${name} was not recognised`);
  return sbom;
}

describe('parseSbom reads the hand-written fixtures', () => {
  it.each([
    ['hello.cdx-1.4.json', 'cyclonedx-json', '1.4'],
    ['hello.cdx-1.5.json', 'cyclonedx-json', '1.5'],
    ['hello.cdx-1.6.json', 'cyclonedx-json', '1.6'],
    ['hello.cdx-1.6.xml', 'cyclonedx-xml', '1.6'],
    ['hello.spdx-2.3.json', 'spdx-json', '2.3'],
    ['hello.cdx-1.7.json', 'cyclonedx-json', '1.7'],
    ['hello.cdx-1.7.xml', 'cyclonedx-xml', '1.7'],
    ['hello.spdx-2.3.spdx', 'spdx-tag-value', '2.3'],
    ['hello.spdx-3.0.json', 'spdx3-json', '3.0.1'],
  ])('%s', (name, format, specVersion) => {
    const sbom = parsed(name);
    expect(sbom.format).toBe(format);
    expect(sbom.specVersion).toBe(specVersion);
    expect(sbom.components).toHaveLength(2);
    expect(sbom.metadata.component?.purl.toLowerCase()).toBe('pkg:golang/example.com/hello');
    expect(sbom.metadata.timestamp).toBe('2024-05-01T12:00:00Z');
    expect(sbom.metadata.tools.join()).toMatch(/hand-written.1\.0/);
    expect(sbom.dependencies.length).toBeGreaterThan(0);
  });

  it('keeps CycloneDX fields: group, version, licenses, properties, dependencies', () => {
    const old = parsed('hello.cdx-1.4.json');
    expect(old.components[0]).toMatchObject({ group: 'example.com', name: 'greeting', version: '(devel)' });
    expect(old.dependencies[0]).toEqual({ ref: 'hello', dependsOn: ['greeting', 'stdlib'] });
    const sbom = parsed('hello.cdx-1.6.json');
    expect(sbom.metadata.component?.licenses).toEqual(['MIT']);
    expect(sbom.components[0]?.licenses).toEqual(['Apache-2.0']);
    expect(sbom.components[0]?.properties).toEqual([
      { name: 'gobinscope:go:replaces', value: 'example.com/greeting@v0.1.0' },
    ]);
  });

  it('reads pedigree ancestors and decodes predefined XML entities', () => {
    const xml = parsed('hello.cdx-1.6.xml');
    expect(xml.components[0]?.ancestors).toEqual(['pkg:golang/example.com/greeting@v0.1.0']);
    expect(xml.metadata.component?.properties).toContainEqual({ name: 'note', value: 'built & checked by hand' });
    expect(xml.dependencies[0]?.dependsOn).toEqual(['pkg:golang/example.com/greeting', 'pkg:golang/stdlib@1.19.8']);
    expect(parsed('hello.cdx-1.5.json').components[0]?.ancestors).toEqual(['pkg:golang/example.com/greeting@v0.1.0']);
  });
});

describe('parseSbom maps the formats onto one model', () => {
  it('maps SPDX packages, checksums, licenses and relationships', () => {
    const sbom = parsed('hello.spdx-2.3.json');
    expect(sbom.metadata.component?.bomRef).toBe('SPDXRef-Package-hello');
    expect(sbom.metadata.component?.type).toBe('application');
    expect(sbom.components.map((c) => c.purl)).toEqual(['pkg:golang/example.com/greeting', 'pkg:golang/stdlib@1.19.8']);
    expect(sbom.components[0]?.licenses).toEqual(['Apache-2.0']);
    expect(sbom.metadata.tools).toEqual(['hand-written-1.0']);
    expect(sbom.dependencies).toEqual([
      { ref: 'SPDXRef-Package-hello', dependsOn: ['SPDXRef-Package-greeting', 'SPDXRef-Package-stdlib'] },
    ]);
    const withChecksum = JSON.parse(new TextDecoder().decode(sbomFile('hello.spdx-2.3.json')));
    withChecksum.packages[1].checksums = [{ algorithm: 'SHA256', checksumValue: 'AB'.repeat(32) }];
    const reread = parseSbom(bytes(JSON.stringify(withChecksum)));
    expect(reread?.components[0]?.hashes).toEqual([{ alg: 'SHA-256', content: 'ab'.repeat(32) }]);
  });

  it('flattens nested components, in JSON and in XML', () => {
    const json = {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      components: [{ type: 'library', name: 'outer', components: [{ type: 'library', name: 'inner' }] }],
    };
    expect(parseSbom(bytes(JSON.stringify(json)))?.components.map((c) => c.name)).toEqual(['outer', 'inner']);
    const xml =
      '<bom xmlns="http://cyclonedx.org/schema/bom/1.3"><components><component type="library"><name>outer</name>' +
      '<components><component type="library"><name>inner</name></component></components></component></components></bom>';
    expect(parseSbom(bytes(xml))?.components.map((c) => c.name)).toEqual(['outer', 'inner']);
  });

  it('reads a namespace prefix and a byte-order mark', () => {
    const xml = '\ufeff<c:bom xmlns:c="http://cyclonedx.org/schema/bom/1.2"><c:components/></c:bom>';
    expect(parseSbom(bytes(xml))).toMatchObject({ format: 'cyclonedx-xml', specVersion: '1.2', components: [] });
  });
});

describe('parseSbom says null for what is not an SBOM', () => {
  it.each([
    ['a Go binary', fixture('linux-amd64')],
    ['empty input', new Uint8Array()],
    ['plain text', bytes('hello world')],
    ['a JSON array', bytes('[1, 2, 3]')],
    ['other JSON', bytes('{"name": "package.json", "version": "1.0.0"}')],
    ['other XML', bytes('<?xml version="1.0"?><project><name>x</name></project>')],
    ['XML in another namespace', bytes('<bom xmlns="http://example.com/bom"/>')],
  ])('%s', (_label, input) => {
    expect(parseSbom(input)).toBeNull();
  });
});

describe('Go identity helpers', () => {
  it('normalises purl case, %2F, capital escapes and subpaths', () => {
    expect(parseGoPurl('pkg:golang/github.com/BurntSushi/toml@v1.2.0')).toEqual({
      key: 'github.com/burntsushi/toml',
      version: 'v1.2.0',
    });
    expect(parseGoPurl('pkg:golang/github.com%2Fburntsushi/toml@v1.2.0%2Bincompatible')?.version).toBe(
      'v1.2.0+incompatible',
    );
    expect(parseGoPurl('pkg:golang/github.com%2Fburntsushi/toml')?.key).toBe('github.com/burntsushi/toml');
    expect(parseGoPurl('pkg:golang/google.golang.org/genproto@v0.1?type=module#googleapis/api')?.key).toBe(
      'google.golang.org/genproto',
    );
    expect(moduleKey('github.com/!burnt!sushi/toml')).toBe('github.com/burntsushi/toml');
    expect(parseGoPurl('pkg:npm/left-pad@1.0.0')).toBeNull();
    expect(versionKey('go1.19.8')).toBe(versionKey('1.19.8'));
    expect(versionKey('(devel)')).toBe('');
  });

  it('turns an h1: sum into the SHA-256 hex it encodes', () => {
    const sum = 'h1:olpwvP2KacW1ZWvsR7uQhoyTYvKAupfQrRGBFM352Gk=';
    expect(h1ToSha256Hex(sum)).toBe(Buffer.from(sum.slice(3), 'base64').toString('hex'));
    expect(h1ToSha256Hex('h1:not base64!')).toBeNull();
    expect(h1ToSha256Hex('h2:abc')).toBeNull();
  });
});
