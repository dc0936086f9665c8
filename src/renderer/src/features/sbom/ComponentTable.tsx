import type { SbomComponent } from '../../../../core/sbom/types';
import { Copyable } from '../../components/Copyable';
import { VirtualTable, type Column } from '../../components/VirtualTable';

function hashText(c: SbomComponent): string {
  return c.hashes.map((h) => `${h.alg}:${h.content}`).join(' ');
}

function orDash(text: string) {
  return text || <span className="muted">—</span>;
}

function Hashes({ component }: { component: SbomComponent }) {
  const [first, ...rest] = component.hashes;
  if (!first) return orDash('');
  return (
    <>
      <Copyable value={first.content} label={`${first.alg} of ${component.name}`}>
        {first.alg} {first.content.slice(0, 8)}…{first.content.slice(-6)}
      </Copyable>
      {rest.length > 0 && <span className="muted"> +{rest.length}</span>}
    </>
  );
}

const columns: Column<SbomComponent>[] = [
  {
    key: 'name',
    header: 'Name',
    value: (c) => (c.group ? `${c.group}/${c.name}` : c.name),
    width: 'minmax(180px, 2fr)',
  },
  {
    key: 'version',
    header: 'Version',
    value: (c) => c.version,
    render: (c) => orDash(c.version),
    width: 'minmax(90px, 0.9fr)',
  },
  {
    key: 'purl',
    header: 'purl',
    value: (c) => c.purl,
    render: (c) => (c.purl ? <Copyable value={c.purl} label="purl" /> : orDash('')),
    width: 'minmax(220px, 2.6fr)',
  },
  { key: 'type', header: 'Type', value: (c) => c.type, render: (c) => orDash(c.type), width: 'minmax(80px, 0.7fr)' },
  {
    key: 'licenses',
    header: 'Licenses',
    value: (c) => c.licenses.join(', '),
    render: (c) => orDash(c.licenses.join(', ')),
    width: 'minmax(100px, 1fr)',
  },
  {
    key: 'hashes',
    header: 'Hashes',
    value: hashText,
    render: (c) => <Hashes component={c} />,
    width: 'minmax(170px, 1.3fr)',
  },
];

/** Every component the document lists, nested ones included: sortable, filterable, purls and hashes copy on click. */
export function ComponentTable({ components }: { components: SbomComponent[] }) {
  if (components.length === 0) return <p className="empty-note">The document lists no components.</p>;
  return (
    <VirtualTable
      label="Components"
      rows={components}
      columns={columns}
      rowKey={(c, i) => `${c.bomRef}-${i}`}
      initialSort={{ key: 'name' }}
    />
  );
}
