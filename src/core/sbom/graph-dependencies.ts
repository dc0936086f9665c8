import { Models } from '@cyclonedx/cyclonedx-library';
import type { GraphEdge, ModuleGraph } from '../report/types';

/** Says why a dependency edge is in the SBOM: code that calls into the module, or only the build info's list. */
export const DEPENDENCY_EVIDENCE = 'gobinscope:dependency-evidence';

function describe(edge: GraphEdge): string {
  const example = edge.example;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const counts: string[] = [];
  if (edge.calls > 0)
    counts.push(
      edge.inlined > 0 ? `${plural(edge.calls, 'call')} (${edge.inlined} inlined)` : plural(edge.calls, 'call'),
    );
  if (edge.references > 0) counts.push(plural(edge.references, 'reference'));
  return `code: ${edge.from} -> ${edge.to}, ${counts.join(', ')}; e.g. ${example.caller} -> ${example.callee} (${example.kind}) at ${example.address}`;
}

/**
 * The dependency tree: each module depends on the modules its code reaches (module edges), the main component on
 * the modules the main module's code reaches itself. A recorded module no code edge reaches still hangs off the
 * main component, marked as known from the build info only, so nothing the binary records is dropped. Without a
 * graph (the code was not followed), every module hangs off the main component, as Go's build info lists them.
 */
export function addDependencies(
  main: Models.Component,
  byModule: Map<string, Models.Component>,
  mainModule: string,
  graph: ModuleGraph | null | undefined,
): void {
  if (!graph) {
    for (const component of byModule.values()) main.dependencies.add(component.bomRef);
    return;
  }
  const reached = new Set<Models.Component>();
  for (const edge of graph.moduleEdges) {
    const to = byModule.get(edge.to);
    if (!to) continue;
    const from = edge.from === mainModule ? main : byModule.get(edge.from);
    if (!from || from === to) continue;
    from.dependencies.add(to.bomRef);
    to.properties.add(new Models.Property(DEPENDENCY_EVIDENCE, describe(edge)));
    reached.add(to);
  }
  for (const component of byModule.values()) {
    if (reached.has(component)) continue;
    main.dependencies.add(component.bomRef);
    component.properties.add(new Models.Property(DEPENDENCY_EVIDENCE, 'build-info: recorded, no code edge seen'));
  }
}
