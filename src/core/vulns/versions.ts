import semverCompare from 'semver/functions/compare.js';
import semverValid from 'semver/functions/valid.js';

/**
 * Versions as the Go vulnerability database compares them: semantic versions without the "v". Module versions
 * come from build info ("v1.2.3", pseudo-versions "v0.0.0-20210101000000-abcdef123456", "+incompatible"); the
 * standard library's from the Go release ("go1.22.3", "go1.22", "go1.21rc2", "go1.19.8 X:boringcrypto").
 */

/** "v1.2.3" → "1.2.3"; null for "(devel)", "" and anything that is not a semantic version. */
export function moduleSemver(version: string): string | null {
  if (!version.startsWith('v')) return null;
  const bare = version.slice(1).replace(/\+incompatible$/, '');
  return semverValid(bare) === bare ? bare : null;
}

const GO_RELEASE = /^go(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:(beta|rc)(\d+))?$/;

/**
 * "go1.22.3" → "1.22.3", "go1.22" → "1.22.0", "go1.21rc2" → "1.21.0-rc.2", "go1.19beta1" → "1.19.0-beta.1";
 * experiments ("X:…", " X:…" or "-X:…") are dropped. Null for development builds ("devel …") and unknown text.
 */
export function goSemver(version: string): string | null {
  const release = version
    .trim()
    .split(/[\s]/, 1)[0]!
    .replace(/-X:.*$/, '');
  const match = GO_RELEASE.exec(release);
  if (!match) return null;
  const [, major, minor = '0', patch = '0', pre, preNumber] = match;
  const base = `${major}.${minor}.${patch}`;
  return pre ? `${base}-${pre}.${preNumber}` : base;
}

export interface SemverRange {
  /** "0" for "from the first version". */
  introduced: string;
  /** null when no release fixes it. */
  fixed: string | null;
}

function compare(a: string, b: string): number {
  if (a === '0') return b === '0' ? 0 : -1;
  if (b === '0') return 1;
  return semverCompare(a, b);
}

/**
 * Turns one OSV SEMVER event list into intervals [introduced, fixed): events are sorted by version with
 * "introduced: 0" first, and each introduced opens an interval that the next fixed closes.
 */
export function intervalsOf(events: { introduced?: string; fixed?: string }[]): SemverRange[] {
  const usable = events.filter(
    (e) =>
      (e.introduced !== undefined && (e.introduced === '0' || semverValid(e.introduced))) ||
      (e.fixed && semverValid(e.fixed)),
  );
  const sorted = [...usable].sort((x, y) => compare(x.introduced ?? x.fixed!, y.introduced ?? y.fixed!));
  const ranges: SemverRange[] = [];
  let open: string | null = null;
  for (const event of sorted) {
    if (event.introduced !== undefined) {
      if (open === null) open = event.introduced;
    } else if (open !== null) {
      ranges.push({ introduced: open, fixed: event.fixed! });
      open = null;
    }
  }
  if (open !== null) ranges.push({ introduced: open, fixed: null });
  return ranges;
}

/** True when `version` lies in any interval; an entry without ranges affects every version. */
export function affects(ranges: readonly SemverRange[], version: string): boolean {
  if (ranges.length === 0) return true;
  return ranges.some((r) => compare(version, r.introduced) >= 0 && (r.fixed === null || compare(version, r.fixed) < 0));
}

/** The lowest fixed version above `version`, for the "upgrade to" advice; null when nothing fixes it. */
export function fixedAfter(ranges: readonly SemverRange[], version: string): string | null {
  const fixes = ranges
    .filter((r) => r.fixed !== null && compare(version, r.introduced) >= 0 && compare(version, r.fixed) < 0)
    .map((r) => r.fixed!);
  fixes.sort(compare);
  return fixes[0] ?? null;
}
