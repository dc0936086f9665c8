// Builds container image tarballs for tests with GNU tar and gzip, from committed fixture binaries. What each image
// holds is known from how it is built here, not from our reader: two layers, the upper one deleting a binary with a
// whiteout, emptying a folder with an opaque whiteout, and adding a binary under a path longer than ustar's 100
// bytes. Written both as a `docker save` archive and as an OCI layout in a tar.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { binDir } from '../fixtures';

export const LONG_DIR = `usr/local/lib/${'very-long-folder-name-'.repeat(6)}bin`;

/** Every file each layer holds: fixture binary names, or text; '' marks a whiteout file. */
export const LAYERS: Record<string, string>[] = [
  {
    'usr/bin/app': 'fixture:linux-amd64',
    'usr/bin/leaky': 'fixture:leaky-linux-amd64',
    'opt/tools/old-tool': 'fixture:linux-386',
    'usr/bin/true': 'system:/bin/true',
    'etc/motd': 'text:welcome',
    [`${LONG_DIR}/from-gnu-layer`]: 'fixture:linux-amd64-strip',
  },
  {
    'usr/bin/.wh.leaky': '',
    'opt/tools/.wh..wh..opq': '',
    'opt/tools/new-tool': 'fixture:multimod-linux-amd64',
    [`${LONG_DIR}/trimmed`]: 'fixture:linux-amd64-trimpath',
  },
];

/** The Go binaries the final file system holds, by path, with the layer (0-based) that put each there. */
export const SURVIVING_GO: Record<string, number> = {
  'opt/tools/new-tool': 1,
  [`${LONG_DIR}/from-gnu-layer`]: 0,
  [`${LONG_DIR}/trimmed`]: 1,
  'usr/bin/app': 0,
};

export const sha256 = (bytes: Uint8Array): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

function stage(dir: string, files: Record<string, string>): void {
  for (const [path, source] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    if (source.startsWith('fixture:')) copyFileSync(join(binDir, source.slice(8)), target);
    else if (source.startsWith('system:')) copyFileSync(source.slice(7), target);
    else writeFileSync(target, source.replace(/^text:/, ''));
  }
}

/** A layer tar of these files, made by GNU tar in the given format ("gnu" long names or "pax" records). */
function layerTar(work: string, index: number, format: 'gnu' | 'pax'): Uint8Array {
  const dir = join(work, `stage-${index}`);
  mkdirSync(dir, { recursive: true });
  stage(dir, LAYERS[index]!);
  const out = join(work, `layer-${index}.tar`);
  execFileSync('tar', [`--format=${format}`, '--sort=name', '-cf', out, '-C', dir, '.']);
  return new Uint8Array(readFileSync(out));
}

export interface BuiltImages {
  dir: string;
  docker: string;
  oci: string;
  /** Layer digests as each archive declares them: the tars' own for docker save, the gzip blobs' for OCI. */
  dockerLayers: string[];
  ociLayers: string[];
  cleanup(): void;
}

function writeJson(path: string, value: unknown): Uint8Array {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return bytes;
}

function dockerArchive(work: string, layers: Uint8Array[]): { path: string; digests: string[] } {
  const root = join(work, 'docker');
  const digests = layers.map(sha256);
  layers.forEach((layer, i) => {
    mkdirSync(join(root, `l${i}`), { recursive: true });
    writeFileSync(join(root, `l${i}`, 'layer.tar'), layer);
  });
  writeJson(join(root, 'config.json'), {
    architecture: 'amd64',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: digests },
  });
  writeJson(join(root, 'manifest.json'), [
    { Config: 'config.json', RepoTags: ['gobinscope/test:1'], Layers: layers.map((_, i) => `l${i}/layer.tar`) },
  ]);
  const path = join(work, 'docker-image.tar');
  execFileSync('tar', ['-cf', path, '-C', root, 'manifest.json', 'config.json', ...layers.map((_, i) => `l${i}`)]);
  return { path, digests };
}

function blob(root: string, bytes: Uint8Array): { digest: string; size: number } {
  const digest = sha256(bytes);
  mkdirSync(join(root, 'blobs', 'sha256'), { recursive: true });
  writeFileSync(join(root, 'blobs', 'sha256', digest.slice(7)), bytes);
  return { digest, size: bytes.length };
}

function ociArchive(work: string, layers: Uint8Array[]): { path: string; digests: string[] } {
  const root = join(work, 'oci');
  const gzipped = layers.map(
    (layer) => new Uint8Array(execFileSync('gzip', ['-n', '-c'], { input: layer, maxBuffer: 1 << 28 })),
  );
  const layerBlobs = gzipped.map((bytes) => blob(root, bytes));
  const config = blob(root, new TextEncoder().encode(JSON.stringify({ architecture: 'amd64', os: 'linux' })));
  const manifest = blob(
    root,
    new TextEncoder().encode(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
        layers: layerBlobs.map((b) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...b })),
      }),
    ),
  );
  writeJson(join(root, 'oci-layout'), { imageLayoutVersion: '1.0.0' });
  writeJson(join(root, 'index.json'), {
    schemaVersion: 2,
    manifests: [
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        ...manifest,
        annotations: { 'org.opencontainers.image.ref.name': 'gobinscope/oci:2' },
      },
    ],
  });
  const path = join(work, 'oci-image.tar');
  execFileSync('tar', ['--format=pax', '-cf', path, '-C', root, 'oci-layout', 'index.json', 'blobs']);
  return { path, digests: layerBlobs.map((b) => b.digest) };
}

export function buildImages(): BuiltImages {
  const dir = mkdtempSync(join(tmpdir(), 'gobinscope-image-'));
  // The lower layer in GNU format (long names as 'L' entries), the upper in PAX (long names as 'path' records).
  const layers = [layerTar(dir, 0, 'gnu'), layerTar(dir, 1, 'pax')];
  const docker = dockerArchive(dir, layers);
  const oci = ociArchive(dir, layers);
  return {
    dir,
    docker: docker.path,
    oci: oci.path,
    dockerLayers: docker.digests,
    ociLayers: oci.digests,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
