import type { GoBuildInfo } from '../report/types';

/** Lines read from a go.sum; real ones hold a few thousand. */
export const MAX_GOSUM_LINES = 1_000_000;

/** One module of the build info checked against go.sum. */
export interface SumCheck {
  path: string;
  version: string;
  /** The h1: sum the binary records. */
  sum: string;
  /** What go.sum says for the same module and version, when it differs. */
  goSum?: string;
}

export interface GoSumComparison {
  /** Every recorded sum is in go.sum, and none disagrees. */
  consistent: boolean;
  matching: number;
  /** Recorded in the binary, absent from go.sum. */
  missing: SumCheck[];
  /** In go.sum for the same module and version with another hash: a different module content was built. */
  differing: SumCheck[];
  /** Modules the build info lists without a sum (local replacements, the main module). */
  withoutSum: number;
}

/** "path version h1:..." lines; "/go.mod" lines hash only the go.mod file and are not what the build info records. */
export function parseGoSum(text: string): Map<string, Set<string>> {
  const sums = new Map<string, Set<string>>();
  const lines = text.split(/\r?\n/, MAX_GOSUM_LINES);
  for (const line of lines) {
    const [path, version, hash] = line.trim().split(/\s+/);
    if (!path || !version || !hash || version.endsWith('/go.mod')) continue;
    const key = `${path} ${version}`;
    if (!sums.has(key)) sums.set(key, new Set());
    sums.get(key)!.add(hash);
  }
  return sums;
}

/** The module whose content was built: the replacement when there is one. */
function builtModules(buildInfo: GoBuildInfo): { path: string; version: string; sum: string }[] {
  return buildInfo.deps.map((dep) => (dep.replace ? dep.replace : dep));
}

export function compareGoSum(buildInfo: GoBuildInfo, goSumText: string): GoSumComparison {
  const sums = parseGoSum(goSumText);
  const result: GoSumComparison = { consistent: true, matching: 0, missing: [], differing: [], withoutSum: 0 };
  for (const module of builtModules(buildInfo)) {
    if (!module.sum.startsWith('h1:')) {
      result.withoutSum++;
      continue;
    }
    const listed = sums.get(`${module.path} ${module.version}`);
    const check = { path: module.path, version: module.version, sum: module.sum };
    if (listed === undefined) result.missing.push(check);
    else if (listed.has(module.sum)) result.matching++;
    else result.differing.push({ ...check, goSum: [...listed].join(' ') });
  }
  result.consistent = result.missing.length === 0 && result.differing.length === 0;
  return result;
}
