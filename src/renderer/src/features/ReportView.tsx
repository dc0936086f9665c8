import { useState, type ReactNode } from 'react';
import type { AnalysisResult, ExportKind } from '../../../common/dto';
import { ReportTab } from './report/ReportTab';
import type { Report } from '../../../core/report/types';
import { Tabs } from '../components/Tabs';
import { useHeaderFold } from '../components/HeaderFold';
import { HexProvider } from './hex/HexView';
import { count } from '../lib/format';
import { BuildSettingsView } from './build/BuildSettingsView';
import { DependenciesView } from './dependencies/DependenciesView';
import { FindingsView, type EvidenceTarget } from './findings/FindingsView';
import { FunctionsView } from './functions/FunctionsView';
import { Overview } from './overview/Overview';
import { VerdictCards } from './overview/VerdictCards';
import { SectionsView } from './sections/SectionsView';
import { SizesView } from './sizes/SizesView';
import { StringsView } from './strings/StringsView';
import { VulnerabilitiesView } from './vulnerabilities/VulnerabilitiesView';

export interface TabSpec {
  id: string;
  label: string;
  render: () => ReactNode;
}

interface Navigation {
  tab: string;
  query: string;
}

function tabsFor(
  result: AnalysisResult,
  nav: Navigation,
  go: (target: EvidenceTarget) => void,
  onExport?: (kind: ExportKind) => void,
): TabSpec[] {
  const { report, strings } = result;
  const query = (tab: string): string => (nav.tab === tab ? nav.query : '');
  return [
    { id: 'overview', label: 'Overview', render: () => <Overview report={report} /> },
    {
      id: 'findings',
      label: `Findings (${count(report.findings.length)})`,
      render: () => <FindingsView report={report} onJump={go} />,
    },
    {
      id: 'vulnerabilities',
      label: report.vulnDb ? `Vulnerabilities (${count(report.vulnerabilities?.length ?? 0)})` : 'Vulnerabilities',
      render: () => <VulnerabilitiesView report={report} />,
    },
    {
      id: 'strings',
      label: `Strings (${count(strings.length)})`,
      render: () => <StringsView strings={strings} initialQuery={query('strings')} />,
    },
    {
      id: 'functions',
      label: `Functions (${count(report.go?.functions.length ?? 0)})`,
      render: () => <FunctionsView report={report} />,
    },
    {
      id: 'dependencies',
      label: `Dependencies (${count(report.go?.modules.length ?? 0)})`,
      render: () => <DependenciesView report={report} />,
    },
    ...(report.sizes ? [{ id: 'sizes', label: 'Sizes', render: () => <SizesView report={report} /> }] : []),
    {
      id: 'sections',
      label: `Sections (${report.sections.length})`,
      render: () => <SectionsView report={report} initialQuery={query('sections')} />,
    },
    { id: 'build', label: 'Build settings', render: () => <BuildSettingsView report={report} /> },
    ...(onExport
      ? [{ id: 'report', label: 'Report', render: () => <ReportTab report={report} onExport={onExport} /> }]
      : []),
  ];
}

export function ReportHeader({ report, children }: { report: Partial<Report>; children?: ReactNode }) {
  const go = report.go;
  return (
    <header className="report-header">
      <h1>{report.file?.name}</h1>
      <p className="muted">
        {[report.format, report.arch, go?.version, go?.buildInfo?.main?.path ?? go?.buildInfo?.path]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {children}
    </header>
  );
}

/** One analysed binary: header, verdict cards, and the tabs with the evidence. */
export function ReportView({ result, onExport }: { result: AnalysisResult; onExport?: (kind: ExportKind) => void }) {
  const [nav, setNav] = useState<Navigation>({ tab: 'overview', query: '' });
  const tabs = tabsFor(result, nav, (target) => setNav({ tab: target.tab, query: target.query }), onExport);
  const fold = useHeaderFold();
  return (
    <div className={`report ${fold.className}`}>
      <ReportHeader report={result.report}>{fold.toggle}</ReportHeader>
      <VerdictCards
        report={result.report}
        onOpen={(tab) => setNav({ tab, query: '' })}
        available={new Set(tabs.map((t) => t.id))}
      />
      <HexProvider report={result.report} strings={result.strings}>
        <Tabs tabs={tabs} active={nav.tab} onChange={(tab) => setNav({ tab, query: '' })} />
      </HexProvider>
    </div>
  );
}
