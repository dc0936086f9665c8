import { isAbsolute } from 'node:path';
import type { FileSource, InitialFile, RecentFile } from '../common/dto';
import type { Result } from '../common/result';
import { fail, ok } from '../common/result';

/** Longer paths than this are not file names a drop produces. */
const MAX_PATH_LENGTH = 4096;

/** The part of the file registry this needs: it turns a path the user gave into an id the page can hold. */
export interface PathRegistry {
  register(path: string): InitialFile;
}

/**
 * The page never names a path. Files reach an analysis only as ids for paths the user gave: the command line, the
 * open dialog, the recent list (by its entry's id), and drops, whose paths the preload reads off the dropped File
 * with webUtils.getPathForFile and hands to main on a channel the page cannot call. A File the page builds itself
 * has no path, so a compromised page can register nothing the user did not drop or pick.
 */
export class UserPaths {
  constructor(
    private readonly registry: PathRegistry,
    private readonly recent: () => RecentFile[],
  ) {}

  /** Registers the path the preload got for a dropped file. */
  registerDropped(path: unknown): Result<FileSource> {
    if (typeof path !== 'string' || path.length === 0 || path.length > MAX_PATH_LENGTH || path.includes('\0')) {
      return fail('BAD_ARGS', 'A dropped file needs its path on disk.');
    }
    if (!isAbsolute(path)) return fail('BAD_ARGS', 'A dropped file needs an absolute path.');
    return ok(this.registry.register(path).source);
  }

  /** Each recent-list source becomes the registered source of that entry's path; the others pass unchanged. */
  resolve(sources: FileSource[]): Result<FileSource[]> {
    const resolved: FileSource[] = [];
    for (const source of sources) {
      if (source.kind !== 'recent') {
        resolved.push(source);
        continue;
      }
      const entry = this.recent().find((r) => r.id === source.id);
      if (!entry) return fail('UNKNOWN_FILE', 'That file is no longer in the recent list; open it again.');
      resolved.push(this.registry.register(entry.path).source);
    }
    return ok(resolved);
  }
}
