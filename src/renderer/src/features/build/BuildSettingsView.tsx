import type { Report } from '../../../../core/report/types';
import { MaskedText } from '../../components/Reveal';
import { VirtualTable, type Column } from '../../components/VirtualTable';

interface Setting {
  key: string;
  value: string;
  /** Where the value sits in the analysis, for revealing it when it was masked. */
  path: string | null;
}

const columns: Column<Setting>[] = [
  { key: 'key', header: 'Setting', value: (s) => s.key, width: 'minmax(160px, 1fr)' },
  {
    key: 'value',
    header: 'Value',
    value: (s) => s.value,
    render: (s) => <MaskedText text={s.value} path={s.path} label={s.key} />,
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
    { key: 'go', value: report.go?.version ?? '', path: null },
    { key: 'path', value: bi.path, path: 'report/go/buildInfo/path' },
    ...(bi.main ? [{ key: 'mod', value: `${bi.main.path} ${bi.main.version} ${bi.main.sum}`.trim(), path: null }] : []),
    ...bi.settings.map((s, i) => ({ ...s, path: `report/go/buildInfo/settings/${i}/value` })),
  ];
  return <VirtualTable label="Build settings" rows={rows} columns={columns} rowKey={(s, i) => `${s.key}-${i}`} />;
}
