import type { TarEntryType } from './tar-header';

/** A whiteout file deletes its namesake from the layers below (OCI image spec, "Whiteouts"). */
const WHITEOUT_PREFIX = '.wh.';
/** In a directory, this whiteout hides everything the layers below put there. */
const OPAQUE_WHITEOUT = '.wh..wh..opq';

/**
 * A layer path as the image's root sees it: no leading "/" or "./", no "." segments, ".." resolved. A name
 * that climbs above the root ("../../etc/passwd") is refused with null: it can only be a hostile archive, and
 * since nothing is ever written to disk it is simply not a file of the image. The root itself ("./") is "".
 */
export function normalizeEntryPath(name: string): string | null {
  const parts: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** One entry of a layer, as the merge needs it: its path, what it is, and whether its bytes are an executable. */
export interface LayerEntry {
  path: string;
  type: TarEntryType;
  executable: boolean;
  /** Where the entry's header sits in the layer's tar stream, to find exactly this entry on the second pass. */
  headerOffset: number;
  size: number;
}

/** An executable of the final file system: which layer put it there and where in that layer it is. */
export interface SurvivingExecutable {
  path: string;
  layer: number;
  headerOffset: number;
  size: number;
}

function under(path: string, dir: string): boolean {
  return path.length > dir.length && path.startsWith(dir) && path[dir.length] === '/';
}

/**
 * Replays an image's layers, bottom first, keeping only the executables: a whiteout deletes a path and what is
 * under it, an opaque whiteout empties a directory of what lower layers put there, and any entry replaces what
 * lay at its path before (a file over a directory hides the directory's contents). Within one layer a later entry
 * wins. Only executables are remembered, so an image of a million files costs memory for its binaries only.
 */
export class LayerMerge {
  private readonly lower = new Map<string, SurvivingExecutable>();
  private current = new Map<string, SurvivingExecutable>();
  private layer = -1;

  beginLayer(layer: number): void {
    this.endLayer();
    this.layer = layer;
  }

  add(entry: LayerEntry): void {
    const slash = entry.path.lastIndexOf('/');
    const dir = slash < 0 ? '' : entry.path.slice(0, slash);
    const base = entry.path.slice(slash + 1);
    if (base === OPAQUE_WHITEOUT) return this.hideLower((path) => dir === '' || under(path, dir));
    if (base.startsWith(WHITEOUT_PREFIX)) {
      const target = (dir ? `${dir}/` : '') + base.slice(WHITEOUT_PREFIX.length);
      return this.hideLower((path) => path === target || under(path, target));
    }
    const replacesTree = entry.type !== 'directory';
    this.hideLower((path) => path === entry.path || (replacesTree && under(path, entry.path)));
    if (entry.executable && entry.type === 'file') {
      const { path, headerOffset, size } = entry;
      this.current.set(path, { path, layer: this.layer, headerOffset, size });
    } else this.current.delete(entry.path);
  }

  /** The executables the finished image holds, by path. */
  survivors(): SurvivingExecutable[] {
    this.endLayer();
    return [...this.lower.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  private endLayer(): void {
    for (const [path, executable] of this.current) this.lower.set(path, executable);
    this.current = new Map();
  }

  private hideLower(matches: (path: string) => boolean): void {
    for (const path of this.lower.keys()) if (matches(path)) this.lower.delete(path);
  }
}
