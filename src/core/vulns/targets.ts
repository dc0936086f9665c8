import type { Report } from '../report/types';
import { goSemver, moduleSemver } from './versions';

/** A module the binary links, as vulnerability matching judges it. */
export interface MatchTarget {
  /** Module path; "stdlib" for the standard library. */
  module: string;
  /** The version as the binary records it ("v1.2.3", "go1.22.3"). */
  version: string;
  /** The semantic version compared with the database's ranges; null when it cannot be judged. */
  semver: string | null;
  /** Why a module is never affected or cannot be judged ("(devel)", "replaced by ../local"). */
  note: string | null;
}

/** GOOS and GOARCH the binary is for: build settings first, else the executable format and architecture. */
export function platformOf(report: Report): { goos: string | null; goarch: string | null } {
  const settings = new Map((report.go?.buildInfo?.settings ?? []).map((s) => [s.key, s.value]));
  const goos =
    settings.get('GOOS') ??
    ({ elf: 'linux', pe: 'windows', macho: 'darwin', 'macho-fat': 'darwin' } as Record<string, string>)[
      report.format
    ] ??
    null;
  const arches: Record<string, string> = { x86_64: 'amd64', i386: '386', arm64: 'arm64', aarch64: 'arm64', arm: 'arm' };
  const goarch = settings.get('GOARCH') ?? (report.arch ? (arches[report.arch] ?? report.arch) : null);
  return { goos, goarch };
}

function stdlibTarget(report: Report): MatchTarget {
  const version = report.go?.version ?? '';
  const semver = goSemver(version);
  return {
    module: 'stdlib',
    version,
    semver,
    note: semver ? null : version ? `Go version ${version} is not a release` : 'the Go version is unknown',
  };
}

/**
 * The modules to judge: the standard library at the binary's Go version, the main module and every dependency
 * build info records. A replaced module is judged at its replacement's version; a replacement by a local folder,
 * "(devel)" and empty versions are never affected, and say why.
 */
export function matchTargets(report: Report): MatchTarget[] {
  const info = report.go?.buildInfo;
  const targets: MatchTarget[] = [stdlibTarget(report)];
  if (!info) return targets;
  if (info.main?.path) {
    const semver = moduleSemver(info.main.version);
    targets.push({
      module: info.main.path,
      version: info.main.version,
      semver,
      note: semver ? null : `the main module's version is ${info.main.version || 'empty'}: never affected`,
    });
  }
  for (const dep of info.deps) {
    const version = dep.replace ? dep.replace.version : dep.version;
    const semver = moduleSemver(version);
    let note: string | null = null;
    if (dep.replace && !dep.replace.version) note = `replaced by ${dep.replace.path}, a local folder: never affected`;
    else if (!semver) note = `version ${version || 'empty'}: never affected`;
    targets.push({ module: dep.path, version, semver, note });
  }
  return targets;
}
