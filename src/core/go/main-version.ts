import type { GoBuildInfo } from '../report/types';

/**
 * The main module's version when build info says "(devel)", recovered the way release tooling does:
 *  1. an `-X` link flag that sets a variable named like *version* ("-X main.version=1.2.3"), as goreleaser and
 *     most Makefiles stamp releases;
 *     It comes first because it is the release's own name (a tag), where a pseudo-version only names a commit;
 *  2. the VCS stamps, as a pseudo-version (go.dev/ref/mod#pseudo-versions): v0.0.0-YYYYMMDDHHMMSS-<12 hex of the
 *     revision>, with "+dirty" when vcs.modified=true, which is what Go 1.24+ itself records.
 */
export type MainVersionSource = 'buildinfo' | 'ldflags' | 'vcs';

export interface MainVersion {
  version: string;
  source: MainVersionSource;
}

const DEVEL = '(devel)';
const REVISION_PREFIX = 12;
/** The UTC time Go records in vcs.time: RFC 3339, seconds precision at least. */
const VCS_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/;
const REVISION = /^[0-9a-f]{12,64}$/;
/** The variable's name ends in "version": main.version, pkg/build.Version, main.appVersion (not versionDate). */
const VERSION_VARIABLE = /(?:^|\.)(?:[A-Za-z]*_?)?version$/i;
/** -ldflags values are short; a longer one is not looked at word by word. */
const MAX_LDFLAGS = 8192;

function setting(buildInfo: GoBuildInfo, key: string): string | null {
  return buildInfo.settings.find((s) => s.key === key)?.value ?? null;
}

/** The words of a recorded -ldflags value, with the shell-style quotes cmd/go adds around it taken off. */
function ldflagWords(ldflags: string): string[] {
  if (ldflags.length > MAX_LDFLAGS) return [];
  const words: string[] = [];
  for (const match of ldflags.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    const word = match[1] ?? match[2] ?? match[3]!;
    words.push(...word.split(/\s+/).filter((w) => w.length > 0));
  }
  return words;
}

/** The value of the first `-X name=value` whose name reads like a version variable. */
export function versionFromLdflags(ldflags: string): string | null {
  const words = ldflagWords(ldflags);
  for (let i = 0; i < words.length; i++) {
    let assignment: string | undefined;
    if (words[i] === '-X' || words[i] === '--X') assignment = words[i + 1];
    else if (/^--?X=/.test(words[i]!)) assignment = words[i]!.replace(/^--?X=/, '');
    if (!assignment) continue;
    const equals = assignment.indexOf('=');
    if (equals <= 0) continue;
    const name = assignment.slice(0, equals);
    const value = assignment.slice(equals + 1);
    if (VERSION_VARIABLE.test(name) && value.length > 0) return value;
  }
  return null;
}

/** v0.0.0-20260102030405-925d9cb6b5cd from vcs.revision and vcs.time; null when either is missing or odd. */
export function pseudoVersion(revision: string | null, time: string | null, modified: boolean): string | null {
  if (!revision || !time || !REVISION.test(revision)) return null;
  const parts = VCS_TIME.exec(time);
  if (!parts) return null;
  const stamp = parts.slice(1, 7).join('');
  return `v0.0.0-${stamp}-${revision.slice(0, REVISION_PREFIX)}${modified ? '+dirty' : ''}`;
}

/** The main module's version and where it came from; null when there is no main module or nothing to go by. */
export function mainVersion(buildInfo: GoBuildInfo | null): MainVersion | null {
  if (!buildInfo?.main) return null;
  const recorded = buildInfo.main.version;
  if (recorded && recorded !== DEVEL) return { version: recorded, source: 'buildinfo' };
  const fromFlags = versionFromLdflags(setting(buildInfo, '-ldflags') ?? '');
  if (fromFlags) return { version: fromFlags, source: 'ldflags' };
  const modified = setting(buildInfo, 'vcs.modified') === 'true';
  const fromVcs = pseudoVersion(setting(buildInfo, 'vcs.revision'), setting(buildInfo, 'vcs.time'), modified);
  if (fromVcs) return { version: fromVcs, source: 'vcs' };
  return null;
}

/** Build info with the main module's recovered version attached; the recorded "(devel)" stays as it was. */
export function withMainVersion(buildInfo: GoBuildInfo | null): GoBuildInfo | null {
  const found = mainVersion(buildInfo);
  if (!buildInfo?.main || !found) return buildInfo;
  return { ...buildInfo, main: { ...buildInfo.main, resolvedVersion: found.version, versionSource: found.source } };
}
