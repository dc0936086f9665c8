import { FormatError } from '../io/errors';
import { normalizeEntryPath } from './layers';

/** Manifests, indexes and configs are small JSON documents; anything larger is not one. */
export const MAX_IMAGE_JSON_BYTES = 4 * 1024 * 1024;
/** Images in one archive (tags of `docker save a b c`, platforms of an index). */
export const MAX_IMAGES = 64;
/** Docker refuses more than 125 layers; this leaves room without letting a count run away. */
export const MAX_LAYERS = 1000;
/** An index may point to indexes (a multi-platform image in a layout); deeper nesting is refused. */
const MAX_INDEX_DEPTH = 3;

/** One layer of an image: where its blob is in the archive, and the digest the image declares for it. */
export interface ImageLayerRef {
  blob: string;
  digest: string | null;
}

export interface ImagePlan {
  /** A tag, a reference name or the manifest digest: how the user would name this image. */
  name: string;
  layers: ImageLayerRef[];
}

/** The archive's members by name; null when a member is missing. */
export interface BlobSource {
  read(name: string, maxBytes: number): Promise<Uint8Array | null>;
}

const INDEX_TYPES = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
]);

async function readJson(source: BlobSource, name: string): Promise<unknown> {
  const bytes = await source.read(name, MAX_IMAGE_JSON_BYTES);
  if (!bytes) throw new FormatError(0, `the image names ${name}, which the archive does not hold`);
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    throw new FormatError(0, `${name} is not JSON`);
  }
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new FormatError(0, `${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

function list(value: unknown, what: string, max: number): unknown[] {
  if (!Array.isArray(value)) throw new FormatError(0, `${what} is not a list`);
  if (value.length > max) throw new FormatError(0, `${what} has ${value.length} items, more than ${max}`);
  return value;
}

/** A content digest as OCI writes it, and the blob path it names in a layout ("blobs/sha256/<hex>"). */
export function blobPathOf(digest: unknown): string {
  const match = typeof digest === 'string' ? /^(sha256|sha512):([0-9a-f]{64}|[0-9a-f]{128})$/.exec(digest) : null;
  if (!match) throw new FormatError(0, `"${String(digest).slice(0, 80)}" is not a content digest`);
  return `blobs/${match[1]}/${match[2]}`;
}

/** A member path named inside a manifest, normalised like any archive member; climbing out is refused. */
function memberPath(value: unknown, what: string): string {
  const path = typeof value === 'string' ? normalizeEntryPath(value) : null;
  if (!path) throw new FormatError(0, `${what} "${String(value).slice(0, 80)}" is not a path inside the archive`);
  return path;
}

/** The uncompressed layer digests a Docker image config declares, when it declares one per layer. */
async function diffIds(source: BlobSource, configPath: string, count: number): Promise<(string | null)[]> {
  const config = record(await readJson(source, configPath), configPath);
  const rootfs = config.rootfs as { diff_ids?: unknown } | undefined;
  const ids = Array.isArray(rootfs?.diff_ids) ? rootfs.diff_ids : [];
  if (ids.length !== count || !ids.every((id) => typeof id === 'string')) return new Array<null>(count).fill(null);
  return ids as string[];
}

/** `docker save`: manifest.json lists each image's config and its layer tars, bottom first. */
async function dockerPlans(source: BlobSource, manifest: unknown): Promise<ImagePlan[]> {
  const plans: ImagePlan[] = [];
  for (const [index, item] of list(manifest, 'manifest.json', MAX_IMAGES).entries()) {
    const image = record(item, `manifest.json image ${index}`);
    const blobs = list(image.Layers, `manifest.json image ${index} Layers`, MAX_LAYERS).map((layer) =>
      memberPath(layer, 'layer'),
    );
    const config = memberPath(image.Config, 'config');
    const declared = await diffIds(source, config, blobs.length);
    const tags = Array.isArray(image.RepoTags) ? image.RepoTags.filter((t) => typeof t === 'string') : [];
    const name = (tags[0] as string | undefined) ?? config.replace(/^blobs\/sha256\//, 'sha256:');
    plans.push({ name, layers: blobs.map((blob, i) => ({ blob, digest: declared[i] ?? null })) });
  }
  return plans;
}

function manifestName(descriptor: Record<string, unknown>): string {
  const annotations = descriptor.annotations as Record<string, unknown> | undefined;
  const ref = annotations?.['io.containerd.image.name'] ?? annotations?.['org.opencontainers.image.ref.name'];
  const platform = descriptor.platform as { os?: unknown; architecture?: unknown } | undefined;
  const base = typeof ref === 'string' ? ref : String(descriptor.digest);
  return platform && typeof platform.os === 'string'
    ? `${base} (${platform.os}/${String(platform.architecture)})`
    : base;
}

/** OCI layout: index.json points to manifests (or to more indexes), each manifest lists its layers, bottom first. */
async function ociPlans(source: BlobSource, index: unknown, depth: number, plans: ImagePlan[]): Promise<void> {
  if (depth > MAX_INDEX_DEPTH) throw new FormatError(0, 'image indexes nest too deeply');
  for (const item of list(record(index, 'index').manifests, 'index manifests', MAX_IMAGES)) {
    const descriptor = record(item, 'manifest descriptor');
    const document = record(await readJson(source, blobPathOf(descriptor.digest)), String(descriptor.digest));
    if (INDEX_TYPES.has(String(descriptor.mediaType ?? document.mediaType)) || Array.isArray(document.manifests)) {
      await ociPlans(source, document, depth + 1, plans);
      continue;
    }
    if (plans.length >= MAX_IMAGES) throw new FormatError(0, `the archive holds more than ${MAX_IMAGES} images`);
    const layers = list(document.layers, `${String(descriptor.digest)} layers`, MAX_LAYERS).map((layer) => {
      const digest = record(layer, 'layer descriptor').digest;
      return { blob: blobPathOf(digest), digest: digest as string };
    });
    plans.push({ name: manifestName(descriptor), layers });
  }
}

/**
 * The images an archive holds, from `docker save`'s manifest.json or an OCI layout's index.json (Docker 25 writes
 * both: manifest.json is read then). Null when the archive has neither: it is some other tar.
 */
export async function planImages(source: BlobSource): Promise<ImagePlan[] | null> {
  const manifest = await source.read('manifest.json', MAX_IMAGE_JSON_BYTES);
  if (manifest) return dockerPlans(source, await readJson(source, 'manifest.json'));
  const hasLayout = (await source.read('oci-layout', MAX_IMAGE_JSON_BYTES)) !== null;
  const index = await source.read('index.json', MAX_IMAGE_JSON_BYTES);
  if (!index) {
    if (hasLayout) throw new FormatError(0, 'OCI layout without index.json');
    return null;
  }
  const plans: ImagePlan[] = [];
  await ociPlans(source, await readJson(source, 'index.json'), 0, plans);
  return plans;
}
