import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { count } from '../lib/format';
import './cells.css';

export interface Column<T> {
  key: string;
  header: string;
  /** The value used to sort and filter. */
  value: (row: T) => string | number;
  render?: (row: T) => ReactNode;
  width: string;
  align?: 'left' | 'right';
}

interface Props<T> {
  label: string;
  rows: readonly T[];
  columns: Column<T>[];
  rowKey: (row: T, index: number) => string;
  initialSort?: { key: string; descending?: boolean };
  /** Extra controls next to the filter box (section pickers, toggles). */
  toolbar?: ReactNode;
  /** Builds a custom match for a query (e.g. regular expressions); the default is a case-insensitive substring. */
  filter?: (query: string) => (row: T) => boolean;
  onRowClick?: (row: T) => void;
  initialQuery?: string;
}

const ROW_HEIGHT = 30;

function useSorted<T>(rows: readonly T[], columns: Column<T>[], sort: { key: string; descending?: boolean } | null) {
  return useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    if (!column) return rows;
    const direction = sort?.descending ? -1 : 1;
    const keyed = rows.map((row) => ({ row, v: column.value(row) }));
    keyed.sort((a, b) => (a.v < b.v ? -direction : a.v > b.v ? direction : 0));
    return keyed.map((k) => k.row);
  }, [rows, columns, sort]);
}

/** Virtualized, sortable, filterable table; Ctrl/Cmd+F focuses its filter (lib/shortcuts.ts); shows "12 of 48,211". */
export function VirtualTable<T>({
  label,
  rows,
  columns,
  rowKey,
  initialSort,
  toolbar,
  filter,
  onRowClick,
  initialQuery = '',
}: Props<T>) {
  const [sort, setSort] = useState(initialSort ?? null);
  const [query, setQuery] = useState(initialQuery);
  const scrollRef = useRef<HTMLDivElement>(null);
  const sorted = useSorted(rows, columns, sort);
  const visible = useMemo(() => {
    if (!query) return sorted;
    if (filter) return sorted.filter(filter(query));
    const needle = query.toLowerCase();
    return sorted.filter((row) => columns.some((c) => String(c.value(row)).toLowerCase().includes(needle)));
  }, [sorted, query, filter, columns]);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  const template = columns.map((c) => c.width).join(' ');
  const toggle = (key: string): void =>
    setSort((current) =>
      current?.key === key ? { key, descending: !current.descending } : { key, descending: false },
    );
  return (
    <div className="vtable">
      <div className="vtable-toolbar">
        <input
          type="search"
          placeholder={`Filter ${label.toLowerCase()}…`}
          aria-label={`Filter ${label.toLowerCase()}`}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        {toolbar}
        <span className="vtable-count" aria-live="polite">
          {count(visible.length)} of {count(rows.length)}
        </span>
      </div>
      <div role="table" aria-label={label} aria-rowcount={visible.length + 1} className="vtable-grid">
        <div role="rowgroup" className="vtable-head">
          <div role="row" className="vtable-row" style={{ gridTemplateColumns: template }}>
            {columns.map((c) => (
              <div
                role="columnheader"
                key={c.key}
                aria-sort={sort?.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                className={c.align === 'right' ? 'num' : undefined}
              >
                <button type="button" onClick={() => toggle(c.key)}>
                  {c.header}
                  <span aria-hidden="true">{sort?.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                </button>
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" ref={scrollRef} className="vtable-body">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = visible[item.index]!;
              return (
                <div
                  role="row"
                  aria-rowindex={item.index + 2}
                  key={rowKey(row, item.index)}
                  className={`vtable-row${onRowClick ? ' clickable' : ''}`}
                  onClick={onRowClick ? () => onRowClick(row) : undefined}
                  style={{
                    gridTemplateColumns: template,
                    transform: `translateY(${item.start}px)`,
                    height: ROW_HEIGHT,
                  }}
                >
                  {columns.map((c) => (
                    <div role="cell" key={c.key} className={c.align === 'right' ? 'num' : undefined}>
                      {c.render ? c.render(row) : c.value(row)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
