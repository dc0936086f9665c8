import type { GoModule, Report } from '../report/types';
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
  componentLabel,
  hashItem,
  mainOnlyInMetadataItem,
  missingItem,
  notInBinaryItem,
  replacementItem,
  sbomSha256,
  versionItem,
  type BinaryModule,
} from './reconcile-items';
import { bySeverityOrder, countByKind, countBySeverity, summarize } from './reconcile-summary';
import type { ReconcileItem, Reconciliation, Sbom } from './types';
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

/**
 * True when a CycloneDX document names the module only as the thing it describes. SPDX is not asked: there the
 * described package is one of the packages, and readers see it like any other.
 */
function onlyInMetadata(sbom: Sbom, index: Index, key: string): boolean {
  if (!sbom.format.startsWith('cyclonedx')) return false;
  return (index.get(key) ?? []).every((candidate) => candidate.isMain);
}

function matchModule(module: BinaryModule, index: Index, sbom: Sbom): ReconcileItem[] {
  const key = moduleKey(module.path);
  const candidate = take(index, key, module.version);
  if (candidate) {
    const items = compare(module, candidate);
    if (module.role === 'main' && onlyInMetadata(sbom, index, key))
      items.push(mainOnlyInMetadataItem(module, candidate.component));
    return items;
  }
  if (module.original && moduleKey(module.original.path) !== moduleKey(module.path)) {
    const listed = take(index, moduleKey(module.original.path), module.original.version);
    if (listed && reflectsReplacement(listed.component)) return [];
    if (listed) return [replacementItem(module, withVersion(listed))];
  }
  return [missingItem(module, sbom.metadata.component)];
}

/**
 * The SBOM describes another program when the binary's main module is nowhere in it and what it describes is a Go
 * module of another path. A described thing that is not a Go module (a container, a file) says nothing either way.
 */
function otherProgramOf(modules: BinaryModule[], missing: ReconcileItem[], sbom: Sbom): Reconciliation['otherProgram'] {
  const main = modules.find((module) => module.role === 'main');
  const described = sbom.metadata.component;
  if (!main || !described) return null;
  if (!missing.some((item) => item.kind === 'missing-from-sbom' && item.module === main.module)) return null;
  const identity = identify(described);
  if (!identity || identity.key === moduleKey(main.path)) return null;
  return {
    // The version its purl gives when the component states none itself.
    sbomDescribes: componentLabel({ ...described, version: identity.version }),
    binaryIs: main.version ? `${main.path} ${main.version}` : main.path,
  };
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
    const found = matchModule(module, index, sbom);
    if (!found.some((item) => item.kind === 'missing-from-sbom')) matched++;
    items.push(...found);
  }
  const otherProgram = otherProgramOf(modules, items, sbom);
  for (const list of index.values()) {
    for (const candidate of list)
      if (!candidate.used && !candidate.isMain) items.push(notInBinaryItem(candidate.component));
  }
  items.sort(bySeverityOrder);
  const bySeverity = countBySeverity(items);
  return {
    verdict: bySeverity.error === 0 ? 'match' : 'mismatch',
    summary: summarize(items, modules.length, sbom.components.length),
    items,
    counts: {
      binaryModules: modules.length,
      sbomComponents: sbom.components.length,
      matched,
      ignored,
      byKind: countByKind(items),
    },
    otherProgram,
    bySeverity,
  };
}
