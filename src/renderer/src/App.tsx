import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportKind } from '../../common/dto';
import { api } from './api';
import { importVulnDb } from './features/vulnerabilities/vulndb-state';
import { NotifyProvider, useNotify } from './components/Copyable';
import { exportSubject, runExport } from './lib/exporting';
import { DropZone } from './features/open/DropZone';
import { ErrorView } from './features/open/ErrorView';
import { Progress } from './features/open/Progress';
import { useAnalysis } from './features/open/useAnalysis';
import { useOpening } from './features/open/useOpening';
import { OutcomeView, outcomeTitle } from './features/OutcomeView';
import { ReportHeader } from './features/ReportView';
import { SectionsView } from './features/sections/SectionsView';
import { Toolbar } from './components/Toolbar';
import { useShortcuts } from './lib/shortcuts';
import type { Report } from '../../core/report/types';
import { IgnoredFiles } from './features/verify/IgnoredFiles';
import { VerificationContext } from './features/verify/VerificationContext';

function titleFor(state: ReturnType<typeof useAnalysis>['state']): string {
  if (state.kind === 'done') return `${outcomeTitle(state.outcome)} — Gobinscope`;
  if (state.kind === 'analysing') return `${state.fileName} — Gobinscope`;
  return 'Gobinscope';
}

export function App() {
  return (
    <NotifyProvider>
      <Workbench />
    </NotifyProvider>
  );
}

function Workbench() {
  const { state, start, cancel, close: closeAnalysis } = useAnalysis();
  const notify = useNotify();
  const outcome = state.kind === 'done' ? state.outcome : null;
  const exportAs = useCallback(
    (kind: ExportKind) => {
      const subject = outcome ? exportSubject(outcome) : null;
      if (!subject) return notify('Open a binary first: there is nothing to export.');
      void runExport(kind, subject.report, subject.extras).then(notify);
    },
    [outcome, notify],
  );
  const [dragging, setDragging] = useState(false);
  const opening = useOpening(start, outcome);
  const { pickerRef, openFiles, openInitial, openRecent, open, compare, onPicked, canCompare, forget } = opening;
  const close = useCallback(() => {
    forget();
    closeAnalysis();
  }, [forget, closeAnalysis]);

  // Once per page: serve mode offers the files named on its command line to every page that asks, so asking again
  // whenever a callback changes (as a finished analysis changes the export callback) started the analysis over and
  // over, and the window sat on "Done…" for good.
  const askedInitial = useRef(false);
  useEffect(() => {
    if (askedInitial.current) return;
    askedInitial.current = true;
    void api.invoke('files:initial').then((r) => r.ok && openInitial(r.value));
  }, [openInitial]);

  useEffect(() => {
    const offOpened = api.on('files:opened', ({ files }) => openInitial(files));
    const offMenu = api.on('menu:command', ({ command }) => {
      if (command === 'open') void open();
      if (command === 'compare') void compare();
      if (command === 'close') close();
      if (command.startsWith('export:')) exportAs(command.slice(7) as ExportKind);
      if (command === 'vulndb:import') void importVulnDb(null);
    });
    return () => {
      offOpened();
      offMenu();
    };
  }, [openInitial, open, compare, close, exportAs]);

  const title = titleFor(state);
  useEffect(() => {
    document.title = title;
    void api.invoke('window:set-title', title);
  }, [title]);

  useShortcuts({ open: () => void open(), close, exportPdf: () => exportAs('pdf') });

  const onDrop = (event: React.DragEvent): void => {
    event.preventDefault();
    setDragging(false);
    void openFiles([...event.dataTransfer.files]);
  };

  return (
    <div
      className={`app${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={onDrop}
    >
      <input
        ref={pickerRef}
        type="file"
        hidden
        aria-label="Choose a file"
        multiple
        onChange={(e) => {
          void onPicked([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
      <Toolbar
        onOpen={() => void open()}
        onCompare={canCompare ? () => void compare() : null}
        onClose={state.kind === 'empty' ? null : close}
        onExport={outcome && outcome.kind !== 'sbom' ? exportAs : null}
      />
      <main>
        <IgnoredFiles files={opening.ignored} onDismiss={opening.dismissIgnored} />
        {state.kind === 'empty' && <DropZone onOpen={() => void open()} onRecent={openRecent} />}
        {state.kind === 'analysing' && (
          <>
            <Progress
              fileName={state.fileName}
              fileSize={state.fileSize}
              stage={state.stage}
              fraction={state.fraction}
              onCancel={cancel}
            />
            {state.partial?.sections && <PartialSections report={state.partial} />}
          </>
        )}
        {state.kind === 'error' && <ErrorView fileName={state.fileName} error={state.error} onDismiss={close} />}
        {state.kind === 'done' && (
          <VerificationContext.Provider value={opening.verifying}>
            <OutcomeView outcome={state.outcome} jobId={state.jobId} onExport={exportAs} />
          </VerificationContext.Provider>
        )}
      </main>
    </div>
  );
}

/** Sections arrive first; show them while the rest of the analysis runs. */
function PartialSections({ report }: { report: Partial<Report> }) {
  return (
    <div className="partial">
      <ReportHeader report={report} />
      <SectionsView report={report as Report} />
    </div>
  );
}
