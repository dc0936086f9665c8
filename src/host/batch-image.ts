import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { planImages, type ImagePlan } from '../core/container/image';
import { LayerMerge, type SurvivingExecutable } from '../core/container/layers';
import { FormatError } from '../core/io/errors';
import { MAX_FILE_SIZE } from '../core/io/limits';
import { ArchiveIndex } from './batch-archive';
import { collectVisitor, mergeVisitor, streamLayer } from './batch-layers';

/** One executable of an image's final file system, its bytes in a buffer of its own. */
export interface ImageBinary {
  image: string;
  path: string;
  layerDigest: string;
  bytes: Uint8Array;
}

/** What the reader reports as it goes: each binary (awaited, so the caller sets the pace) and each problem. */
export interface ImageVisitor {
  binary(binary: ImageBinary): Promise<void>;
  problem(where: string, message: string): void;
}

export interface ImageSummary {
  name: string;
  layers: string[];
  executables: number;
}

function message(error: unknown): string {
  if (error instanceof FormatError) return `${error.message} (at byte ${error.offset})`;
  throw error;
}

/**
 * Reads a container image saved as a tarball (`docker save`, or an OCI layout in a tar): every executable its
 * layers leave in the final file system once whiteouts are applied, with the digest of the layer that put it
 * there. The archive is read in place, never extracted. Null when the file is a tar but not an image.
 */
export async function readImageArchive(path: string, visitor: ImageVisitor): Promise<ImageSummary[] | null> {
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const archive = await ArchiveIndex.open(handle);
    const plans = await planImages(archive);
    if (!plans) return null;
    const summaries: ImageSummary[] = [];
    for (const plan of plans) summaries.push(await readImage(archive, plan, visitor));
    return summaries;
  } finally {
    await handle.close();
  }
}

async function readImage(archive: ArchiveIndex, plan: ImagePlan, visitor: ImageVisitor): Promise<ImageSummary> {
  const { digests, survivors, broken } = await mergeLayers(archive, plan, visitor);
  const byLayer = new Map<number, SurvivingExecutable[]>();
  for (const survivor of survivors) {
    if (survivor.size > MAX_FILE_SIZE) {
      visitor.problem(`${plan.name}:${survivor.path}`, `${survivor.size} bytes, more than the 2 GiB − 1 byte read`);
      continue;
    }
    byLayer.set(survivor.layer, [...(byLayer.get(survivor.layer) ?? []), survivor]);
  }
  for (const [layer, wanted] of byLayer) {
    const ready: ImageBinary[] = [];
    const byOffset = new Map(wanted.map((w) => [w.headerOffset, w.path]));
    const layerDigest = digests[layer]!;
    const member = archive.members.get(plan.layers[layer]!.blob)!;
    const flush = async (): Promise<void> => {
      while (ready.length > 0) await visitor.binary(ready.shift()!);
    };
    const collect = collectVisitor(byOffset, (path, bytes) =>
      ready.push({ image: plan.name, path, layerDigest, bytes }),
    );
    // A damaged layer was reported on the first pass; what comes before the damage is still read.
    await streamLayer(archive, member, collect, flush).catch((error: unknown) => {
      if (!broken.has(layer)) visitor.problem(`${plan.name}: layer ${layer + 1}`, message(error));
    });
    await flush();
  }
  return { name: plan.name, layers: digests, executables: survivors.length };
}

/** First pass: the layers replayed bottom first; what survives, and each layer's digest (declared or measured). */
async function mergeLayers(archive: ArchiveIndex, plan: ImagePlan, visitor: ImageVisitor) {
  const merge = new LayerMerge();
  const digests: string[] = [];
  const broken = new Set<number>();
  for (const [index, layer] of plan.layers.entries()) {
    const where = `${plan.name}: layer ${index + 1} (${layer.blob})`;
    merge.beginLayer(index);
    const member = archive.members.get(layer.blob);
    if (!member) {
      visitor.problem(where, 'the image names this layer but the archive does not hold it');
      digests.push(layer.digest ?? 'missing');
      broken.add(index);
      continue;
    }
    const refused = (name: string): void => visitor.problem(where, `entry "${name}" climbs out of the image root`);
    try {
      const pass = await streamLayer(
        archive,
        member,
        mergeVisitor(merge, (entry) => refused(entry.name)),
      );
      if (layer.digest && layer.digest !== pass.storedDigest && layer.digest !== pass.tarDigest)
        visitor.problem(where, `its content is ${pass.storedDigest}, not the declared ${layer.digest}`);
      digests.push(layer.digest ?? pass.storedDigest);
    } catch (error) {
      visitor.problem(where, message(error));
      digests.push(layer.digest ?? 'unreadable');
      broken.add(index);
    }
  }
  return { digests, survivors: merge.survivors(), broken };
}
