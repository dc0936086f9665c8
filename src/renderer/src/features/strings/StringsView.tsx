import { useMemo, useState } from 'react';
import type { FoundString } from '../../../../core/report/types';
import { Copyable } from '../../components/Copyable';
import { MaskedText, useRevealable } from '../../components/Reveal';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { count, hexOffset } from '../../lib/format';
import { useShowBytes } from '../hex/HexView';

/** How a string was found, in a person's words. */
export function textKind(s: FoundString): string {
  return s.kind === 'literal' ? 'Go literal' : 'other text';
}

/** The string as shown: a long one says how much of it the table holds. */
function shownValue(s: FoundString) {
  if (!s.truncated) return s.value;
  return (
    <span title={`${s.length} bytes; the first ${s.value.length} characters are shown`}>
      {s.value}
      <em> … ({s.length} bytes in all)</em>
    </span>
  );
}

const baseColumns: Column<FoundString>[] = [
  {
    key: 'offset',
    header: 'Offset',
    value: (s) => s.offset,
    render: (s) => <Copyable value={hexOffset(s.offset)} label="offset" />,
    width: '110px',
    align: 'right',
  },
  { key: 'section', header: 'Section', value: (s) => s.section ?? '', width: '130px' },
  { key: 'kind', header: 'Text', value: textKind, width: '95px' },
  { key: 'encoding', header: 'Encoding', value: (s) => s.encoding, width: '80px' },
  {
    key: 'length',
    header: 'Bytes',
    value: (s) => s.length,
    render: (s) => count(s.length),
    width: '70px',
    align: 'right',
  },
  {
    key: 'referencedBy',
    header: 'Referenced by',
    value: (s) => s.referencedBy ?? '',
    render: (s) => <span title={s.referencedBy ?? undefined}>{s.referencedBy}</span>,
    width: '240px',
  },
];

const STRING_PATH = /^strings\/(\d+)\/value$/;

/** The columns, with a Reveal button on the strings that were masked (found by their place in the list). */
function useColumns(strings: FoundString[]): Column<FoundString>[] {
  const revealable = useRevealable();
  const showBytes = useShowBytes();
  return useMemo(() => {
    const masked = new Map<FoundString, string>();
    for (const path of revealable) {
      const index = STRING_PATH.exec(path)?.[1];
      const found = index === undefined ? undefined : strings[Number(index)];
      if (found) masked.set(found, path);
    }
    const value: Column<FoundString> = {
      key: 'value',
      header: 'String',
      value: (s) => s.value,
      width: 'minmax(300px, 1fr)',
      render: (s: FoundString) => (masked.has(s) ? <MaskedText text={s.value} path={masked.get(s)!} /> : shownValue(s)),
    };
    const bytes: Column<FoundString> = {
      key: 'hex',
      header: 'Hex',
      value: (s) => s.offset,
      render: (s) => (
        <button
          type="button"
          className="link"
          aria-label={`Show the bytes at ${hexOffset(s.offset)}`}
          onClick={() => showBytes({ offset: s.offset, length: s.length, label: `${textKind(s)}, ${s.length} bytes` })}
        >
          hex
        </button>
      ),
      width: '50px',
    };
    return [...baseColumns, value, bytes];
  }, [strings, revealable, showBytes]);
}

/** Text filter; a regular expression when written /like this/; `@0x1f00` finds the string at a file offset. */
function matcher(query: string): (s: FoundString) => boolean {
  const at = /^@(0x[0-9a-f]+|\d+)$/i.exec(query.trim());
  if (at) {
    const offset = Number(at[1]);
    return (s) => offset >= s.offset && offset < s.offset + Math.max(1, s.length);
  }
  const regex = /^\/(.+)\/([imsu]*)$/.exec(query);
  if (regex) {
    try {
      const re = new RegExp(regex[1]!, regex[2]);
      return (s) => re.test(s.value);
    } catch {
      return () => false;
    }
  }
  const needle = query.toLowerCase();
  return (s) => s.value.toLowerCase().includes(needle) || (s.referencedBy ?? '').toLowerCase().includes(needle);
}

type KindChoice = '' | FoundString['kind'];

/**
 * Every string in the file: Go literals, each at its exact place with what refers to it, and other text that no
 * reference explains. The filter takes text or /regex/; narrow by kind of text, section and minimum length.
 */
export function StringsView({ strings, initialQuery = '' }: { strings: FoundString[]; initialQuery?: string }) {
  const [section, setSection] = useState('');
  const [kind, setKind] = useState<KindChoice>('');
  const [minLength, setMinLength] = useState(6);
  const columns = useColumns(strings);
  const sections = useMemo(() => [...new Set(strings.map((s) => s.section ?? ''))].filter(Boolean).sort(), [strings]);
  const rows = useMemo(
    () =>
      strings.filter(
        (s) =>
          (s.truncated || s.value.length >= minLength) &&
          (!section || s.section === section) &&
          (!kind || (s.kind ?? 'other') === kind),
      ),
    [strings, section, kind, minLength],
  );
  const [chosen, setChosen] = useState<FoundString | null>(null);
  const toolbar = <StringsToolbar {...{ kind, setKind, section, setSection, sections, minLength, setMinLength }} />;
  return (
    <div className="strings-view">
      <VirtualTable
        key={initialQuery}
        label="Strings"
        rows={rows}
        columns={columns}
        rowKey={(s, i) => `${s.offset}-${i}`}
        toolbar={toolbar}
        filter={matcher}
        initialQuery={initialQuery}
        onRowClick={setChosen}
      />
      {chosen && <StringDetail found={chosen} path={maskedPath(strings, chosen)} onClose={() => setChosen(null)} />}
    </div>
  );
}

function maskedPath(strings: FoundString[], found: FoundString): string {
  return `strings/${strings.indexOf(found)}/value`;
}

/** The string a person clicked, in full and wrapped, with its place and what refers to it. */
function StringDetail({ found, path, onClose }: { found: FoundString; path: string; onClose: () => void }) {
  const showBytes = useShowBytes();
  return (
    <section className="row-detail" aria-label="The chosen string">
      <header>
        <strong>String at </strong>
        <Copyable value={hexOffset(found.offset)} label="offset" />
        <span className="muted">
          {' '}
          {found.section ?? 'outside sections'} · {textKind(found)} · {count(found.length)} bytes
          {found.referencedBy ? ` · referenced by ${found.referencedBy}` : ''}
        </span>
        <button
          type="button"
          className="link"
          onClick={() => showBytes({ offset: found.offset, length: found.length, label: textKind(found) })}
        >
          Show bytes
        </button>
        <button type="button" className="link" onClick={onClose}>
          Close
        </button>
      </header>
      <div className="row-detail-value">
        <MaskedText text={found.value} path={path} label="string" />
        {found.truncated && (
          <p className="muted">The first {count(found.value.length)} characters; Show bytes for the rest.</p>
        )}
      </div>
    </section>
  );
}

interface ToolbarProps {
  kind: KindChoice;
  setKind: (kind: KindChoice) => void;
  section: string;
  setSection: (section: string) => void;
  sections: string[];
  minLength: number;
  setMinLength: (length: number) => void;
}

/** The narrowing controls: kind of text, section, minimum length. */
function StringsToolbar({ kind, setKind, section, setSection, sections, minLength, setMinLength }: ToolbarProps) {
  return (
    <>
      <label>
        Text{' '}
        <select value={kind} onChange={(e) => setKind(e.target.value as KindChoice)}>
          <option value="">all</option>
          <option value="literal">Go literals</option>
          <option value="other">other text</option>
        </select>
      </label>
      <label>
        Section{' '}
        <select value={section} onChange={(e) => setSection(e.target.value)}>
          <option value="">all</option>
          {sections.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label>
        Min length{' '}
        <input
          type="number"
          min={1}
          max={200}
          value={minLength}
          onChange={(e) => setMinLength(Math.max(1, Number(e.target.value) || 1))}
          style={{ width: 60 }}
        />
      </label>
    </>
  );
}
