import { useId, useMemo } from 'react';
import type { AnalysisResult as Analysis } from '../../../../common/dto';
import type { Comparison, FileIdentity } from '../../../../core/compare/types';
import { Copyable } from '../../components/Copyable';
import { ChangedList } from './ChangedList';
import { CodeVerdict, ComparedSections } from './CodeVerdict';
import { DiffGroup, SideNames } from './DiffTable';
import { fileRows, findingRows, moduleRows, sectionRows, settingRows, verdictRows } from './diff-rows';
import { moduleSizeRows } from './size-rows';
import { StripPanel } from './StripPanel';
import { Size } from './values';
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

function WhatChanged({ lines }: { lines: string[] }) {
  const id = useId();
  return (
    <section className="compare-panel what-changed" aria-labelledby={id}>
      <h2 id={id}>What changed</h2>
      {lines.length === 0 ? (
        <p className="empty-note">Nothing that matters changed.</p>
      ) : (
        <ol>
          {lines.map((line) => (
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
      <DiffGroup title="Findings" what="Finding" rows={groups.findings} />
      <DiffGroup title="Verdicts" what="Verdict" rows={groups.verdicts} />
      <ChangedList title="Functions" noun="functions" added={c.functions.added} removed={c.functions.removed} />
      <ChangedList title="Strings" noun="strings" added={c.strings.added} removed={c.strings.removed} />
    </section>
  );
}

/** Two binaries: A left, B right; the answer (code identical or not, what changed) on top, the evidence below. */
export function CompareView({ a, b, comparison: c }: { a: Analysis; b: Analysis; comparison: Comparison }) {
  const names = useMemo(() => ({ a: c.a.name, b: c.b.name }), [c]);
  return (
    <SideNames.Provider value={names}>
      <div className="compare">
        <header className="compare-header">
          <h1>
            {c.a.name} ↔ {c.b.name}
          </h1>
          <div className="sides">
            <FileCard side="A" file={c.a} />
            <FileCard side="B" file={c.b} />
          </div>
        </header>
        <div className="compare-top">
          <CodeVerdict code={c.code} strip={c.stripVerification} names={names} />
          <WhatChanged lines={c.summary} />
        </div>
        <ComparedSections code={c.code} />
        {c.stripVerification && <StripPanel strip={c.stripVerification} names={names} />}
        <SideBySide c={c} a={a} b={b} />
      </div>
    </SideNames.Provider>
  );
}
