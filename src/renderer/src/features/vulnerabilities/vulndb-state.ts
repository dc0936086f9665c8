import { useCallback, useEffect, useState } from 'react';
import { api, isDesktop } from '../../api';
import type { ErrorInfo, Result } from '../../../../common/result';
import type { VulnDbInfo } from '../../../../core/report/types';

/**
 * Views showing the host's database, told about every import (from the tab or the menu): they ask for the status
 * again after a success and show the error of a failure.
 */
const watchers = new Set<(error: ErrorInfo | null) => void>();

function changed(error: ErrorInfo | null): void {
  for (const watcher of watchers) watcher(error);
}

/**
 * Imports a database: the app opens its own dialog (file null); a browser uploads the chosen zip first, through the
 * same upload path and limits as a dropped binary. Null when the user cancelled.
 */
export async function importVulnDb(file: File | null): Promise<Result<VulnDbInfo | null>> {
  let upload: string | null = null;
  if (!isDesktop) {
    if (!file) return { ok: true, value: null };
    const source = await api.sourceFor(file);
    if (!source.ok || source.value.kind !== 'upload') {
      const error = source.ok ? { code: 'BAD_SOURCE', message: `${file.name} could not be uploaded.` } : source.error;
      changed(error);
      return { ok: false, error };
    }
    upload = source.value.id;
  }
  const result = await api.invoke('vulndb:import', upload);
  if (!result.ok) changed(result.error);
  else if (result.value) changed(null);
  return result;
}

export interface VulnDbState {
  /** The host's database now; undefined while asking. */
  current: VulnDbInfo | null | undefined;
  error: ErrorInfo | null;
  /** The database this view imported last, to tell when another one set by --vulndb or GOBINSCOPE_VULNDB wins. */
  imported: VulnDbInfo | null;
  busy: boolean;
  run: (file: File | null) => void;
}

/** The host's current database (asked on mount and after every import) and an import action with its outcome. */
export function useVulnDb(): VulnDbState {
  const [current, setCurrent] = useState<VulnDbInfo | null | undefined>(undefined);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [imported, setImported] = useState<VulnDbInfo | null>(null);
  useEffect(() => {
    let live = true;
    const ask = (): void => {
      void api.invoke('vulndb:status').then((r) => {
        if (!live) return;
        setCurrent(r.ok ? r.value : null);
        setError(r.ok ? null : r.error);
      });
    };
    const onImport = (failure: ErrorInfo | null): void => {
      if (failure) setError(failure);
      else ask();
    };
    ask();
    watchers.add(onImport);
    return () => {
      live = false;
      watchers.delete(onImport);
    };
  }, []);
  const run = useCallback((file: File | null) => {
    setBusy(true);
    setError(null);
    void importVulnDb(file)
      .then((r) => r.ok && r.value && setImported(r.value))
      .finally(() => setBusy(false));
  }, []);
  return { current, error, imported, busy, run };
}
