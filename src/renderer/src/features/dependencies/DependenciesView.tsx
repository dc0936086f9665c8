import { useMemo, useState } from 'react';
import type { GoFunction, GoModuleSummary, ModuleGraph, Report } from '../../../../core/report/types';
import { Copyable } from '../../components/Copyable';
import { VirtualTree, type TreeNode } from '../../components/VirtualTree';
import { count, exactBytes, humanSize } from '../../lib/format';
import { graphNodes, linkKind } from './graph-nodes';
import { narrowDependencies, type DependencySort, type ModuleRows, type PackageRows } from './narrow';

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
  return fns.map((f) => ({
    id: `f:${f.entry}:${f.name}`,
    label: f.name,
    labelCell: <Copyable value={f.name} label="function name" />,
    cells: ['', '', size(f.size), f.file ? <Copyable value={f.file} label="path" /> : ''],
  }));
}

function packageNodes(packages: PackageRows[]): TreeNode[] {
  return packages.map((p) => ({
    id: `p:${p.package.path}`,
    label: p.package.path,
    searchText: p.package.path,
    cells: ['', `${count(p.package.functionCount)} functions`, size(p.package.size), ''],
    children: () => functionNodes(p.functions),
  }));
}

function moduleNode(rows: ModuleRows, graph: ModuleGraph | null): TreeNode {
  const m = rows.module;
  const version = m.replace ? `${m.version} => ${m.replace.path} ${m.replace.version}` : m.version;
  const link = graph ? linkKind(graph, m.path) : null;
  const originText = link ? `${link} · ${ORIGIN_LABEL[m.origin]}` : ORIGIN_LABEL[m.origin];
  const origin = <span title={originText}>{originText}</span>;
  // While filtering, the graph rows would hide the matches under them.
  const withGraph = (): TreeNode[] => [
    ...(graph && !rows.openForMatch ? graphNodes(graph, m.path) : []),
    ...packageNodes(rows.packages),
  ];
  return {
    id: `m:${m.path}`,
    label: m.path,
    searchText: `${m.path} ${version}`,
    cells: [
      m.version ? (
        <Copyable value={`${m.path}@${m.version}`} label="module@version">
          {version}
        </Copyable>
      ) : (
        ''
      ),
      origin,
      size(m.size),
      m.sum ? <Copyable value={m.sum} label="sum" /> : '',
    ],
    children: rows.packages.length > 0 || graph ? withGraph : undefined,
  };
}

/** The rows a filter matched inside of, to open at once. */
function openedFor(rows: ModuleRows[]): Set<string> {
  const open = new Set<string>();
  for (const m of rows) {
    if (m.openForMatch) open.add(`m:${m.module.path}`);
    for (const p of m.packages) if (p.openForMatch) open.add(`p:${p.package.path}`);
  }
  return open;
}

/**
 * The modules the binary really holds, each expanding into why it is linked, what it calls and what calls it (walkable
 * further), then its packages and their functions, with bytes. The filter narrows every level; sort by size or name.
 */
export function DependenciesView({ report }: { report: Report }) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<DependencySort>('size');
  const go = report.go;
  const rows = useMemo(() => (go ? narrowDependencies(go, query, sort) : []), [go, query, sort]);
  const roots = useMemo(() => rows.map((m) => moduleNode(m, go?.graph ?? null)), [rows, go]);
  const opened = useMemo(() => openedFor(rows), [rows]);
  if (!go) return <p className="empty-note">No Go metadata was found in this file.</p>;
  return (
    <div className="vtable">
      <div className="vtable-toolbar">
        <input
          type="search"
          aria-label="Filter modules"
          placeholder="Filter modules, packages, functions…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label>
          Sort{' '}
          <select value={sort} onChange={(e) => setSort(e.target.value as DependencySort)}>
            <option value="size">largest first</option>
            <option value="name">by name</option>
          </select>
        </label>
        <span className="vtable-count" aria-live="polite">
          {count(rows.length)} of {count(go.modules.length)} modules
        </span>
      </div>
      <VirtualTree
        key={`${query}|${sort}`}
        label="Dependencies"
        roots={roots}
        initiallyExpanded={opened}
        columns={['Module / package / function', 'Version', 'Origin', 'Size', 'Sum / file']}
        template="minmax(260px, 3fr) minmax(120px, 1.4fr) minmax(110px, 1fr) minmax(70px, 0.6fr) minmax(140px, 1.6fr)"
      />
    </div>
  );
}
