import type { Sbom, SbomComponent } from '../../../../core/sbom/types';
import { Copyable } from '../../components/Copyable';
import type { TreeNode } from '../../components/VirtualTree';
import { count } from '../../lib/format';

/** The document's dependency relationships, keyed by bom-ref (CycloneDX) or SPDXID. */
export interface DependencyGraph {
  components: Map<string, SbomComponent>;
  edges: Map<string, string[]>;
  /** Refs nothing depends on (the described component first); the tree starts there. */
  roots: string[];
  /** Every ref the graph or the component list names. */
  refs: string[];
}

export function dependencyGraph(sbom: Sbom): DependencyGraph {
  const components = new Map<string, SbomComponent>();
  for (const c of [sbom.metadata.component, ...sbom.components]) if (c?.bomRef) components.set(c.bomRef, c);
  const edges = new Map<string, string[]>();
  for (const d of sbom.dependencies) edges.set(d.ref, [...(edges.get(d.ref) ?? []), ...d.dependsOn]);
  const targets = new Set([...edges.values()].flat());
  const inGraph = [...new Set([...edges.keys(), ...targets])];
  const described = sbom.metadata.component?.bomRef;
  let roots = inGraph.filter((ref) => !targets.has(ref));
  // Every ref in a cycle: start from the described component, or anywhere.
  if (roots.length === 0 && inGraph.length > 0) roots = [described && edges.has(described) ? described : inGraph[0]!];
  roots.sort((x, y) => Number(y === described) - Number(x === described));
  return { components, edges, roots, refs: [...new Set([...components.keys(), ...inGraph])] };
}

function searchText(ref: string, c: SbomComponent | undefined): string {
  return [ref, c?.name, c?.version, c?.purl].filter(Boolean).join(' ').toLowerCase();
}

/** Tree nodes for refs under `path`; children are built when a node is expanded, and a cycle stops at its repeat. */
export function dependencyNodes(graph: DependencyGraph, refs: string[], path: string[]): TreeNode[] {
  return refs.map((ref) => {
    const component = graph.components.get(ref);
    const deps = graph.edges.get(ref) ?? [];
    const cycle = path.includes(ref);
    const here = [...path, ref];
    return {
      id: here.join('\u0000'),
      label: `${component?.name ?? ref}${cycle ? ' (cycle)' : ''}`,
      searchText: searchText(ref, component),
      cells: [
        component?.version || '—',
        deps.length > 0 ? `${count(deps.length)} direct` : 'none',
        component?.purl ? (
          <Copyable value={component.purl} label="purl" />
        ) : (
          <span className="muted">{component ? '—' : `${ref} (not described)`}</span>
        ),
      ],
      children: deps.length > 0 && !cycle ? () => dependencyNodes(graph, deps, here) : undefined,
    };
  });
}

/** Refs whose name, version, purl or ref contain the query. */
export function matchingRefs(graph: DependencyGraph, query: string): string[] {
  const needle = query.toLowerCase();
  return graph.refs.filter((ref) => searchText(ref, graph.components.get(ref)).includes(needle));
}
