import { useId, useState } from 'react';
import type { AnalysisResult, ExportKind } from '../../../../common/dto';
import { otherProgramStatement } from '../../../../core/report/html/reconciliation';
import { ExportBar } from '../report/ExportBar';
import { ProgramBanner } from '../compare/ProgramBanner';
import type { Reconciliation } from '../../../../core/sbom/types';
import { RECONCILE_KINDS } from '../../../../core/sbom/types';
import type { SbomDocument } from '../../../../core/workbench';
import { Tabs } from '../../components/Tabs';
import { count } from '../../lib/format';
import { ReportView } from '../ReportView';
import { KIND_TEXT, plural } from './labels';
import { ReconcileItems } from './ReconcileItems';
import { SbomView } from './SbomView';
import './sbom.css';

function Verdict({ reconciliation: r }: { reconciliation: Reconciliation }) {
  const id = useId();
  const match = r.verdict === 'match';
  const { counts } = r;
  return (
    <section
      className={`verdict-banner reconcile-verdict ${r.verdict === 'match' ? 'tone-good' : 'tone-bad'}`}
      aria-labelledby={id}
    >
      <h2 id={id}>
        <span aria-hidden="true" className="verdict-icon">
          {match ? '✓' : '✗'}
        </span>{' '}
        {match ? 'Match' : 'Mismatch'}
      </h2>
      <p>{r.summary}</p>
      <ul className="kind-counts" aria-label="Discrepancies by kind">
        {RECONCILE_KINDS.map((kind) => (
          <li key={kind} className={counts.byKind[kind] > 0 ? 'has-items' : 'muted'}>
            <strong>{count(counts.byKind[kind])}</strong> {KIND_TEXT[kind].short}
          </li>
        ))}
      </ul>
      <p className="muted">
        {count(counts.matched)} of {plural(counts.binaryModules, 'binary module')} named by the SBOM ·{' '}
        {plural(counts.sbomComponents, 'SBOM component')}
        {counts.ignored > 0 && ` · ${count(counts.ignored)} not Go modules, not compared`}
      </p>
    </section>
  );
}

/** A reconciliation's exports: its own document and data; SARIF holds one result per disagreement. */
const RECONCILE_EXPORTS: readonly ExportKind[] = ['pdf', 'json', 'markdown', 'sarif'];

/** "This SBOM describes X, not Y": above everything else, since every disagreement below follows from it. */
function OtherProgram({ reconciliation }: { reconciliation: Reconciliation }) {
  const statement = otherProgramStatement(reconciliation);
  return statement ? <ProgramBanner title="Another program" statement={statement} /> : null;
}

interface Props {
  analysis: AnalysisResult;
  document: SbomDocument;
  reconciliation: Reconciliation;
  onExport?: (kind: ExportKind) => void;
}

/** A binary with its SBOM: the reconciliation on top, then the binary's report and the SBOM itself in tabs. */
export function ReconcileView({ analysis, document, reconciliation, onExport }: Props) {
  const [tab, setTab] = useState('binary');
  const tabs = [
    { id: 'binary', label: `Binary: ${analysis.report.file.name}`, render: () => <ReportView result={analysis} /> },
    { id: 'sbom', label: `SBOM: ${document.fileName}`, render: () => <SbomView document={document} nested /> },
  ];
  return (
    <div className="reconcile">
      <header className="reconcile-header">
        <h1>
          {analysis.report.file.name} + {document.fileName}
        </h1>
        <p className="muted">
          The modules the binary's build info records, checked against the components the SBOM declares.
        </p>
        {onExport && <ExportBar label="Export the reconciliation" kinds={RECONCILE_EXPORTS} onExport={onExport} />}
      </header>
      <OtherProgram reconciliation={reconciliation} />
      <Verdict reconciliation={reconciliation} />
      <ReconcileItems items={reconciliation.items} />
      <div className="reconcile-tabs">
        <Tabs tabs={tabs} active={tab} onChange={setTab} label="Binary and SBOM" />
      </div>
    </div>
  );
}
