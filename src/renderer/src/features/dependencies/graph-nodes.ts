import type { EdgeKind, GraphEdge, GraphModule, GraphStep, ModuleGraph } from '../../../../core/report/types';
import type { TreeNode } from '../../components/VirtualTree';
import { count } from '../../lib/format';

/** Tree rows that tell what a module depends on, what depends on it, and why it is linked at all. */
const VERB: Record<EdgeKind, string> = {
  call: 'calls',
  inline: 'inlines',
  reference: 'takes the function value',
  type: 'uses the type method',
};

function stepLabel(step: GraphStep, index: number): string {
  if (index === 0) return step.function;
  return step.via ? `→ ${VERB[step.via]} ${step.function}` : `… ${step.function}`;
}

export function evidenceText(edge: GraphEdge): string {
  const plural = (n: number, word: string): string => `${count(n)} ${word}${n === 1 ? '' : 's'}`;
  const parts = edge.calls > 0 ? [plural(edge.calls, 'call')] : [];
  if (edge.inlined > 0) parts.push(`${count(edge.inlined)} inlined`);
  if (edge.references > 0) parts.push(plural(edge.references, 'reference'));
  return parts.join(', ');
}

function exampleText(e: GraphEdge): string {
  return `e.g. ${e.example.caller} ${VERB[e.example.kind]} ${e.example.callee} at ${e.example.address}`;
}

/** Each edge expands into the other module's own rows, so the graph can be walked as far as one likes. */
function edgeNodes(graph: ModuleGraph, id: string, edges: GraphEdge[], other: (e: GraphEdge) => string): TreeNode[] {
  return edges.map((e) => {
    const nodeId = `${id}>${other(e)}`;
    const further = graph.modules.some((m) => m.path === other(e));
    return {
      id: nodeId,
      label: other(e),
      cells: ['', evidenceText(e), '', exampleText(e)],
      children: further ? () => graphNodes(graph, other(e), nodeId) : undefined,
    };
  });
}

function whyNode(module: GraphModule, at: string): TreeNode {
  const id = `${at}why:${module.path}`;
  const steps = module.pathFromMain;
  if (!steps || steps.length === 0) {
    const reason = steps ? 'this is the main module' : 'no code path from main was seen (indirect calls only?)';
    return { id, label: 'Why is this linked?', cells: ['', reason, '', ''] };
  }
  return {
    id,
    label: 'Why is this linked?',
    cells: ['', `${steps.length - 1} steps from main`, '', ''],
    children: () =>
      steps.map((step, i) => ({ id: `${id}:${i}`, label: stepLabel(step, i), cells: ['', step.module, '', ''] })),
  };
}

/** "direct" / "transitive" for the Origin column; null when the graph does not know the module. */
export function linkKind(graph: ModuleGraph, path: string): string | null {
  const module = graph.modules.find((m) => m.path === path);
  if (!module || module.pathFromMain?.length === 0) return null;
  return module.direct ? 'direct' : 'transitive';
}

/**
 * The rows shown first under a module: why it is linked, what it depends on, what depends on it. `at` makes the ids
 * unique when the same module shows up again deeper in the tree.
 */
export function graphNodes(graph: ModuleGraph, path: string, at = ''): TreeNode[] {
  const module = graph.modules.find((m) => m.path === path);
  if (!module) return [];
  const out = graph.moduleEdges.filter((e) => e.from === path);
  const into = graph.moduleEdges.filter((e) => e.to === path);
  const nodes: TreeNode[] = [whyNode(module, at)];
  const group = (kind: string, label: string, edges: GraphEdge[], other: (e: GraphEdge) => string): void => {
    const id = `${at}${kind}:${path}`;
    nodes.push({
      id,
      label: `${label} (${count(edges.length)})`,
      cells: ['', edges.length ? '' : 'none seen in the code', '', ''],
      children: edges.length ? () => edgeNodes(graph, id, edges, other) : undefined,
    });
  };
  group('out', 'Depends on', out, (e) => e.to);
  group('in', 'Used by', into, (e) => e.from);
  return nodes;
}
