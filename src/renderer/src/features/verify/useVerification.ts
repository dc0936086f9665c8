import { useCallback, useRef, useState } from 'react';
import type { FileSource } from '../../../../common/dto';
import type { ErrorInfo, Result } from '../../../../common/result';
import type { VerificationResult, VerifyRequest } from '../../../../common/verify';
import { api } from '../../api';
import type { MaterialSlot } from './sort-drop';

/**
 * How to reach the opened binary again for a check: a File is sent again (serve mode's upload of it was used up by
 * the analysis; in the app it is registered by its path again), a source from the command line, a dialog or the
 * recent list is reused as it is.
 */
export type BinaryRef = { kind: 'file'; file: File } | { kind: 'source'; source: FileSource };

export type CheckStatus =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'done'; result: VerificationResult }
  | { kind: 'failed'; error: ErrorInfo };

export interface Verification {
  /** The binary the material belongs to; null when what is open cannot be checked (two files, an SBOM). */
  binary: BinaryRef | null;
  material: Partial<Record<MaterialSlot, File>>;
  status: CheckStatus;
}

const EMPTY: Verification = { binary: null, material: {}, status: { kind: 'idle' } };

async function sourceOf(ref: BinaryRef): Promise<Result<FileSource>> {
  return ref.kind === 'source' ? { ok: true, value: ref.source } : api.sourceFor(ref.file);
}

async function optionalSource(file: File | undefined): Promise<Result<FileSource | null>> {
  return file ? api.sourceFor(file) : { ok: true, value: null };
}

/** Sends the binary and the material to the host and waits for its answer. */
async function check(binary: BinaryRef, material: Verification['material']): Promise<Result<VerificationResult>> {
  const file = await sourceOf(binary);
  if (!file.ok) return file;
  const request: VerifyRequest = { file: file.value, signature: null, key: null, trustedRoot: null, goSum: null };
  for (const slot of ['signature', 'key', 'trustedRoot', 'goSum'] as const) {
    const source = await optionalSource(material[slot]);
    if (!source.ok) return source;
    request[slot] = source.value;
  }
  return api.invoke('signature:verify', request);
}

/** The check of the binary on screen: material gathered from drops and the picker, and the host's last answer. */
export function useVerification() {
  const [state, setState] = useState<Verification>(EMPTY);
  // The newest state, for adding material to it; an answer for an older state is dropped.
  const latest = useRef<Verification>(EMPTY);

  const show = useCallback((next: Verification) => {
    latest.current = next;
    setState(next);
  }, []);

  const run = useCallback(
    (next: Verification) => {
      const ready = next.binary !== null && (next.material.signature ?? next.material.goSum) !== undefined;
      const shown: Verification = { ...next, status: ready ? { kind: 'checking' } : { kind: 'idle' } };
      show(shown);
      if (!ready) return;
      void check(next.binary!, next.material).then((result) => {
        if (latest.current !== shown) return;
        show({
          ...shown,
          status: result.ok ? { kind: 'done', result: result.value } : { kind: 'failed', error: result.error },
        });
      });
    },
    [show],
  );

  /** A new binary was opened (or none that can be checked): earlier material and answers are forgotten. */
  const reset = useCallback(
    (binary: BinaryRef | null, material: Verification['material'] = {}) => run({ ...EMPTY, binary, material }),
    [run],
  );

  /** More material for the binary on screen: it replaces what filled the same slot, and the check runs again. */
  const add = useCallback(
    (material: Verification['material']) =>
      run({ ...latest.current, material: { ...latest.current.material, ...material } }),
    [run],
  );

  return { verification: state, reset, add };
}
