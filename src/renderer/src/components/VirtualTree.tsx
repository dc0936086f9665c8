import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface TreeNode {
  id: string;
  label: string;
  /** What to show instead of the plain label (a copy button, say); the label still names the row. */
  labelCell?: ReactNode;
  /** Cells shown to the right of the label, aligned in columns. */
  cells: ReactNode[];
  children?: () => TreeNode[];
  /** Text the search matches besides the label. */
  searchText?: string;
}

interface FlatRow {
  node: TreeNode;
  depth: number;
  expanded: boolean;
  hasChildren: boolean;
}

const ROW_HEIGHT = 28;

function flatten(nodes: TreeNode[], expanded: Set<string>, depth: number, out: FlatRow[]): void {
  for (const node of nodes) {
    const open = expanded.has(node.id);
    out.push({ node, depth, expanded: open, hasChildren: !!node.children });
    if (open && node.children) flatten(node.children(), expanded, depth + 1, out);
  }
}

/** A virtualized tree (role=tree) with keyboard navigation; children are built lazily on expand. */
export function VirtualTree({
  label,
  roots,
  columns,
  template,
  initiallyExpanded,
}: {
  label: string;
  roots: TreeNode[];
  columns: string[];
  template: string;
  /** Rows open from the start (what a filter matched inside of); remount with a new key to apply new ones. */
  initiallyExpanded?: ReadonlySet<string>;
}) {
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(initiallyExpanded ?? []));
  const [focused, setFocused] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => {
    const out: FlatRow[] = [];
    flatten(roots, expanded, 1, out);
    return out;
  }, [roots, expanded]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  const toggle = (id: string, open?: boolean): void =>
    setExpanded((current) => {
      const next = new Set(current);
      if (open ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });
  const onKey = (event: KeyboardEvent): void => {
    const row = rows[focused];
    const moves: Record<string, () => void> = {
      ArrowDown: () => setFocused(Math.min(rows.length - 1, focused + 1)),
      ArrowUp: () => setFocused(Math.max(0, focused - 1)),
      ArrowRight: () => row?.hasChildren && toggle(row.node.id, true),
      ArrowLeft: () => row && toggle(row.node.id, false),
      Enter: () => row?.hasChildren && toggle(row.node.id),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
    virtualizer.scrollToIndex(
      Math.min(
        rows.length - 1,
        Math.max(0, focused + (event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0)),
      ),
    );
  };
  return (
    <div className="vtable-grid tree">
      <div className="vtable-head">
        <div className="vtable-row" style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <div key={c} className="tree-colhead">
              {c}
            </div>
          ))}
        </div>
      </div>
      <div role="tree" aria-label={label} tabIndex={0} onKeyDown={onKey} ref={scrollRef} className="vtable-body">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={row.node.id}
                role="treeitem"
                aria-level={row.depth}
                aria-expanded={row.hasChildren ? row.expanded : undefined}
                aria-selected={item.index === focused}
                className={`vtable-row${item.index === focused ? ' focused' : ''}`}
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => {
                  setFocused(item.index);
                  if (row.hasChildren) toggle(row.node.id);
                }}
              >
                <div role="gridcell" className="tree-label" style={{ paddingLeft: (row.depth - 1) * 18 }}>
                  <span aria-hidden="true" className="twisty">
                    {row.hasChildren ? (row.expanded ? '▾' : '▸') : ''}
                  </span>
                  {row.node.labelCell ?? row.node.label}
                </div>
                {row.node.cells.map((cell, i) => (
                  <div role="gridcell" key={i} className="tree-cell">
                    {cell}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
