import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LAYERS, SURVIVING_GO, buildImages, sha256 } from '../../test/container/build-image';
import { binDir } from '../../test/fixtures';
import { readImageArchive, type ImageBinary } from './batch-image';

// Images built by GNU tar from fixture binaries (test/container/build-image.ts): expectations come from how they
// were built: which files each layer holds and which the upper layer's whiteouts delete.
const built = buildImages();
afterAll(() => built.cleanup());

async function read(path: string) {
  const binaries: ImageBinary[] = [];
  const problems: string[] = [];
  const images = await readImageArchive(path, {
    binary: async (binary) => void binaries.push(binary),
    problem: (where, message) => void problems.push(`${where}: ${message}`),
  });
  return { images, binaries, problems };
}

/** The executables each layer was built with that no whiteout removed, Go or not. */
const SURVIVING: Record<string, number> = { ...SURVIVING_GO, 'usr/bin/true': 0 };

describe.each([
  ['docker save', () => built.docker, () => built.dockerLayers, 'gobinscope/test:1'],
  ['OCI layout', () => built.oci, () => built.ociLayers, 'gobinscope/oci:2'],
])('a %s archive', (_kind, archive, layers, name) => {
  it('yields the executables of the final file system with the layer that put each there', async () => {
    const { images, binaries, problems } = await read(archive());
    expect(problems).toEqual([]);
    expect(images).toEqual([{ name, layers: layers(), executables: Object.keys(SURVIVING).length }]);
    expect(binaries.map((b) => b.path).sort()).toEqual(Object.keys(SURVIVING).sort());
    for (const binary of binaries) {
      expect(binary.image).toBe(name);
      expect(binary.layerDigest).toBe(layers()[SURVIVING[binary.path]!]);
      const source = LAYERS[SURVIVING[binary.path]!]![binary.path]!;
      const original = source.startsWith('system:')
        ? readFileSync(source.slice(7))
        : readFileSync(join(binDir, source.slice(8)));
      expect(sha256(binary.bytes)).toBe(sha256(original));
      // Each binary has a buffer of its own: handing it to a worker moves nothing else.
      expect(binary.bytes.byteLength).toBe(binary.bytes.buffer.byteLength);
    }
  });

  it('drops what a whiteout deletes and what an opaque folder hides', async () => {
    const paths = (await read(archive())).binaries.map((b) => b.path);
    expect(paths).not.toContain('usr/bin/leaky');
    expect(paths).not.toContain('opt/tools/old-tool');
    expect(paths).toContain('opt/tools/new-tool');
  });
});

describe('archives that are not images', () => {
  it('returns null for a tar without manifest.json or index.json, and extracts nothing', async () => {
    const before = readdirSync(built.dir).sort();
    const layer = join(built.dir, 'layer-0.tar');
    expect((await read(layer)).images).toBeNull();
    expect(readdirSync(built.dir).sort()).toEqual(before);
  });
});
