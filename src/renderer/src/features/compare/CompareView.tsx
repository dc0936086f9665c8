import { useId, useMemo } from 'react';
import type { AnalysisResult as Analysis, ExportKind } from '../../../../common/dto';
import type { Comparison, FileIdentity, ProgramIdentity } from '../../../../core/compare/types';
import { ExportBar } from '../report/ExportBar';
import { ProgramBanner } from './ProgramBanner';
import { Copyable } from '../../components/Copyable';
import { ChangedList } from './ChangedList';
import { CodeVerdict, ComparedSections } from './CodeVerdict';
import { DiffGroup, SideNames } from './DiffTable';
import { fileRows, findingRows, moduleRows, sectionRows, settingRows, verdictRows } from './diff-rows';
import { moduleSizeRows } from './size-rows';
import { StripPanel } from './StripPanel';
import { Size } from './values';
import { count } from '../../lib/format';
import './compare.css';

function FileCard({ side, file }: { side: 'A' | 'B'; file: FileIdentity }) {
  return (
    <section className="file-card" aria-label={`${side}: ${file.name}`}>
      <p className="file-card-name">
        <span className="side-badge">{side}</span> {file.name}
      </p>
      <p className="muted">
        {[file.format.toUpperCase(), file.arch, file.goVersion].filter(Boolean).join(' · ')} ·{' '}
        <Size bytes={file.size} />
      </p>
      <p className="file-card-hash">
        SHA-256 <Copyable value={file.sha256} label={`SHA-256 of ${side}`} />
      </p>
    </section>
  );
}

/** A comparison's exports: its own document and data; SARIF holds the findings B brought. */
const COMPARE_EXPORTS: readonly ExportKind[] = ['pdf', 'json', 'markdown', 'sarif'];

/**
 * Who before what: two different programs are said in a banner above every size and byte count; one program is a
 * quiet line. Read defensively: a comparison saved by an older version has no `program`.
 */
function ProgramLine({ program }: { program: ProgramIdentity | undefined }) {
  if (!program) return null;
  if (program.verdict === 'different')
    return <ProgramBanner title="Different programs" statement={program.statement} />;
  return <p className="muted program-line">{program.statement}</p>;
}

function WhatChanged({ lines, program }: { lines: string[]; program: ProgramIdentity | undefined }) {
  const id = useId();
  // The banner above already said it.
  const shown = lines.filter((line) => line !== program?.statement);
  return (
    <section className="compare-panel what-changed" aria-labelledby={id}>
      <h2 id={id}>What changed</h2>
      {shown.length === 0 ? (
        <p className="empty-note">Nothing that matters changed.</p>
      ) : (
        <ol>
          {shown.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
      )}
    </section>
  );
}

function SideBySide({ c, a, b }: { c: Comparison; a: Analysis; b: Analysis }) {
  const id = useId();
  const groups = useMemo(
    () => ({
      file: fileRows(c),
      settings: settingRows(c, a.report),
      modules: moduleRows(c, a.report),
      sections: sectionRows(c, a.report, b.report),
      moduleSizes: moduleSizeRows(c),
      findings: findingRows(c, a.report),
      verdicts: verdictRows(c, a.report),
    }),
    [c, a, b],
  );
  return (
    <section className="side-by-side" aria-labelledby={id}>
      <h2 id={id}>Side by side</h2>
      <DiffGroup title="File" what="Fact" rows={groups.file} />
      <DiffGroup title="Build settings" what="Setting" rows={groups.settings} />
      <DiffGroup title="Modules" what="Module" rows={groups.modules} />
      <DiffGroup title="Sections" what="Section" rows={groups.sections} />
      <DiffGroup title="Size by module" what="Module" rows={groups.moduleSizes} />
      <DiffGroup
        title={`Findings ${count(c.findings.countA ?? 0)} → ${count(c.findings.countB ?? 0)} (one row per evidence value)`}
        what="Finding"
        rows={groups.findings}
      />
      <DiffGroup title="Verdicts" what="Verdict" rows={groups.verdicts} />
      <ChangedList title="Functions" noun="functions" added={c.functions.added} removed={c.functions.removed} />
      <ChangedList
        title="Strings"
        noun={c.strings.listed === 'text' ? 'strings' : 'Go literals'}
        added={c.strings.added}
        removed={c.strings.removed}
        counted={`${count(c.strings.countA)} → ${count(c.strings.countB)} strings, as each Strings tab counts them`}
      />
    </section>
  );
}

/** Two binaries: A left, B right; the answer (code identical or not, what changed) on top, the evidence below. */
export function CompareView({
  a,
  b,
  comparison: c,
  onExport,
}: {
  a: Analysis;
  b: Analysis;
  comparison: Comparison;
  onExport?: (kind: ExportKind) => void;
}) {
  const names = useMemo(() => ({ a: c.a.name, b: c.b.name }), [c]);
  return (
    <SideNames.Provider value={names}>
      <div className="compare">
        <header className="compare-header">
          <h1>
            {c.a.name} ↔ {c.b.name}
          </h1>
          <ProgramLine program={c.program} />
          {onExport && <ExportBar label="Export the comparison" kinds={COMPARE_EXPORTS} onExport={onExport} />}
          <div className="sides">
            <FileCard side="A" file={c.a} />
            <FileCard side="B" file={c.b} />
          </div>
        </header>
        <div className="compare-top">
          <CodeVerdict code={c.code} strip={c.stripVerification} names={names} />
          <WhatChanged lines={c.summary} program={c.program} />
        </div>
        <ComparedSections code={c.code} />
        {c.stripVerification && <StripPanel strip={c.stripVerification} names={names} />}
        <SideBySide c={c} a={a} b={b} />
      </div>
    </SideNames.Provider>
  );
}
