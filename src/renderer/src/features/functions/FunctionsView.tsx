import type { GoFunction, Report } from '../../../../core/report/types';
import { Copyable } from '../../components/Copyable';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { exactBytes, humanSize } from '../../lib/format';

const columns: Column<GoFunction>[] = [
  {
    key: 'name',
    header: 'Function',
    value: (f) => f.name,
    render: (f) => <Copyable value={f.name} label="function name" />,
    width: 'minmax(240px, 3fr)',
  },
  {
    key: 'package',
    header: 'Package',
    value: (f) => f.package,
    render: (f) => <Copyable value={f.package} label="package" />,
    width: 'minmax(140px, 1.5fr)',
  },
  {
    key: 'file',
    header: 'Source file',
    value: (f) => f.file ?? '',
    render: (f) => (f.file ? <Copyable value={f.file} label="path" /> : ''),
    width: 'minmax(200px, 2.5fr)',
  },
  {
    key: 'entry',
    header: 'Entry',
    value: (f) => parseInt(f.entry, 16),
    render: (f) => <Copyable value={f.entry} label="address" />,
    width: 'minmax(100px, 0.8fr)',
    align: 'right',
  },
  {
    key: 'size',
    header: 'Size',
    value: (f) => f.size,
    render: (f) => <span title={exactBytes(f.size)}>{humanSize(f.size)}</span>,
    width: 'minmax(70px, 0.6fr)',
    align: 'right',
  },
];

/** Functions recovered from the pclntab (present even in stripped binaries), searchable by name, package, file. */
export function FunctionsView({ report }: { report: Report }) {
  const functions = report.go?.functions ?? [];
  if (functions.length === 0)
    return <p className="empty-note">No pclntab was found, so no functions could be recovered.</p>;
  return (
    <VirtualTable
      label="Functions"
      rows={functions}
      columns={columns}
      rowKey={(f, i) => `${f.entry}-${i}`}
      initialSort={{ key: 'entry' }}
    />
  );
}
