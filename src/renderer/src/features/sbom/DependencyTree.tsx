import { useMemo, useState } from 'react';
import type { Sbom } from '../../../../core/sbom/types';
import { VirtualTree } from '../../components/VirtualTree';
import { count } from '../../lib/format';
import { dependencyGraph, dependencyNodes, matchingRefs } from './dependency-graph';

/**
 * The dependency relationships as a tree from the components nothing depends on. A search lists the matching
 * components as roots, each still expandable into what it depends on.
 */
export function DependencyTree({ sbom }: { sbom: Sbom }) {
  const [query, setQuery] = useState('');
  const graph = useMemo(() => dependencyGraph(sbom), [sbom]);
  const roots = useMemo(
    () => dependencyNodes(graph, query ? matchingRefs(graph, query) : graph.roots, []),
    [graph, query],
  );
  if (graph.edges.size === 0) return <p className="empty-note">The document records no dependency relationships.</p>;
  return (
    <div className="vtable">
      <div className="vtable-toolbar">
        <input
          type="search"
          aria-label="Search dependencies"
          placeholder="Search components…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <span className="vtable-count">
          {query
            ? `${count(roots.length)} of ${count(graph.refs.length)} components match`
            : `${count(roots.length)} top-level of ${count(graph.refs.length)} components`}
        </span>
      </div>
      <VirtualTree
        key={query}
        label="Dependency tree"
        roots={roots}
        columns={['Component', 'Version', 'Depends on', 'purl']}
        template="minmax(240px, 2.4fr) minmax(90px, 0.9fr) minmax(90px, 0.7fr) minmax(220px, 2.4fr)"
      />
    </div>
  );
}
