import { useMemo, useState } from 'react';
import type { GoFunction, GoModuleSummary, GoPackage, ModuleGraph, Report } from '../../../../core/report/types';
import { Copyable } from '../../components/Copyable';
import { VirtualTree, type TreeNode } from '../../components/VirtualTree';
import { count, exactBytes, humanSize } from '../../lib/format';
import { graphNodes, linkKind } from './graph-nodes';

const ORIGIN_LABEL: Record<GoModuleSummary['origin'], string> = {
  main: 'main module',
  recorded: 'recorded in build info',
  inferred: 'inferred from package paths',
  std: 'standard library',
};

function size(bytes: number) {
  return <span title={exactBytes(bytes)}>{humanSize(bytes)}</span>;
}

function functionNodes(fns: GoFunction[]): TreeNode[] {
  return fns.map((f) => ({ id: `f:${f.entry}:${f.name}`, label: f.name, cells: ['', '', size(f.size), f.file ?? ''] }));
}

function packageNodes(packages: GoPackage[], byPackage: Map<string, GoFunction[]>): TreeNode[] {
  return packages.map((p) => ({
    id: `p:${p.path}`,
    label: p.path,
    searchText: p.path,
    cells: ['', `${count(p.functionCount)} functions`, size(p.size), ''],
    children: () => functionNodes(byPackage.get(p.path) ?? []),
  }));
}

function moduleNode(
  m: GoModuleSummary,
  packages: Map<string, GoPackage>,
  byPackage: Map<string, GoFunction[]>,
  graph: ModuleGraph | null,
): TreeNode {
  const version = m.replace ? `${m.version} => ${m.replace.path} ${m.replace.version}` : m.version;
  const pkgs = m.packages
    .map((p) => packages.get(p))
    .filter((p): p is GoPackage => !!p)
    .sort((a, b) => b.size - a.size);
  const link = graph ? linkKind(graph, m.path) : null;
  const originText = link ? `${link} · ${ORIGIN_LABEL[m.origin]}` : ORIGIN_LABEL[m.origin];
  const origin = <span title={originText}>{originText}</span>;
  const withGraph = (): TreeNode[] => [...(graph ? graphNodes(graph, m.path) : []), ...packageNodes(pkgs, byPackage)];
  return {
    id: `m:${m.path}`,
    label: m.path,
    searchText: `${m.path} ${version}`,
    cells: [version, origin, size(m.size), m.sum ? <Copyable value={m.sum} label="sum" /> : ''],
    children: pkgs.length > 0 || graph ? withGraph : undefined,
  };
}

/** The modules the binary really holds, each expanding into its packages and their functions, with bytes. */
export function DependenciesView({ report }: { report: Report }) {
  const [query, setQuery] = useState('');
  const go = report.go;
  const roots = useMemo(() => {
    if (!go) return [];
    const packages = new Map(go.packages.map((p) => [p.path, p]));
    const byPackage = new Map<string, GoFunction[]>();
    for (const f of go.functions) {
      const list = byPackage.get(f.package) ?? [];
      list.push(f);
      byPackage.set(f.package, list);
    }
    const needle = query.toLowerCase();
    return go.modules
      .filter(
        (m) =>
          !needle || m.path.toLowerCase().includes(needle) || m.packages.some((p) => p.toLowerCase().includes(needle)),
      )
      .map((m) => moduleNode(m, packages, byPackage, go.graph ?? null));
  }, [go, query]);
  if (!go) return <p className="empty-note">No Go metadata was found in this file.</p>;
  return (
    <div className="vtable">
      <div className="vtable-toolbar">
        <input
          type="search"
          aria-label="Filter modules"
          placeholder="Filter modules and packages…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <span className="vtable-count">
          {count(roots.length)} of {count(go.modules.length)} modules
        </span>
      </div>
      <VirtualTree
        label="Dependencies"
        roots={roots}
        columns={['Module / package / function', 'Version', 'Origin', 'Size', 'Sum / file']}
        template="minmax(260px, 3fr) minmax(120px, 1.4fr) minmax(110px, 1fr) minmax(70px, 0.6fr) minmax(140px, 1.6fr)"
      />
    </div>
  );
}
