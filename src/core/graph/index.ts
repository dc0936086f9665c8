import type { CodeFacts } from '../code/types';
import { inferModulePath, STD_MODULE } from '../go/modules';
import { inModule, isGenerated, isStd, packageOf, type KnownPackages } from '../go/packages';
import type { EdgeKind, GoReport, GraphModule, ModuleGraph } from '../report/types';
import { EdgeTable } from './aggregate';
import { collectEvidence, type CodeFunction, type Memory } from './evidence';
import { chainTo, FunctionGraph, moduleChains } from './paths';

export type { Memory, PointerReader } from './evidence';

/**
 * The module graph read from the code: which module's code calls, inlines or points into which other module's,
 * and the same between packages. Edges into the compiler's pseudo-packages ("go:", "type:", assembly helpers)
 * are left out: they belong to no package a person imports.
 */
class PackageModules {
  private readonly byPackage = new Map<string, string>();
  private readonly modulePaths: string[];

  constructor(go: GoReport) {
    for (const pkg of go.packages) if (pkg.module) this.byPackage.set(pkg.path, pkg.module);
    this.modulePaths = go.modules.map((m) => m.path).filter((p) => p !== STD_MODULE);
  }

  /** The module of a package, also for packages that have no function of their own (fully inlined). */
  moduleOf(pkg: string): string {
    const known = this.byPackage.get(pkg);
    if (known !== undefined) return known;
    let best = '';
    for (const path of this.modulePaths) if (inModule(pkg, path) && path.length > best.length) best = path;
    const module = best || (isStd(pkg) ? STD_MODULE : inferModulePath(pkg));
    this.byPackage.set(pkg, module);
    return module;
  }
}

/** main.main and the main module's init functions (package initialisers and their closures). */
function isRoot(name: string, module: string, mainModule: string): boolean {
  if (module !== mainModule) return false;
  return name === 'main.main' || /\.init(\.\d+)?$/.test(name) || /\.glob\.\.func\d+$/.test(name);
}

interface Collected {
  packageEdges: EdgeTable;
  moduleEdges: EdgeTable;
  functions: FunctionGraph;
  seen: Set<string>;
}

function collect(go: GoReport, code: CodeFacts, memory: Memory | null, modules: PackageModules): Collected {
  const known: KnownPackages = new Set(go.packages.map((p) => p.path));
  const packageOfName = new Map(go.functions.map((f) => [f.name, f.package]));
  const pkgOf = (name: string): string => {
    let pkg = packageOfName.get(name);
    if (pkg === undefined) packageOfName.set(name, (pkg = packageOf(name, known)));
    return pkg;
  };
  const functions: CodeFunction[] = go.functions.map((f) => ({ name: f.name, entry: Number.parseInt(f.entry, 16) }));
  const out: Collected = {
    packageEdges: new EdgeTable(),
    moduleEdges: new EdgeTable(),
    functions: new FunctionGraph(),
    seen: new Set(),
  };
  collectEvidence(code, functions, memory, (from, to, kind: EdgeKind, address) => {
    const fromPkg = pkgOf(from);
    const toPkg = pkgOf(to);
    if (isGenerated(fromPkg) || isGenerated(toPkg)) return;
    out.functions.add(from, to, kind);
    out.seen.add(from).add(to);
    if (fromPkg === toPkg) return;
    out.packageEdges.add(fromPkg, toPkg, from, to, kind, address);
    const fromModule = modules.moduleOf(fromPkg);
    const toModule = modules.moduleOf(toPkg);
    if (fromModule !== toModule) out.moduleEdges.add(fromModule, toModule, from, to, kind, address);
  });
  return out;
}

/** The module graph of one binary, from the code pass's facts. `memory` lets funcvals and itabs be followed. */
export function buildModuleGraph(go: GoReport, code: CodeFacts, memory: Memory | null = null): ModuleGraph {
  const modules = new PackageModules(go);
  const mainModule = modules.moduleOf('main');
  const collected = collect(go, code, memory, modules);
  const moduleEdges = collected.moduleEdges.list();
  const pkgOf = new Map(go.functions.map((f) => [f.name, f.package]));
  const moduleOfFunction = (name: string): string => modules.moduleOf(pkgOf.get(name) ?? packageOf(name));
  const roots = [...collected.seen].filter((n) => isRoot(n, moduleOfFunction(n), mainModule));
  roots.sort((a, b) => (a === 'main.main' ? -1 : b === 'main.main' ? 1 : a.localeCompare(b)));
  const parent = collected.functions.search(roots);
  const firstReached = new Map<string, string>();
  for (const name of parent.keys()) {
    const module = moduleOfFunction(name);
    if (!firstReached.has(module)) firstReached.set(module, name);
  }
  const fallback = moduleChains(mainModule, moduleEdges);
  const direct = new Set(moduleEdges.filter((e) => e.from === mainModule).map((e) => e.to));
  const paths = new Set([...go.modules.map((m) => m.path), ...moduleEdges.flatMap((e) => [e.from, e.to])]);
  const graphModules: GraphModule[] = [...paths].map((path) => {
    const reached = firstReached.get(path);
    const pathFromMain = reached ? chainTo(reached, parent, moduleOfFunction) : (fallback.get(path) ?? null);
    return { path, direct: direct.has(path), pathFromMain: path === mainModule ? [] : pathFromMain };
  });
  return { modules: graphModules, moduleEdges, packageEdges: collected.packageEdges.list() };
}

export { exeMemory } from './memory';
