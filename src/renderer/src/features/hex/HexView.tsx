import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ByteWindow } from '../../../../common/dto';
import type { FoundString, Report } from '../../../../core/report/types';
import { api } from '../../api';
import { Copyable, useNotify } from '../../components/Copyable';
import { useRevealScope } from '../../components/Reveal';
import { hexOffset } from '../../lib/format';
import { asciiByte, hexByte, hexRows, sectionAt, windowStart, type HexRow } from './hex-rows';
import './hex.css';

/** What to look at: a file offset, and the run of bytes to highlight there (a string's boundaries). */
export interface BytesTarget {
  offset: number;
  length: number;
  label: string;
}

/** Bytes shown at once: a screenful, well under what one read may return. */
const SHOWN_BYTES = 512;
/** How far before the offset the window starts, so what comes before it is in view too. */
const BEFORE = 128;

const ShowBytes = createContext<(target: BytesTarget) => void>(() => undefined);

/** Lets any view of one analysis open the hex view at an offset. */
export function useShowBytes(): (target: BytesTarget) => void {
  return useContext(ShowBytes);
}

export function HexProvider({
  report,
  strings,
  children,
}: {
  report: Report;
  strings: FoundString[];
  children: ReactNode;
}) {
  const [target, setTarget] = useState<BytesTarget | null>(null);
  return (
    <ShowBytes.Provider value={setTarget}>
      {children}
      {target && <HexDialog report={report} strings={strings} target={target} onClose={() => setTarget(null)} />}
    </ShowBytes.Provider>
  );
}

function useWindow(start: number): { window: ByteWindow | null; error: string | null } {
  const { jobId, prefix } = useRevealScope();
  const [state, setState] = useState<{ window: ByteWindow | null; error: string | null }>({
    window: null,
    error: null,
  });
  useEffect(() => {
    if (!jobId) return;
    let live = true;
    const place = prefix === 'a' || prefix === 'b' ? prefix : 'analysis';
    void api.invoke('bytes:read', jobId, place, start, SHOWN_BYTES).then((result) => {
      if (live)
        setState(result.ok ? { window: result.value, error: null } : { window: null, error: result.error.message });
    });
    return () => {
      live = false;
    };
  }, [jobId, prefix, start]);
  return jobId ? state : { window: null, error: 'The bytes can be read only for a finished analysis.' };
}

/** The file offset where a revealable item's text starts (a string, or a finding's evidence). */
function itemOrigin(path: string, report: Report, strings: FoundString[]): number | null {
  const string = /\/strings\/(\d+)\/value$/.exec(path);
  if (string) return strings[Number(string[1])]?.offset ?? null;
  const evidence = /\/report\/findings\/(\d+)\/evidence\/(\d+)\/value$/.exec(path);
  if (evidence) return report.findings[Number(evidence[1])]?.evidence[Number(evidence[2])]?.offset ?? null;
  return null;
}

function HexDialog({
  report,
  strings,
  target,
  onClose,
}: {
  report: Report;
  strings: FoundString[];
  target: BytesTarget;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [start, setStart] = useState(() => windowStart(target.offset, 16, BEFORE));
  const { window: bytes, error } = useWindow(start);
  const narrow = globalThis.matchMedia?.('(max-width: 700px)').matches ?? false;
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal?.();
  }, []);
  const scroller = useRef<HTMLDivElement>(null);
  // The bytes at the offset come into view, however short the window.
  useEffect(() => {
    scroller.current?.querySelector('.hex-hl')?.scrollIntoView?.({ block: 'center' });
  }, [bytes]);
  const section = sectionAt(report.sections, target.offset);
  const highlight = { start: target.offset, end: target.offset + Math.max(1, target.length) };
  const { clear, reveal, hide } = useRevealedBytes(bytes, report, strings);
  const rows = bytes ? hexRows(bytes, narrow ? 8 : 16, highlight, clear) : [];
  return (
    <dialog ref={dialog} className="hex-dialog" aria-label={`Bytes at ${hexOffset(target.offset)}`} onClose={onClose}>
      <header className="hex-head">
        <h2>
          Bytes at <Copyable value={hexOffset(target.offset)} label="offset" />
          {section ? ` in ${section.name}` : ' (outside every section)'}
        </h2>
        <p className="muted hex-label">{target.label}</p>
        <button type="button" onClick={() => dialog.current?.close()} aria-label="Close the bytes">
          Close
        </button>
      </header>
      {error && <p role="alert">{error}</p>}
      <div className="hex-scroll" ref={scroller}>
        {bytes && <HexTable rows={rows} />}
      </div>
      <footer className="hex-foot">
        <button type="button" disabled={start === 0} onClick={() => setStart(Math.max(0, start - SHOWN_BYTES / 2))}>
          ◂ Earlier
        </button>
        <button
          type="button"
          disabled={!bytes || start + SHOWN_BYTES >= bytes.fileSize}
          onClick={() => setStart(start + SHOWN_BYTES / 2)}
        >
          Later ▸
        </button>
        <RevealControls bytes={bytes} length={target.length} revealed={clear.size > 0} reveal={reveal} hide={hide} />
      </footer>
    </dialog>
  );
}

/**
 * Revealing withheld bytes: the host gives one item's clear text, which is laid over the withheld bytes of that
 * item only; Hide forgets it again.
 */
function useRevealedBytes(bytes: ByteWindow | null, report: Report, strings: FoundString[]) {
  const [clear, setClear] = useState<Map<number, number>>(new Map());
  const notify = useNotify();
  const { jobId } = useRevealScope();
  const reveal = async (path: string): Promise<void> => {
    const origin = itemOrigin(path, report, strings);
    const result = jobId ? await api.invoke('secrets:reveal', jobId, path) : null;
    if (!result?.ok || origin === null)
      return notify(result && !result.ok ? result.error.message : 'Nothing to reveal here.');
    const next = new Map(clear);
    const run = bytes!.masked.filter((r) => r.path === path);
    new TextEncoder().encode(result.value).forEach((value, i) => {
      const at = origin + i;
      if (run.some((r) => at >= r.start && at < r.end)) next.set(at, value);
    });
    setClear(next);
  };
  return { clear, reveal, hide: () => setClear(new Map()) };
}

function RevealControls({
  bytes,
  length,
  revealed,
  reveal,
  hide,
}: {
  bytes: ByteWindow | null;
  length: number;
  revealed: boolean;
  reveal: (path: string) => Promise<void>;
  hide: () => void;
}) {
  const paths = [...new Set(bytes?.masked.flatMap((r) => (r.path ? [r.path] : [])) ?? [])];
  return (
    <>
      <span className="muted">
        <mark className="hex-mark">highlighted</mark>: the {length.toLocaleString('en-US')} bytes at the offset
        {bytes && bytes.masked.length > 0 && ' · •• withheld: they hold a masked secret'}
      </span>
      {paths.map((path) => (
        <button
          key={path}
          type="button"
          className="reveal"
          onClick={() => void reveal(path)}
          title="Show these bytes in clear"
        >
          Reveal
        </button>
      ))}
      {revealed && (
        <button type="button" className="reveal" onClick={hide}>
          Hide
        </button>
      )}
    </>
  );
}

function HexTable({ rows }: { rows: HexRow[] }) {
  return (
    <table className="hex-table" aria-label="Bytes">
      <thead>
        <tr>
          <th scope="col">Offset</th>
          <th scope="col">Hex</th>
          <th scope="col">ASCII</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.offset}>
            <th scope="row">{row.offset.toString(16).padStart(8, '0')}</th>
            <td className="hex-bytes">
              {row.bytes.map((b) => (
                <span key={b.offset} className={cellClass(b)}>
                  {hexByte(b)}
                </span>
              ))}
            </td>
            <td className="hex-ascii">
              {row.bytes.map((b) => (
                <span key={b.offset} className={cellClass(b)}>
                  {asciiByte(b)}
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function cellClass(b: { masked: boolean; highlighted: boolean }): string {
  return `${b.highlighted ? 'hex-hl' : ''}${b.masked ? ' hex-masked' : ''}`.trim();
}
