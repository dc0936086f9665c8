import { SEVERITIES, type GoModule, type Report } from '../report/types';
import {
  h1ToSha256Hex,
  isLocalPath,
  isOtherPurl,
  moduleKey,
  parseGoPurl,
  sha256MatchesH1,
  STDLIB_KEY,
  versionKey,
} from './go-identity';
import {
  hashItem,
  missingItem,
  notInBinaryItem,
  replacementItem,
  sbomSha256,
  versionItem,
  type BinaryModule,
} from './reconcile-items';
import { RECONCILE_KINDS, type ReconcileItem, type ReconcileKind, type Reconciliation, type Sbom } from './types';
import type { SbomComponent } from './types';

/** Component types that are never Go modules: files, containers, devices... are not compared. */
const COMPARED_TYPES = new Set(['', 'library', 'application', 'framework', 'module']);

interface Candidate {
  component: SbomComponent;
  version: string;
  isMain: boolean;
  used: boolean;
}

type Index = Map<string, Candidate[]>;

function withoutDevel(version: string): string {
  return version === '(devel)' ? '' : version;
}

function dependencyModule(module: Pick<GoModule, 'path' | 'version' | 'sum' | 'replace'>): BinaryModule {
  const replacement = module.replace;
  if (!replacement) {
    return { role: 'dependency', module: module.path, path: module.path, version: module.version, sum: module.sum };
  }
  const local = isLocalPath(replacement.path);
  return {
    role: 'dependency',
    module: module.path,
    path: local ? module.path : replacement.path,
    version: withoutDevel(replacement.version),
    sum: replacement.sum,
    original: { path: module.path, version: module.version },
    replacement: local ? replacement.path : `${replacement.path} ${replacement.version}`,
  };
}

/**
 * The binary's modules: build info when it was read, else the modules inferred from package paths (no versions,
 * and no main module: its path went with the build info).
 */
function binaryModules(report: Report): BinaryModule[] {
  const go = report.go;
  if (!go) return [];
  const buildInfo = go.buildInfo;
  const modules = buildInfo
    ? buildInfo.deps.map(dependencyModule)
    : go.modules
        .filter((module) => module.origin === 'recorded' || module.origin === 'inferred')
        .map((module) => ({ ...dependencyModule(module), inferred: module.origin === 'inferred' }));
  const main = buildInfo?.main;
  if (main) {
    const version = withoutDevel(main.version);
    modules.push({ role: 'main', module: main.path, path: main.path, version, sum: main.sum });
  }
  const goVersion = /^go(\S+)/.exec(go.version ?? '');
  if (goVersion) {
    const version = goVersion[1] as string;
    modules.push({ role: 'stdlib', module: STDLIB_KEY, path: STDLIB_KEY, version, sum: '' });
  }
  return modules;
}

/** Key and version of a component, or null when it is not a Go module (another ecosystem, a file, ...). */
function identify(component: SbomComponent): { key: string; version: string } | null {
  if (component.purl) {
    const parts = parseGoPurl(component.purl);
    if (parts) return { key: parts.key, version: component.version || parts.version };
    if (isOtherPurl(component.purl)) return null;
  }
  if (!COMPARED_TYPES.has(component.type)) return null;
  const name = component.group ? `${component.group}/${component.name}` : component.name;
  return { key: moduleKey(name), version: component.version };
}

function buildIndex(sbom: Sbom): { index: Index; ignored: number } {
  const index: Index = new Map();
  let ignored = 0;
  const add = (component: SbomComponent, isMain: boolean): void => {
    const identity = identify(component);
    if (!identity) {
      if (!isMain) ignored++;
      return;
    }
    const list = index.get(identity.key) ?? [];
    list.push({ component, version: identity.version, isMain, used: false });
    index.set(identity.key, list);
  };
  if (sbom.metadata.component) add(sbom.metadata.component, true);
  for (const component of sbom.components) add(component, false);
  return { index, ignored };
}

/** Takes the best unused candidate (same version first) and marks duplicates of it used too. */
function take(index: Index, key: string, version: string): Candidate | null {
  const list = index.get(key);
  if (!list) return null;
  const only = list.length === 1 ? list[0] : undefined;
  if (only) {
    // The common case, kept free of allocations.
    if (only.used) return null;
    only.used = true;
    return only;
  }
  const unused = list.filter((candidate) => !candidate.used);
  const wanted = versionKey(version);
  const chosen = unused.find((candidate) => versionKey(candidate.version) === wanted) ?? unused[0];
  if (!chosen) return null;
  for (const candidate of unused) {
    if (versionKey(candidate.version) === versionKey(chosen.version)) candidate.used = true;
  }
  return chosen;
}

/** The component as compared: with the version its purl gives when it states none itself. */
function withVersion(candidate: Candidate): SbomComponent {
  const component = candidate.component;
  return component.version === candidate.version ? component : { ...component, version: candidate.version };
}

function reflectsReplacement(component: SbomComponent): boolean {
  return component.ancestors.length > 0 || component.properties.some((property) => /replace/i.test(property.name));
}

function compare(module: BinaryModule, candidate: Candidate): ReconcileItem[] {
  const component = withVersion(candidate);
  const original = module.original;
  const showsOriginal =
    original !== undefined &&
    versionKey(candidate.version) === versionKey(original.version) &&
    versionKey(original.version) !== versionKey(module.version);
  if (showsOriginal && !reflectsReplacement(component)) return [replacementItem(module, component)];
  const items: ReconcileItem[] = [];
  if (module.version && versionKey(candidate.version) !== versionKey(module.version)) {
    items.push(versionItem(module, component));
  }
  const given = sbomSha256(component);
  if (given && sha256MatchesH1(given, module.sum) === false) {
    items.push(hashItem(module, component, h1ToSha256Hex(module.sum) as string));
  }
  return items;
}

function matchModule(module: BinaryModule, index: Index, describes?: SbomComponent): ReconcileItem[] {
  const candidate = take(index, moduleKey(module.path), module.version);
  if (candidate) return compare(module, candidate);
  if (module.original && moduleKey(module.original.path) !== moduleKey(module.path)) {
    const listed = take(index, moduleKey(module.original.path), module.original.version);
    if (listed && reflectsReplacement(listed.component)) return [];
    if (listed) return [replacementItem(module, withVersion(listed))];
  }
  return [missingItem(module, describes)];
}

/** How each kind reads in the summary after a count: "2 missing from the SBOM". */
const SUMMARY_LABELS: Record<ReconcileKind, string> = {
  'missing-from-sbom': 'missing from the SBOM',
  'not-in-binary': 'not in the binary',
  'version-mismatch': 'with another version',
  'replacement-not-reflected': 'with the replacement unrecorded',
  'hash-mismatch': 'with another hash',
};

function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

function summarize(items: ReconcileItem[], byKind: Record<ReconcileKind, number>, modules: number, size: number) {
  if (items.length === 0) {
    return `The SBOM accounts for all ${count(modules, 'module', 'modules')} in the binary and lists no others.`;
  }
  const parts = RECONCILE_KINDS.filter((kind) => byKind[kind] > 0).map(
    (kind) => `${byKind[kind]} ${SUMMARY_LABELS[kind]}`,
  );
  return (
    `${count(items.length, 'discrepancy', 'discrepancies')} between the binary (${count(modules, 'module', 'modules')}) ` +
    `and the SBOM (${count(size, 'component', 'components')}): ${parts.join(', ')}.`
  );
}

/**
 * Compares what the binary holds (build info) with what the SBOM claims. Linear: one index of the SBOM by module
 * key, one pass over the binary's modules, one over the SBOM's leftovers.
 */
export function reconcile(report: Report, sbom: Sbom): Reconciliation {
  const modules = binaryModules(report);
  const { index, ignored } = buildIndex(sbom);
  const items: ReconcileItem[] = [];
  let matched = 0;
  for (const module of modules) {
    const found = matchModule(module, index, sbom.metadata.component);
    if (!found.some((item) => item.kind === 'missing-from-sbom')) matched++;
    items.push(...found);
  }
  for (const list of index.values()) {
    for (const candidate of list)
      if (!candidate.used && !candidate.isMain) items.push(notInBinaryItem(candidate.component));
  }
  items.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  const byKind = Object.fromEntries(RECONCILE_KINDS.map((kind) => [kind, 0])) as Record<ReconcileKind, number>;
  for (const item of items) byKind[item.kind]++;
  return {
    verdict: items.length === 0 ? 'match' : 'mismatch',
    summary: summarize(items, byKind, modules.length, sbom.components.length),
    items,
    counts: { binaryModules: modules.length, sbomComponents: sbom.components.length, matched, ignored, byKind },
  };
}
