import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportKind, InitialFile } from '../../common/dto';
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
import { sortFiles } from './features/verify/sort-files';
import type { IgnoredFile } from './features/verify/sort-drop';
import { useVerification } from './features/verify/useVerification';
import { VerificationContext, type VerificationApi } from './features/verify/VerificationContext';

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
  const { verification, reset, add } = useVerification();
  const [ignored, setIgnored] = useState<IgnoredFile[]>([]);
  const close = useCallback(() => {
    reset(null);
    closeAnalysis();
  }, [reset, closeAnalysis]);
  const binaryOpen = state.kind === 'done' && state.outcome.kind === 'binary' && verification.binary !== null;
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

  const openFiles = useCallback(
    async (dropped: File[]) => {
      // A signature, key or go.sum goes to the check of the binary; nothing is left out without saying why.
      const sorted = await sortFiles(dropped, binaryOpen);
      setIgnored(sorted.ignored);
      const files = sorted.open;
      if (files.length === 0) {
        if (Object.keys(sorted.material).length > 0) add(sorted.material);
        return;
      }
      const sources = [];
      for (const file of files) {
        const source = await api.sourceFor(file);
        if (!source.ok) return setIgnored((was) => [...was, { name: file.name, why: source.error.message }]);
        sources.push(source.value);
      }
      reset(files.length === 1 ? { kind: 'file', file: files[0]! } : null, sorted.material);
      void start(
        sources,
        files.map((f) => f.name).join(' + '),
        files.reduce((n, f) => n + f.size, 0),
      );
    },
    [start, binaryOpen, add, reset],
  );
  const openInitial = useCallback(
    (files: InitialFile[]) => {
      const chosen = files.slice(0, 2);
      if (chosen.length === 0) return;
      reset(chosen.length === 1 ? { kind: 'source', source: chosen[0]!.source } : null);
      void start(
        chosen.map((f) => f.source),
        chosen.map((f) => f.name).join(' + '),
      );
    },
    [start, reset],
  );
  const addFiles = useCallback(
    async (files: File[]): Promise<IgnoredFile[]> => {
      const sorted = await sortFiles(files, true);
      if (Object.keys(sorted.material).length > 0) add(sorted.material);
      const why = 'not a signature, public key or go.sum: open another binary with Open… or a drop';
      return [...sorted.ignored, ...sorted.open.map((file) => ({ name: file.name, why }))];
    },
    [add],
  );
  const verifying: VerificationApi = { verification, addFiles };
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
        <IgnoredFiles files={ignored} onDismiss={() => setIgnored([])} />
        {state.kind === 'empty' && (
          <DropZone
            onOpen={() => void open()}
            onRecent={(r) => {
              reset({ kind: 'source', source: { kind: 'recent', id: r.id } });
              void start([{ kind: 'recent', id: r.id }], r.name);
            }}
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
