import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api';
import { Copyable, useNotify } from './Copyable';

/** Which finished job a screen shows, and which of its texts were masked (paths inside one analysis). */
interface RevealScope {
  jobId: string | null;
  /** Where the analysis sits in the outcome: "analysis", "a" or "b". */
  prefix: string;
  revealable: ReadonlySet<string>;
}

const RevealContext = createContext<RevealScope>({ jobId: null, prefix: '', revealable: new Set() });

export function RevealProvider({
  jobId,
  prefix,
  revealable,
  children,
}: {
  jobId: string | null;
  prefix: string;
  revealable: readonly string[] | undefined;
  children: ReactNode;
}) {
  const scope = useMemo(() => ({ jobId, prefix, revealable: new Set(revealable ?? []) }), [jobId, prefix, revealable]);
  return <RevealContext.Provider value={scope}>{children}</RevealContext.Provider>;
}

/** The finished job and the analysis's place in it, for views that ask the host about it (reveal, bytes). */
export function useRevealScope(): { jobId: string | null; prefix: string } {
  const { jobId, prefix } = useContext(RevealContext);
  return { jobId, prefix };
}

/** The paths of the masked texts of this analysis, for views that map rows to them. */
export function useRevealable(): ReadonlySet<string> {
  return useContext(RevealContext).revealable;
}

/**
 * A text that may hold masked secrets. When it does, a Reveal button asks the host for this one item's clear
 * text; the window never holds the clear values of the others, and Hide forgets it again.
 */
export function MaskedText({ text, path, label }: { text: string; path: string | null; label?: string }) {
  const scope = useContext(RevealContext);
  const notify = useNotify();
  const [clear, setClear] = useState<string | null>(null);
  const canReveal = path !== null && scope.jobId !== null && scope.revealable.has(path);
  if (!canReveal) return <Copyable value={text} label={label} />;
  const reveal = async (): Promise<void> => {
    const result = await api.invoke('secrets:reveal', scope.jobId!, `${scope.prefix}/${path}`);
    if (result.ok) setClear(result.value);
    else notify(result.error.message);
  };
  return (
    <span className="masked">
      <Copyable value={clear ?? text} label={label} />
      {clear === null ? (
        <button type="button" className="reveal" title="Show this value in clear" onClick={() => void reveal()}>
          Reveal
        </button>
      ) : (
        <button type="button" className="reveal" title="Mask this value again" onClick={() => setClear(null)}>
          Hide
        </button>
      )}
    </span>
  );
}
