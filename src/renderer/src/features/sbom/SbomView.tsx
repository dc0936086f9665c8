import { useState } from 'react';
import type { SbomDocument } from '../../../../core/workbench';
import { Copyable } from '../../components/Copyable';
import { Tabs } from '../../components/Tabs';
import { count } from '../../lib/format';
import { Size } from '../compare/values';
import { ComponentTable } from './ComponentTable';
import { DependencyTree } from './DependencyTree';
import { FORMAT_NAME, plural } from './labels';
import { ValidationBanner } from './ValidationBanner';
import './sbom.css';

function Metadata({ doc }: { doc: SbomDocument }) {
  const { sbom } = doc;
  const described = sbom.metadata.component;
  const name = sbom.metadata.name ?? described?.name;
  const version = sbom.metadata.version ?? described?.version;
  return (
    <dl className="facts sbom-facts" aria-label="Document">
      <dt>Format</dt>
      <dd>
        {FORMAT_NAME[sbom.format]}, spec version {sbom.specVersion}
      </dd>
      <dt>Name</dt>
      <dd>{[name, version].filter(Boolean).join(' ') || <span className="muted">not given</span>}</dd>
      {described?.purl && (
        <>
          <dt>Describes</dt>
          <dd>
            <Copyable value={described.purl} label="purl" />
          </dd>
        </>
      )}
      <dt>Created</dt>
      <dd>{sbom.metadata.timestamp ?? <span className="muted">no timestamp</span>}</dd>
      <dt>Tools</dt>
      <dd>{sbom.metadata.tools.join(', ') || <span className="muted">none named</span>}</dd>
      <dt>File</dt>
      <dd>
        {doc.fileName} · <Size bytes={doc.size} />
      </dd>
    </dl>
  );
}

/** An SBOM: what it is, whether it follows its schema, its components and their dependency tree. */
export function SbomView({ document: doc, nested = false }: { document: SbomDocument; nested?: boolean }) {
  const [tab, setTab] = useState('sbom-components');
  const Heading = nested ? 'h2' : 'h1';
  const tabs = [
    {
      id: 'sbom-components',
      label: `Components (${count(doc.sbom.components.length)})`,
      render: () => <ComponentTable components={doc.sbom.components} />,
    },
    { id: 'sbom-tree', label: 'Dependency tree', render: () => <DependencyTree sbom={doc.sbom} /> },
  ];
  return (
    <div className="sbom">
      <header className="sbom-header">
        <Heading>{doc.fileName}</Heading>
        <p className="muted">
          SBOM · {FORMAT_NAME[doc.sbom.format]} {doc.sbom.specVersion} ·{' '}
          {plural(doc.sbom.components.length, 'component')}
        </p>
      </header>
      <ValidationBanner sbom={doc.sbom} validation={doc.validation} />
      <Metadata doc={doc} />
      <Tabs tabs={tabs} active={tab} onChange={setTab} label="SBOM" />
    </div>
  );
}
