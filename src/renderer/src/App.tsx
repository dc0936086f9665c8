import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportKind } from '../../common/dto';
import { api, isDesktop } from './api';
import { importVulnDb } from './features/vulnerabilities/vulndb-state';
import { NotifyProvider, useNotify } from './components/Copyable';
import { exportSubject, runExport } from './lib/exporting';
import { DropZone } from './features/open/DropZone';
import { ErrorView } from './features/open/ErrorView';
import { Progress } from './features/open/Progress';
import { useAnalysis } from './features/open/useAnalysis';
import { OutcomeView, outcomeTitle } from './features/OutcomeView';
import { ReportHeader } from './features/ReportView';
import { SectionsView } from './features/sections/SectionsView';
import { useShortcuts } from './lib/shortcuts';
import type { Report } from '../../core/report/types';
import { IgnoredFiles } from './features/verify/IgnoredFiles';
import { useOpening } from './features/verify/useOpening';
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
  const binaryShown = state.kind === 'done' && state.outcome.kind === 'binary';
  const { openFiles, openInitial, verifying, ignored, dismissIgnored, forget } = useOpening(start, binaryShown);
  const close = useCallback(() => {
    forget();
    closeAnalysis();
  }, [forget, closeAnalysis]);
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
  const pickerRef = useRef<HTMLInputElement>(null);

  const open = useCallback(async () => {
    if (!isDesktop) return pickerRef.current?.click();
    const picked = await api.invoke('files:pick', true);
    if (picked.ok) openInitial(picked.value);
  }, [openInitial]);

  useEffect(() => {
    void api.invoke('files:initial').then((r) => r.ok && openInitial(r.value));
    const offOpened = api.on('files:opened', ({ files }) => openInitial(files));
    const offMenu = api.on('menu:command', ({ command }) => {
      if (command === 'open' || command === 'compare') void open();
      if (command === 'close') close();
      if (command.startsWith('export:')) exportAs(command.slice(7) as ExportKind);
      if (command === 'vulndb:import') void importVulnDb(null);
    });
    return () => {
      offOpened();
      offMenu();
    };
  }, [openInitial, open, close, exportAs]);

  useEffect(() => {
    const title = titleFor(state);
    document.title = title;
    void api.invoke('window:set-title', title);
  }, [state]);

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
        onChange={(e) => void openFiles([...(e.target.files ?? [])])}
      />
      <main>
        <IgnoredFiles files={ignored} onDismiss={dismissIgnored} />
        {state.kind === 'empty' && (
          <DropZone
            onOpen={() => void open()}
            onRecent={(r) => openInitial([{ source: { kind: 'recent', id: r.id }, name: r.name }])}
          />
        )}
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
          <VerificationContext.Provider value={verifying}>
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
