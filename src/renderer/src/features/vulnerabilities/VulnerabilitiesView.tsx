import { useMemo, useState } from 'react';
import type { Report, VulnerabilityMatch } from '../../../../core/report/types';
import { Copyable } from '../../components/Copyable';
import { STATUSES, visibleRows, type SortKey, type VulnStatus } from './vulnerability-rows';
import { VulnDbHeader } from './VulnDbHeader';
import './vulnerabilities.css';

const STATUS_HELP: Record<VulnStatus, string> = {
  reachable: 'linked, and direct calls from main reach it',
  present: 'linked; no direct call path found (an interface or function value may still reach it)',
  module: 'the entry names no symbols: the module version counts',
  absent: 'the module version is affected, but the vulnerable code is not in the binary',
};

function Row({ match }: { match: VulnerabilityMatch }) {
  return (
    <tr className={`vuln-${match.status}`}>
      <td>
        <span className="vuln-status" title={STATUS_HELP[match.status]}>
          {match.status}
        </span>
      </td>
      <td>
        <Copyable value={match.id} label={match.id} />
        <div className="muted">{match.summary}</div>
      </td>
      <td>
        {match.aliases.map((a) => (
          <div key={a}>
            <Copyable value={a} label={a} />
          </div>
        ))}
      </td>
      <td className="mono">
        {match.module}@{match.version}
      </td>
      <td className="mono">{match.fixed ?? 'none yet'}</td>
      <td className="mono">
        <SymbolList symbols={match.symbols} />
      </td>
      <td className="mono">{match.path ? match.path.join(' → ') : '—'}</td>
    </tr>
  );
}

/** Symbols shown before the rest fold behind a button: a whole-package entry can match dozens. */
const SHOWN_SYMBOLS = 4;

function SymbolList({ symbols }: { symbols: VulnerabilityMatch['symbols'] }) {
  const [open, setOpen] = useState(false);
  if (symbols.length === 0) return <>—</>;
  const shown = open ? symbols : symbols.slice(0, SHOWN_SYMBOLS);
  return (
    <>
      {shown.map((s) => (
        <div key={`${s.package}.${s.symbol}`}>
          {s.package}.{s.symbol}
          {s.inlined && <span className="muted"> (inlined into {s.functions.join(', ')})</span>}
        </div>
      ))}
      {symbols.length > SHOWN_SYMBOLS && (
        <button type="button" className="link" onClick={() => setOpen(!open)}>
          {open ? 'Show fewer' : `and ${symbols.length - SHOWN_SYMBOLS} more`}
        </button>
      )}
    </>
  );
}

function SortHeader(props: { label: string; column: SortKey; sort: Sort; onSort: (key: SortKey) => void }) {
  const active = props.sort.key === props.column;
  return (
    <th aria-sort={active ? (props.sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="link" onClick={() => props.onSort(props.column)}>
        {props.label}
        {active ? (props.sort.descending ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
}

interface Sort {
  key: SortKey;
  descending: boolean;
}

function VulnTable({ rows, sort, onSort }: { rows: VulnerabilityMatch[]; sort: Sort; onSort: (key: SortKey) => void }) {
  return (
    <table className="vuln-table" aria-label="Vulnerabilities">
      <thead>
        <tr>
          <SortHeader label="Status" column="status" sort={sort} onSort={onSort} />
          <SortHeader label="ID" column="id" sort={sort} onSort={onSort} />
          <th>Aliases</th>
          <SortHeader label="Module" column="module" sort={sort} onSort={onSort} />
          <SortHeader label="Fixed in" column="fixed" sort={sort} onSort={onSort} />
          <th>Symbols</th>
          <th>Path from main</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <Row key={`${m.id} ${m.module}`} match={m} />
        ))}
      </tbody>
    </table>
  );
}

interface ToolbarProps {
  matches: VulnerabilityMatch[];
  shown: number;
  statuses: Set<VulnStatus>;
  onToggle: (s: VulnStatus) => void;
  query: string;
  onQuery: (q: string) => void;
}

function Toolbar({ matches, shown, statuses, onToggle, query, onQuery }: ToolbarProps) {
  return (
    <div className="vtable-toolbar" role="group" aria-label="Filter vulnerabilities">
      <input
        type="search"
        placeholder="Filter by id, CVE, module, symbol…"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        aria-label="Filter vulnerabilities"
      />
      {STATUSES.map((s) => (
        <label key={s} className={`chip vuln-${s}`} title={STATUS_HELP[s]}>
          <input type="checkbox" checked={statuses.has(s)} onChange={() => onToggle(s)} /> {s} (
          {matches.filter((m) => m.status === s).length})
        </label>
      ))}
      <span className="vtable-count">
        {shown} of {matches.length}
      </span>
    </div>
  );
}

/** Known vulnerabilities of the linked modules: filter by status and text, sort by column, copy ids. */
export function VulnerabilitiesView({ report }: { report: Report }) {
  const [statuses, setStatuses] = useState<Set<VulnStatus>>(new Set(STATUSES));
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'status', descending: false });
  const matches = useMemo(() => report.vulnerabilities ?? [], [report.vulnerabilities]);
  const rows = useMemo(() => visibleRows(matches, statuses, query, sort), [matches, statuses, query, sort]);
  const db = report.vulnDb;
  if (!db) return <VulnDbHeader used={null} />;
  const toggle = (s: VulnStatus): void =>
    setStatuses((current) => {
      const next = new Set(current);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });
  const onSort = (key: SortKey): void =>
    setSort((current) => ({ key, descending: current.key === key ? !current.descending : false }));
  return (
    <div className="vulns">
      <VulnDbHeader used={db} />
      <Toolbar
        matches={matches}
        shown={rows.length}
        statuses={statuses}
        onToggle={toggle}
        query={query}
        onQuery={setQuery}
      />
      {matches.length === 0 ? (
        <p className="empty-note">No known vulnerability affects the linked module versions.</p>
      ) : (
        <VulnTable rows={rows} sort={sort} onSort={onSort} />
      )}
    </div>
  );
}
