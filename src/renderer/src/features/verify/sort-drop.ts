import { MAX_SIGNATURE_TEXT } from '../../../../core/signatures/encoding';
import { detectMaterial, type MaterialKind } from '../../../../core/signatures/detect';

/** The files besides the binary that a check reads, by the field of the request they fill. */
export type MaterialSlot = 'signature' | 'key' | 'trustedRoot' | 'goSum';

/** One dropped or picked file: its name, its size and its first bytes (enough to tell material from a binary). */
export interface DroppedHead {
  name: string;
  size: number;
  head: Uint8Array;
}

export interface IgnoredFile {
  name: string;
  why: string;
}

/** What a drop holds: files to open (indexes), material for a check (index per slot), and what is left out, and why. */
export interface SortedDrop {
  open: number[];
  material: Partial<Record<MaterialSlot, number>>;
  ignored: IgnoredFile[];
}

/** Files opened at once: one binary or SBOM, two to compare, or a binary and its SBOM. */
export const MAX_OPENED = 2;

const SLOT_OF: Record<MaterialKind, MaterialSlot> = {
  signature: 'signature',
  key: 'key',
  'trusted-root': 'trustedRoot',
  'go.sum': 'goSum',
};

const SLOT_WORDS: Record<MaterialSlot, string> = {
  signature: 'signature',
  key: 'public key',
  trustedRoot: 'Sigstore trusted root',
  goSum: 'go.sum',
};

/** Bytes of each file the renderer looks at; one more than any signature or key may hold. */
export const HEAD_BYTES = MAX_SIGNATURE_TEXT + 1;

function materialOf(file: DroppedHead): MaterialSlot | null {
  const kind = detectMaterial(file.head);
  // Beyond the size of any signature or key, only a go.sum (judged on its first lines) is still material.
  if (kind === null || (file.size > MAX_SIGNATURE_TEXT && kind !== 'go.sum')) return null;
  return SLOT_OF[kind];
}

/**
 * Sorts one drop. `binaryOpen`: a single binary is on screen, so material alone checks it instead of being left out.
 * Nothing is dropped silently: each file left out is named with the reason.
 */
export function sortDrop(files: DroppedHead[], binaryOpen: boolean): SortedDrop {
  const sorted: SortedDrop = { open: [], material: {}, ignored: [] };
  const candidates: number[] = [];
  files.forEach((file, index) => {
    const slot = materialOf(file);
    if (slot === null) return candidates.push(index);
    if (sorted.material[slot] === undefined) sorted.material[slot] = index;
    else sorted.ignored.push({ name: file.name, why: `a second ${SLOT_WORDS[slot]}: one is checked at a time` });
  });
  const withMaterial = Object.keys(sorted.material).length > 0;
  const room = withMaterial ? 1 : MAX_OPENED;
  for (const index of candidates) {
    if (sorted.open.length < room) sorted.open.push(index);
    else
      sorted.ignored.push({
        name: files[index]!.name,
        why: withMaterial
          ? 'not a signature, public key or go.sum, and only one binary is checked against them at a time'
          : `at most ${MAX_OPENED} files open at once (two binaries to compare, or a binary and its SBOM)`,
      });
  }
  if (withMaterial && sorted.open.length === 0 && !binaryOpen) {
    for (const [slot, index] of Object.entries(sorted.material) as [MaterialSlot, number][])
      sorted.ignored.push({
        name: files[index]!.name,
        why: `a ${SLOT_WORDS[slot]} needs the binary it belongs to: drop them together, or open the binary first`,
      });
    sorted.material = {};
  }
  return sorted;
}

/** The first bytes of each file; a File is only read, never changed. */
export async function readHeads(files: File[]): Promise<DroppedHead[]> {
  return Promise.all(
    files.map(async (file) => ({
      name: file.name,
      size: file.size,
      head: new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer()),
    })),
  );
}
