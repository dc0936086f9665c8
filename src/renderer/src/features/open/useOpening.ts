import { useCallback, useRef, useState } from 'react';
import type { FileSource, InitialFile, Outcome, RecentFile } from '../../../../common/dto';
import { api, isDesktop } from '../../api';
import { outcomeTitle } from '../OutcomeView';
import type { IgnoredFile } from '../verify/sort-drop';
import { sortFiles } from '../verify/sort-files';
import { useVerification } from '../verify/useVerification';
import type { VerificationApi } from '../verify/VerificationContext';
import type { useAnalysis } from './useAnalysis';

const NOT_MATERIAL = 'not a signature, public key or go.sum: open another binary with Open… or a drop';

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
 * with the one open (the toolbar's Compare with…). A drop or a pick is sorted into files to analyse and material
 * for the check of the binary (signature, key, go.sum), and what neither can use is named with the reason. The open
 * file's sources are kept as a way to get them again: an upload is read once, so a browser sends the file again
 * for the comparison.
 */
export function useOpening(start: ReturnType<typeof useAnalysis>['start'], outcome: Outcome | null) {
  const pickerRef = useRef<HTMLInputElement>(null);
  /** What the next pick is for: a file to open, or a second one to compare with the one open. */
  const pickForRef = useRef<'open' | 'compare'>('open');
  /** Sources for the file open now, fresh each time: an upload is read once, so a browser sends the file again. */
  const reopenRef = useRef<(() => Promise<FileSource[] | null>) | null>(null);
  const { verification, reset, add } = useVerification();
  const [ignored, setIgnored] = useState<IgnoredFile[]>([]);
  // A single binary's report is on screen: material dropped alone checks it.
  const binaryOpen = outcome?.kind === 'binary' && verification.binary !== null;
  const forget = useCallback(() => reset(null), [reset]);

  const openFiles = useCallback(
    async (dropped: File[]) => {
      const sorted = await sortFiles(dropped, binaryOpen);
      setIgnored(sorted.ignored);
      const files = sorted.open;
      if (files.length === 0) {
        if (Object.keys(sorted.material).length > 0) add(sorted.material);
        return;
      }
      const sources: FileSource[] = [];
      for (const file of files) {
        const source = await api.sourceFor(file);
        if (!source.ok) return setIgnored((was) => [...was, { name: file.name, why: source.error.message }]);
        sources.push(source.value);
      }
      reset(files.length === 1 ? { kind: 'file', file: files[0]! } : null, sorted.material);
      reopenRef.current = isDesktop ? async () => sources : () => sourcesFor(files);
      void start(
        sources,
        files.map((f) => f.name).join(' + '),
        files.reduce((n, f) => n + f.size, 0),
      );
    },
    [start, binaryOpen, add, reset],
  );
  /** Files from the command line, a dialog or the recent list: their sources stay valid for a later check. */
  const openInitial = useCallback(
    (files: InitialFile[]) => {
      const chosen = files.slice(0, 2);
      if (chosen.length === 0) return;
      const sources = chosen.map((f) => f.source);
      reset(chosen.length === 1 ? { kind: 'source', source: sources[0]! } : null);
      reopenRef.current = async () => sources;
      void start(sources, chosen.map((f) => f.name).join(' + '));
    },
    [start, reset],
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
    forget,
  });

  const openRecent = useCallback(
    (recent: RecentFile) => openInitial([{ source: { kind: 'recent', id: recent.id }, name: recent.name }]),
    [openInitial],
  );
  const addFiles = useCallback(
    async (files: File[]): Promise<IgnoredFile[]> => {
      const sorted = await sortFiles(files, true);
      if (Object.keys(sorted.material).length > 0) add(sorted.material);
      return [...sorted.ignored, ...sorted.open.map((file) => ({ name: file.name, why: NOT_MATERIAL }))];
    },
    [add],
  );
  const verifying: VerificationApi = { verification, addFiles };
  return {
    pickerRef,
    openFiles,
    openInitial,
    openRecent,
    open,
    compare,
    onPicked,
    canCompare,
    verifying,
    ignored,
    dismissIgnored: () => setIgnored([]),
    forget,
  };
}

interface CompareDeps {
  start: ReturnType<typeof useAnalysis>['start'];
  outcome: Outcome | null;
  reopenRef: React.RefObject<(() => Promise<FileSource[] | null>) | null>;
  pickForRef: React.RefObject<'open' | 'compare'>;
  pickerRef: React.RefObject<HTMLInputElement | null>;
  open: () => Promise<void>;
  openFiles: (files: File[]) => Promise<void>;
  /** Drops the check material of the file open now: a comparison has no single binary to check. */
  forget: () => void;
}

/** Compare with…: the file open now (sent again if need be) and a second one the person picks. */
function useCompareWith({ start, outcome, reopenRef, pickForRef, pickerRef, open, openFiles, forget }: CompareDeps) {
  const openingOne = outcome?.kind === 'binary' || outcome?.kind === 'sbom';
  const compareWith = useCallback(
    async (extra: FileSource, extraName: string) => {
      const base = await reopenRef.current?.();
      if (!base || base.length !== 1) return;
      const name = `${outcome ? outcomeTitle(outcome) : 'open file'} + ${extraName}`;
      reopenRef.current = null;
      forget();
      void start([base[0]!, extra], name);
    },
    [start, outcome, reopenRef, forget],
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
