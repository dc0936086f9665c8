import { useCallback, useState } from 'react';
import type { FileSource, InitialFile } from '../../../../common/dto';
import { api } from '../../api';
import type { IgnoredFile } from './sort-drop';
import { sortFiles } from './sort-files';
import { useVerification } from './useVerification';
import type { VerificationApi } from './VerificationContext';

type Start = (sources: FileSource[], fileName: string, fileSize?: number) => Promise<void>;

const NOT_MATERIAL = 'not a signature, public key or go.sum: open another binary with Open… or a drop';

/**
 * Opening files with their check: a drop or a pick is sorted into files to analyse and material for the check of
 * the binary, and what neither can use is named with the reason. `binaryShown`: a single binary's report is on
 * screen, so material dropped alone checks it.
 */
export function useOpening(start: Start, binaryShown: boolean) {
  const { verification, reset, add } = useVerification();
  const [ignored, setIgnored] = useState<IgnoredFile[]>([]);
  const binaryOpen = binaryShown && verification.binary !== null;

  const openFiles = useCallback(
    async (dropped: File[]) => {
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
      const size = files.reduce((n, f) => n + f.size, 0);
      void start(sources, files.map((f) => f.name).join(' + '), size);
    },
    [start, binaryOpen, add, reset],
  );

  /** Files from the command line, a dialog or the recent list: their sources stay valid for a later check. */
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
      return [...sorted.ignored, ...sorted.open.map((file) => ({ name: file.name, why: NOT_MATERIAL }))];
    },
    [add],
  );

  const verifying: VerificationApi = { verification, addFiles };
  return {
    openFiles,
    openInitial,
    verifying,
    ignored,
    dismissIgnored: () => setIgnored([]),
    forget: () => reset(null),
  };
}
