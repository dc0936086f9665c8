import type { GoBuildInfo, GoModuleSummary, GoPackage } from '../report/types';
import { inModule, unvendor } from './packages';

/**
 * Modules and the packages that belong to them. Recorded modules (build info's main module and deps) take their
 * packages by the longest module-path prefix. Standard-library and generated packages make one "std" entry
 * versioned with the Go release. Third-party packages no recorded module claims (GOPATH builds, Debian's own Go
 * packages, binaries without build info) are grouped under a module path inferred from the package path.
 */
export const STD_MODULE = 'std';
/** Package main of a binary whose build info is gone: its module path is unknown. */
export const UNKNOWN_MAIN_MODULE = 'main';

interface HostRule {
  host: string;
  /** How many leading path elements make the module path. */
  elements: (parts: string[]) => number;
}

const fixed = (count: number) => (): number => count;
/** go.etcd.io/etcd/client/pkg/v3: the module runs through the first major-version element, if any. */
const throughMajor = (parts: string[]): number => {
  const major = parts.findIndex((part, i) => i >= 2 && isMajorSuffix(part));
  return major > 0 ? major + 1 : 2;
};

const HOST_RULES: readonly HostRule[] = [
  { host: 'github.com', elements: fixed(3) },
  { host: 'gitlab.com', elements: fixed(3) },
  { host: 'bitbucket.org', elements: fixed(3) },
  { host: 'codeberg.org', elements: fixed(3) },
  { host: 'gitee.com', elements: fixed(3) },
  { host: 'golang.org', elements: fixed(3) }, // golang.org/x/<name>
  // gopkg.in/yaml.v3, or gopkg.in/<owner>/<name>.vN
  { host: 'gopkg.in', elements: (parts) => (parts[1]?.includes('.v') ? 2 : 3) },
  { host: 'k8s.io', elements: fixed(2) },
  { host: 'sigs.k8s.io', elements: fixed(2) },
  // cloud.google.com/go/<service> are modules of their own; cloud.google.com/go/internal/... is the root module.
  { host: 'cloud.google.com', elements: (parts) => (parts[2] === undefined || parts[2] === 'internal' ? 2 : 3) },
  { host: 'go.etcd.io', elements: throughMajor },
];
const DEFAULT_ELEMENTS = 2;

/** "v2", "v3", ... "v10": a semantic-import-versioning suffix (v0 and v1 never appear in module paths). */
function isMajorSuffix(part: string): boolean {
  return /^v([2-9]|[1-9]\d+)$/.test(part);
}

/** The module path a third-party package most likely comes from. */
export function inferModulePath(packagePath: string): string {
  const parts = unvendor(packagePath).split('/');
  const rule = HOST_RULES.find((r) => r.host === parts[0]);
  let count = rule ? rule.elements(parts) : DEFAULT_ELEMENTS;
  if (rule?.elements !== throughMajor && parts[count] !== undefined && isMajorSuffix(parts[count]!)) count++;
  return parts.slice(0, Math.min(count, parts.length)).join('/');
}

function newSummary(
  path: string,
  origin: GoModuleSummary['origin'],
  version = '',
  sum = '',
  replace: GoModuleSummary['replace'] = null,
): GoModuleSummary {
  return { path, version, sum, replace, origin, packages: [], size: 0 };
}

function recordedModules(buildInfo: GoBuildInfo | null): GoModuleSummary[] {
  if (!buildInfo) return [];
  const recorded: GoModuleSummary[] = [];
  if (buildInfo.main) {
    recorded.push(newSummary(buildInfo.main.path, 'main', buildInfo.main.version, buildInfo.main.sum));
  }
  for (const dep of buildInfo.deps) recorded.push(newSummary(dep.path, 'recorded', dep.version, dep.sum, dep.replace));
  return recorded;
}

/** The recorded module with the longest path that contains `path`. */
function longestMatch(recorded: GoModuleSummary[], path: string): GoModuleSummary | null {
  let best: GoModuleSummary | null = null;
  for (const module of recorded) {
    if (inModule(path, module.path) && (!best || module.path.length > best.path.length)) best = module;
  }
  return best;
}

class ModuleTable {
  readonly recorded: GoModuleSummary[];
  readonly inferred = new Map<string, GoModuleSummary>();
  std: GoModuleSummary | null = null;
  unknownMain: GoModuleSummary | null = null;

  constructor(
    buildInfo: GoBuildInfo | null,
    private readonly goVersion: string | null,
  ) {
    this.recorded = recordedModules(buildInfo);
  }

  moduleFor(pkg: GoPackage): GoModuleSummary {
    if (pkg.class === 'std' || pkg.class === 'runtime-internal') {
      this.std ??= newSummary(STD_MODULE, 'std', this.goVersion ?? '');
      return this.std;
    }
    // Package main's symbols say "main", whatever its import path: it belongs to the main module.
    const match =
      pkg.path === 'main'
        ? (this.recorded.find((m) => m.origin === 'main') ?? null)
        : longestMatch(this.recorded, unvendor(pkg.path));
    if (match) return match;
    if (pkg.class === 'main') {
      this.unknownMain ??= newSummary(UNKNOWN_MAIN_MODULE, 'main');
      return this.unknownMain;
    }
    const path = inferModulePath(pkg.path);
    let inferred = this.inferred.get(path);
    if (!inferred) {
      inferred = newSummary(path, 'inferred');
      this.inferred.set(path, inferred);
    }
    return inferred;
  }

  /** Main first, then recorded deps in build-info order, inferred modules by path, std last. */
  list(): GoModuleSummary[] {
    const main = this.recorded.filter((m) => m.origin === 'main');
    if (this.unknownMain) main.push(this.unknownMain);
    const deps = this.recorded.filter((m) => m.origin !== 'main');
    const inferred = [...this.inferred.values()].sort((a, b) => a.path.localeCompare(b.path));
    return [...main, ...deps, ...inferred, ...(this.std ? [this.std] : [])];
  }
}

/** Module summaries, and the packages with their `module` filled in. */
export function summarizeModules(
  packages: GoPackage[],
  buildInfo: GoBuildInfo | null,
  goVersion: string | null,
): { modules: GoModuleSummary[]; packages: GoPackage[] } {
  const table = new ModuleTable(buildInfo, goVersion);
  const withModules = packages.map((pkg) => {
    const module = table.moduleFor(pkg);
    module.packages.push(pkg.path);
    module.size += pkg.size;
    return { ...pkg, module: module.path };
  });
  const modules = table.list();
  for (const module of modules) module.packages.sort();
  return { modules, packages: withModules };
}
