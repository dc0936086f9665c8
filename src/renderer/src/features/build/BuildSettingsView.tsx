import type { Report } from '../../../../core/report/types';
import { Copyable } from '../../components/Copyable';
import { VirtualTable, type Column } from '../../components/VirtualTable';

interface Setting {
  key: string;
  value: string;
}

const columns: Column<Setting>[] = [
  { key: 'key', header: 'Setting', value: (s) => s.key, width: 'minmax(160px, 1fr)' },
  {
    key: 'value',
    header: 'Value',
    value: (s) => s.value,
    render: (s) => <Copyable value={s.value} label={s.key} />,
    width: 'minmax(240px, 4fr)',
  },
];

/** Build settings as `go version -m` shows them: flags, GOOS/GOARCH, CGO, VCS stamps. */
export function BuildSettingsView({ report }: { report: Report }) {
  const bi = report.go?.buildInfo;
  if (!bi)
    return (
      <p className="empty-note">
        No build info was found: the binary was built without modules, or the block was removed.
      </p>
    );
  const rows: Setting[] = [
    { key: 'go', value: report.go?.version ?? '' },
    { key: 'path', value: bi.path },
    ...(bi.main ? [{ key: 'mod', value: `${bi.main.path} ${bi.main.version} ${bi.main.sum}`.trim() }] : []),
    ...bi.settings,
  ];
  return <VirtualTable label="Build settings" rows={rows} columns={columns} rowKey={(s, i) => `${s.key}-${i}`} />;
}
