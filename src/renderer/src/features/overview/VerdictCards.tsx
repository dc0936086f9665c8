import { findingsStatus, groupStatus, type AreaStatus } from '../../../../core/report/area-status';
import type { Report, Verdict } from '../../../../core/report/types';
import { SEVERITIES } from '../../../../core/report/types';
import { humanSize } from '../../lib/format';
import { isStale } from '../vulnerabilities/vulndb-line';
import './verdict-cards.css';

export type CardTone = 'good' | 'warn' | 'bad' | 'neutral';

interface Card {
  id: string;
  title: string;
  value: string;
  tone: CardTone;
  tab: string;
  /** What set the colour, named on the card: "No RELRO (medium)", "PIE: no". */
  because?: string | null;
}

/** The same statuses the PDF's table of areas prints; n/a is grey, never green. */
const STATUS_TONE: Record<Verdict['status'], CardTone> = { pass: 'good', warn: 'warn', fail: 'bad', 'n/a': 'neutral' };

function toned(area: AreaStatus): Pick<Card, 'tone' | 'because'> {
  return { tone: STATUS_TONE[area.status], because: area.because };
}

const TONE_WORD: Record<CardTone, string> = { good: 'OK', warn: 'Check', bad: 'Risk', neutral: 'Info' };
const TONE_ICON: Record<CardTone, string> = { good: '✓', warn: '!', bad: '✗', neutral: 'i' };

function findingsCard(report: Report): Card {
  const counts = SEVERITIES.map((s) => [s, report.findings.filter((f) => f.severity === s).length] as const).filter(
    ([, n]) => n > 0,
  );
  const total = report.findings.length;
  return {
    id: 'findings',
    title: 'Findings',
    // The total first, the number the Findings tab shows.
    value: counts.length ? `${total} total · ${counts.map(([s, n]) => `${n} ${s}`).join(' · ')}` : 'none',
    ...toned(findingsStatus(report)),
    tab: 'findings',
  };
}

/** Grey "n/a" without a database; otherwise toned by the worst status, which it names. */
function vulnerabilitiesCard(report: Report): Card {
  const base = { id: 'vulnerabilities', title: 'Vulnerabilities', tab: 'vulnerabilities' };
  if (!report.vulnDb) return { ...base, value: 'n/a — no database loaded', tone: 'neutral' };
  const matches = report.vulnerabilities ?? [];
  const order = ['reachable', 'present', 'module', 'absent'] as const;
  const counts = order.map((s) => [s, matches.filter((m) => m.status === s).length] as const).filter(([, n]) => n > 0);
  const worst = counts[0]?.[0];
  const tone: CardTone = worst === 'reachable' ? 'bad' : worst === 'present' || worst === 'module' ? 'warn' : 'good';
  const found = counts.length ? counts.map(([s, n]) => `${n} ${s}`).join(' · ') : 'none known';
  // A clean verdict from an old database is not clean: say how old it is, and do not show it as good.
  if (!isStale(report.vulnDb)) return { ...base, value: found, tone };
  const value = `${found} · database ${report.vulnDb.ageDays} days old`;
  return { ...base, value, tone: tone === 'good' ? 'warn' : tone };
}

function residueCard(report: Report): Card {
  const base = { id: 'residue', title: 'Residue', tab: 'sections' };
  if (report.format === 'unknown') return { ...base, value: 'n/a — not an executable', tone: 'neutral' };
  const residue = report.findings.filter((f) => f.kind === 'residue');
  const bytes = residue.reduce((sum, f) => sum + (f.bytes ?? 0), 0);
  const stripped = report.symbols.total === 0;
  const value = stripped ? 'stripped' : `symbols${bytes > 0 ? `, ${humanSize(bytes)} to save` : ''}`;
  const largest = [...residue].sort((x, y) => (y.bytes ?? 0) - (x.bytes ?? 0))[0];
  const because =
    stripped || !largest ? null : `${largest.title}${largest.bytes ? ` (${humanSize(largest.bytes)})` : ''}`;
  return { ...base, value, tone: stripped ? 'good' : 'warn', because };
}

function linkageCard(report: Report): Card {
  const l = report.linkage;
  if (!l) return { id: 'linkage', title: 'Linkage', value: 'unknown', tone: 'neutral', tab: 'overview' };
  const parts = [
    l.static ? 'static' : 'dynamic',
    // CGO_ENABLED=1 alone is only permission; say so rather than let it read as cgo code.
    ...(l.cgo ? ['CGO'] : l.cgoAllowed ? ['CGO allowed, none linked'] : []),
    ...(l.libc && l.libc !== 'none' ? [l.libc] : []),
  ];
  if (l.glibcMax) parts.push(`GLIBC ${l.glibcMax}`);
  return {
    id: 'linkage',
    title: 'Linkage',
    value: parts.join(', '),
    tone: l.static ? 'good' : 'neutral',
    tab: 'overview',
  };
}

function groupCard(report: Report, group: 'hardening' | 'portability', title: string): Card | null {
  const verdicts = report.verdicts.filter((v) => v.group === group);
  if (verdicts.length === 0) return null;
  const value = verdicts
    .map((v) => `${v.label}: ${v.value}`)
    .slice(0, 3)
    .join(' · ');
  return {
    id: group,
    title,
    value,
    ...toned(groupStatus(report, group)),
    tab: group === 'hardening' ? 'findings' : 'overview',
  };
}

function packingCard(report: Report): Card {
  const base = { id: 'packing', title: 'Packing', tab: 'overview' };
  if (report.packed) {
    const packer = `${report.packed.packer} ${report.packed.version ?? ''}`.trim();
    // Unpacked in memory, the report is of the real program: still worth a look, no longer a wall.
    if (report.packed.unpacked)
      return {
        ...base,
        value: `${packer}, unpacked`,
        tone: 'warn',
        because: `packed with ${packer}, unpacked in memory`,
      };
    return { ...base, value: packer, tone: 'bad', because: `packed with ${packer}` };
  }
  if (report.format === 'unknown') return { ...base, value: 'n/a — not an executable', tone: 'neutral' };
  return { ...base, value: 'not packed', tone: 'good' };
}

export function verdictCards(report: Report): Card[] {
  return [
    findingsCard(report),
    vulnerabilitiesCard(report),
    residueCard(report),
    linkageCard(report),
    groupCard(report, 'portability', 'Portability'),
    groupCard(report, 'hardening', 'Hardening'),
    packingCard(report),
  ].filter((c): c is Card => c !== null);
}

/** One line per verdict, a colour that also reads in black and white (icon and word). */
export function VerdictCards({
  report,
  onOpen,
  available,
}: {
  report: Report;
  onOpen: (tab: string) => void;
  available: Set<string>;
}) {
  return (
    <ul className="cards" aria-label="Verdicts">
      {verdictCards(report).map((card) => (
        <li key={card.id}>
          <button
            type="button"
            className={`card tone-${card.tone}`}
            onClick={() => onOpen(available.has(card.tab) ? card.tab : 'overview')}
          >
            <span className="card-title">
              <span className="card-icon" aria-hidden="true">
                {TONE_ICON[card.tone]}
              </span>{' '}
              {card.title}
              <span className="card-word">{TONE_WORD[card.tone]}</span>
            </span>
            <span className="card-value">{card.value}</span>
            {card.because && <span className="card-why">{`${TONE_WORD[card.tone]}: ${card.because}`}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
