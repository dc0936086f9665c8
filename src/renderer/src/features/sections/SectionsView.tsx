import type { Report, ReportSection } from '../../../../core/report/types';
import { Copyable } from '../../components/Copyable';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { exactBytes, hexOffset, humanSize } from '../../lib/format';

const columns: Column<ReportSection>[] = [
  { key: 'name', header: 'Name', value: (s) => s.name, width: 'minmax(160px, 2fr)' },
  { key: 'type', header: 'Type', value: (s) => s.type, width: 'minmax(90px, 1fr)' },
  {
    key: 'address',
    header: 'Address',
    value: (s) => parseInt(s.address, 16),
    render: (s) => <Copyable value={s.address} label="address" />,
    width: 'minmax(110px, 1fr)',
    align: 'right',
  },
  {
    key: 'offset',
    header: 'Offset',
    value: (s) => s.offset,
    render: (s) => <Copyable value={hexOffset(s.offset)} label="offset" />,
    width: 'minmax(90px, 1fr)',
    align: 'right',
  },
  {
    key: 'size',
    header: 'Size',
    value: (s) => s.size,
    render: (s) => <span title={exactBytes(s.size)}>{humanSize(s.size)}</span>,
    width: 'minmax(80px, 1fr)',
    align: 'right',
  },
  { key: 'flags', header: 'Flags', value: (s) => s.flags, width: 'minmax(60px, 0.6fr)' },
  {
    key: 'entropy',
    header: 'Entropy',
    value: (s) => s.entropy ?? -1,
    render: (s) => (s.entropy === null ? '—' : s.entropy.toFixed(2)),
    width: 'minmax(70px, 0.6fr)',
    align: 'right',
  },
];

/** The section table: every column sortable, filterable, values copy on click. */
export function SectionsView({ report, initialQuery = '' }: { report: Report; initialQuery?: string }) {
  if (report.sections.length === 0) {
    return (
      <p className="empty-note">
        This file has no section headers (packed or stripped of them); its segments are under Overview.
      </p>
    );
  }
  return (
    <VirtualTable
      key={initialQuery}
      label="Sections"
      rows={report.sections}
      columns={columns}
      rowKey={(s, i) => `${s.name}-${i}`}
      initialQuery={initialQuery}
    />
  );
}
