import { useCallback, useRef } from 'react';
import type { FileSource, InitialFile, Outcome, RecentFile } from '../../../../common/dto';
import { api, isDesktop } from '../../api';
import { outcomeTitle } from '../OutcomeView';
import type { useAnalysis } from './useAnalysis';

/** Upload (serve) or register (app) each file; null when one of them could not be. */
async function sourcesFor(files: File[]): Promise<FileSource[] | null> {
  const sources: FileSource[] = [];
  for (const file of files) {
    const source = await api.sourceFor(file);
    if (!source.ok) return null;
    sources.push(source.value);
  }
  return sources;
}

/**
 * Opening files: dropped or picked, named on the command line, from the recent list, and a second file to compare
 * with the one open (the toolbar's Compare with…). The open file's sources are kept as a way to get them again:
 * an upload is read once, so a browser sends the file again for the comparison.
 */
export function useOpening(start: ReturnType<typeof useAnalysis>['start'], outcome: Outcome | null) {
  const pickerRef = useRef<HTMLInputElement>(null);
  /** What the next pick is for: a file to open, or a second one to compare with the one open. */
  const pickForRef = useRef<'open' | 'compare'>('open');
  /** Sources for the file open now, fresh each time: an upload is read once, so a browser sends the file again. */
  const reopenRef = useRef<(() => Promise<FileSource[] | null>) | null>(null);

  const openFiles = useCallback(
    async (dropped: File[]) => {
      const files = dropped.slice(0, 2);
      if (files.length === 0) return;
      const sources = await sourcesFor(files);
      if (!sources) return;
      reopenRef.current = isDesktop ? async () => sources : () => sourcesFor(files);
      void start(
        sources,
        files.map((f) => f.name).join(' + '),
        files.reduce((n, f) => n + f.size, 0),
      );
    },
    [start],
  );
  const openInitial = useCallback(
    (files: InitialFile[]) => {
      const chosen = files.slice(0, 2);
      if (chosen.length === 0) return;
      const sources = chosen.map((f) => f.source);
      reopenRef.current = async () => sources;
      void start(sources, chosen.map((f) => f.name).join(' + '));
    },
    [start],
  );
  const open = useCallback(async () => {
    pickForRef.current = 'open';
    if (!isDesktop) return pickerRef.current?.click();
    const picked = await api.invoke('files:pick', true);
    if (picked.ok) openInitial(picked.value);
  }, [openInitial]);
  const { compare, onPicked, canCompare } = useCompareWith({
    start,
    outcome,
    reopenRef,
    pickForRef,
    pickerRef,
    open,
    openFiles,
  });

  const openRecent = useCallback(
    (recent: RecentFile) => {
      const sources: FileSource[] = [{ kind: 'recent', id: recent.id }];
      reopenRef.current = async () => sources;
      void start(sources, recent.name);
    },
    [start],
  );
  return { pickerRef, openFiles, openInitial, openRecent, open, compare, onPicked, canCompare };
}

interface CompareDeps {
  start: ReturnType<typeof useAnalysis>['start'];
  outcome: Outcome | null;
  reopenRef: React.RefObject<(() => Promise<FileSource[] | null>) | null>;
  pickForRef: React.RefObject<'open' | 'compare'>;
  pickerRef: React.RefObject<HTMLInputElement | null>;
  open: () => Promise<void>;
  openFiles: (files: File[]) => Promise<void>;
}

/** Compare with…: the file open now (sent again if need be) and a second one the person picks. */
function useCompareWith({ start, outcome, reopenRef, pickForRef, pickerRef, open, openFiles }: CompareDeps) {
  const openingOne = outcome?.kind === 'binary' || outcome?.kind === 'sbom';
  const compareWith = useCallback(
    async (extra: FileSource, extraName: string) => {
      const base = await reopenRef.current?.();
      if (!base || base.length !== 1) return;
      const name = `${outcome ? outcomeTitle(outcome) : 'open file'} + ${extraName}`;
      reopenRef.current = null;
      void start([base[0]!, extra], name);
    },
    [start, outcome, reopenRef],
  );
  const compare = useCallback(async () => {
    if (!openingOne || !reopenRef.current) return open();
    pickForRef.current = 'compare';
    if (!isDesktop) return pickerRef.current?.click();
    const picked = await api.invoke('files:pick', false);
    if (picked.ok && picked.value[0]) void compareWith(picked.value[0].source, picked.value[0].name);
  }, [openingOne, open, compareWith, reopenRef, pickForRef, pickerRef]);
  const onPicked = async (files: File[]): Promise<void> => {
    if (pickForRef.current === 'open' || !files[0]) return openFiles(files);
    const extra = await api.sourceFor(files[0]);
    if (extra.ok) void compareWith(extra.value, files[0].name);
  };

  return { compare, onPicked, canCompare: openingOne };
}
