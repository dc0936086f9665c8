import type { CodeFacts } from '../code/types';
import { inferModulePath, STD_MODULE } from '../go/modules';
import { inModule, isGenerated, isStd, packageOf, type KnownPackages } from '../go/packages';
import type { EdgeKind, GoReport, GraphModule, ModuleGraph } from '../report/types';
import { EdgeTable } from './aggregate';
import { collectEvidence, FunctionNodes, type CodeFunction, type Memory } from './evidence';
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
  nodes: FunctionNodes;
  groups: NodeGroups;
  packageEdges: EdgeTable;
  moduleEdges: EdgeTable;
  functions: FunctionGraph;
  seen: Uint8Array;
}

/**
 * The package and module of each node as small numbers, worked out once per node: the pclntab's reading for
 * functions, the same rules for inlined frames. Package -1 marks the compiler's pseudo-packages.
 */
class NodeGroups {
  readonly packages: string[] = [];
  readonly modules: string[] = [];
  private readonly packageIds = new Map<string, number>();
  private readonly moduleIds = new Map<string, number>();
  private readonly packageOfNode: Int32Array;
  /** Module id of each package id. */
  private readonly moduleOfPackage: number[] = [];
  private readonly known: KnownPackages;
  private readonly byName: Map<string, string>;

  constructor(
    go: GoReport,
    private readonly nodes: FunctionNodes,
    private readonly modulesOf: PackageModules,
  ) {
    this.known = new Set(go.packages.map((p) => p.path));
    this.byName = new Map(go.functions.map((f) => [f.name, f.package]));
    this.packageOfNode = new Int32Array(nodes.names.length).fill(-2);
  }

  packageOf(node: number): number {
    let id = this.packageOfNode[node]!;
    if (id !== -2) return id;
    const name = this.nodes.names[node]!;
    const path = this.byName.get(name) ?? packageOf(name, this.known);
    id = isGenerated(path) ? -1 : (this.packageIds.get(path) ?? this.newPackage(path));
    this.packageOfNode[node] = id;
    return id;
  }

  moduleOf(packageId: number): number {
    return this.moduleOfPackage[packageId]!;
  }

  /** The module path of a node ("" for pseudo-packages). */
  modulePath(node: number): string {
    const pkg = this.packageOf(node);
    return pkg < 0 ? '' : this.modules[this.moduleOf(pkg)]!;
  }

  private newPackage(path: string): number {
    const id = this.packages.length;
    this.packages.push(path);
    this.packageIds.set(path, id);
    const module = this.modulesOf.moduleOf(path);
    let moduleId = this.moduleIds.get(module);
    if (moduleId === undefined) {
      moduleId = this.modules.length;
      this.modules.push(module);
      this.moduleIds.set(module, moduleId);
    }
    this.moduleOfPackage.push(moduleId);
    return id;
  }
}

function collect(go: GoReport, code: CodeFacts, memory: Memory | null, modules: PackageModules): Collected {
  const functions: CodeFunction[] = go.functions.map((f) => ({ name: f.name, entry: Number.parseInt(f.entry, 16) }));
  const nodes = new FunctionNodes(functions, code.inline);
  const groups = new NodeGroups(go, nodes, modules);
  const out: Collected = {
    nodes,
    groups,
    packageEdges: new EdgeTable(groups.packages),
    moduleEdges: new EdgeTable(groups.modules),
    functions: new FunctionGraph(),
    seen: new Uint8Array(nodes.names.length),
  };
  collectEvidence(code, functions, nodes, memory, (from, to, kind: EdgeKind, address) => {
    const fromPkg = groups.packageOf(from);
    const toPkg = groups.packageOf(to);
    if (fromPkg < 0 || toPkg < 0) return;
    out.functions.add(from, to, kind);
    out.seen[from] = out.seen[to] = 1;
    if (fromPkg === toPkg) return;
    out.packageEdges.add(fromPkg, toPkg, from, to, kind, address);
    const fromModule = groups.moduleOf(fromPkg);
    const toModule = groups.moduleOf(toPkg);
    if (fromModule !== toModule) out.moduleEdges.add(fromModule, toModule, from, to, kind, address);
  });
  return out;
}

/** For every module, the first node the search from the roots reached in it. */
function firstReached(parent: Map<number, unknown>, moduleOfNode: (node: number) => string): Map<string, number> {
  const first = new Map<string, number>();
  for (const node of parent.keys()) {
    const module = moduleOfNode(node);
    if (!first.has(module)) first.set(module, node);
  }
  return first;
}

/** The module graph of one binary, from the code pass's facts. `memory` lets itabs be followed. */
export function buildModuleGraph(go: GoReport, code: CodeFacts, memory: Memory | null = null): ModuleGraph {
  const modules = new PackageModules(go);
  const mainModule = modules.moduleOf('main');
  const collected = collect(go, code, memory, modules);
  const { nodes, seen } = collected;
  const moduleOfNode = (node: number): string => collected.groups.modulePath(node);
  const roots: number[] = [];
  for (let node = 0; node < seen.length; node++) {
    if (seen[node] && isRoot(nodes.names[node]!, moduleOfNode(node), mainModule)) roots.push(node);
  }
  const rootName = (node: number): string => (nodes.names[node] === 'main.main' ? '' : nodes.names[node]!);
  roots.sort((a, b) => rootName(a).localeCompare(rootName(b)));
  const parent = collected.functions.search(roots);
  const reached = firstReached(parent, moduleOfNode);
  const moduleEdges = collected.moduleEdges.list(nodes.names);
  const fallback = moduleChains(mainModule, moduleEdges);
  const direct = new Set(moduleEdges.filter((e) => e.from === mainModule).map((e) => e.to));
  const paths = new Set([...go.modules.map((m) => m.path), ...moduleEdges.flatMap((e) => [e.from, e.to])]);
  const describe = (node: number) => ({ name: nodes.names[node]!, module: moduleOfNode(node) });
  const graphModules: GraphModule[] = [...paths].map((path) => {
    const node = reached.get(path);
    const pathFromMain = node !== undefined ? chainTo(node, parent, describe) : (fallback.get(path) ?? null);
    return { path, direct: direct.has(path), pathFromMain: path === mainModule ? [] : pathFromMain };
  });
  return { modules: graphModules, moduleEdges, packageEdges: collected.packageEdges.list(nodes.names) };
}

export { exeMemory } from './memory';
