import { useMemo, useState } from 'react';
import type { Report } from '../../../../core/report/types';
import { Copyable } from '../../components/Copyable';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { exactBytes, humanSize } from '../../lib/format';
import { itemsAt, levelTitle, tilesOf, type Level, type SizeItem } from './levels';
import { Treemap } from './Treemap';
import './sizes.css';

function columnsFor(total: number, open: (item: SizeItem) => void): Column<SizeItem>[] {
  return [
    {
      key: 'name',
      header: 'Name',
      value: (item) => item.name,
      render: (item) =>
        item.next ? (
          <button type="button" className="link" onClick={() => open(item)} title={`Open ${item.name}`}>
            {item.name}
          </button>
        ) : (
          <Copyable value={item.name} label="name" />
        ),
      width: 'minmax(200px, 3fr)',
    },
    {
      key: 'bytes',
      header: 'Bytes',
      value: (item) => item.bytes,
      render: (item) => <span title={exactBytes(item.bytes)}>{humanSize(item.bytes)}</span>,
      width: 'minmax(80px, 0.8fr)',
      align: 'right',
    },
    {
      key: 'share',
      header: 'Share',
      value: (item) => item.bytes,
      render: (item) => <span>{total > 0 ? ((100 * item.bytes) / total).toFixed(1) : '0.0'}%</span>,
      width: 'minmax(60px, 0.5fr)',
      align: 'right',
    },
  ];
}

function SectionSummary({ report }: { report: Report }) {
  const sections = report.sizes?.sections ?? [];
  return (
    <table className="size-sections">
      <caption>Where each section&apos;s bytes go</caption>
      <thead>
        <tr>
          <th scope="col">Section</th>
          <th scope="col">Size</th>
          <th scope="col">To packages</th>
          <th scope="col">Unattributed</th>
        </tr>
      </thead>
      <tbody>
        {sections.map((s) => (
          <tr key={s.name}>
            <th scope="row">{s.name}</th>
            <td title={exactBytes(s.size)}>{humanSize(s.size)}</td>
            <td title={exactBytes(s.attributed)}>{humanSize(s.attributed)}</td>
            <td title={exactBytes(s.unattributed)}>{humanSize(s.unattributed)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Where the bytes go: a treemap of modules, then packages, then functions, with the numbers beside it. */
export function SizesView({ report }: { report: Report }) {
  const [trail, setTrail] = useState<Level[]>([{ kind: 'modules' }]);
  const level = trail[trail.length - 1]!;
  const items = useMemo(() => itemsAt(report, level), [report, level]);
  const total = items.reduce((sum, item) => sum + item.bytes, 0);
  const open = (item: SizeItem): void => {
    if (item.next) setTrail((current) => [...current, item.next!]);
  };
  const columns = useMemo(() => columnsFor(total, open), [total]);
  if (!report.sizes) return <p className="empty-note">Sizes are measured for Go binaries with a pclntab.</p>;
  return (
    <div className="sizes-view">
      <nav aria-label="Size level" className="size-trail">
        {trail.map((step, i) => (
          <button
            key={i}
            type="button"
            disabled={i === trail.length - 1}
            aria-current={i === trail.length - 1 ? 'page' : undefined}
            onClick={() => setTrail(trail.slice(0, i + 1))}
          >
            {levelTitle(step)}
          </button>
        ))}
        <span className="muted">{humanSize(total)} in view</span>
      </nav>
      <div className="sizes-body">
        <div className="sizes-map">
          <Treemap items={tilesOf(items)} onOpen={open} />
          <SectionSummary report={report} />
        </div>
        <VirtualTable
          key={levelTitle(level)}
          label="Sizes"
          rows={items}
          columns={columns}
          rowKey={(item, i) => `${item.name}-${i}`}
          initialSort={{ key: 'bytes', descending: true }}
        />
      </div>
    </div>
  );
}
