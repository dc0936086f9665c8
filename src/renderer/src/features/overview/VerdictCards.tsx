import type { Report } from '../../../../core/report/types';
import { SEVERITIES } from '../../../../core/report/types';
import { humanSize } from '../../lib/format';
import { isStale } from '../vulnerabilities/vulndb-line';

export type CardTone = 'good' | 'warn' | 'bad' | 'neutral';

interface Card {
  id: string;
  title: string;
  value: string;
  tone: CardTone;
  tab: string;
}

const TONE_WORD: Record<CardTone, string> = { good: 'OK', warn: 'Check', bad: 'Risk', neutral: 'Info' };
const TONE_ICON: Record<CardTone, string> = { good: '✓', warn: '!', bad: '✗', neutral: 'i' };

function findingsCard(report: Report): Card {
  const counts = SEVERITIES.map((s) => [s, report.findings.filter((f) => f.severity === s).length] as const).filter(
    ([, n]) => n > 0,
  );
  const worst = counts[0]?.[0];
  const tone: CardTone = worst === 'critical' || worst === 'high' ? 'bad' : worst === 'medium' ? 'warn' : 'good';
  return {
    id: 'findings',
    title: 'Findings',
    value: counts.length ? counts.map(([s, n]) => `${n} ${s}`).join(' · ') : 'none',
    tone,
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
  const bytes = report.findings.filter((f) => f.kind === 'residue').reduce((sum, f) => sum + (f.bytes ?? 0), 0);
  const stripped = report.symbols.total === 0;
  const value = stripped ? 'stripped' : `symbols${bytes > 0 ? `, ${humanSize(bytes)} to save` : ''}`;
  return { id: 'residue', title: 'Residue', value, tone: stripped ? 'good' : 'warn', tab: 'sections' };
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
  const failed = verdicts.filter((v) => v.status === 'fail');
  const warned = verdicts.filter((v) => v.status === 'warn');
  // Red only when a finding of this group is medium or worse: a default static Go build is not a risk for lacking PIE.
  const serious = report.findings.some((f) => f.kind === group && ['critical', 'high', 'medium'].includes(f.severity));
  const tone: CardTone = failed.length ? (serious ? 'bad' : 'warn') : warned.length ? 'warn' : 'good';
  const value = verdicts
    .map((v) => `${v.label}: ${v.value}`)
    .slice(0, 3)
    .join(' · ');
  return { id: group, title, value, tone, tab: group === 'hardening' ? 'findings' : 'overview' };
}

export function verdictCards(report: Report): Card[] {
  const packing: Card = report.packed
    ? {
        id: 'packing',
        title: 'Packing',
        value: `${report.packed.packer} ${report.packed.version ?? ''}`.trim(),
        tone: 'bad',
        tab: 'overview',
      }
    : { id: 'packing', title: 'Packing', value: 'not packed', tone: 'good', tab: 'overview' };
  return [
    findingsCard(report),
    vulnerabilitiesCard(report),
    residueCard(report),
    linkageCard(report),
    groupCard(report, 'portability', 'Portability'),
    groupCard(report, 'hardening', 'Hardening'),
    packing,
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
          </button>
        </li>
      ))}
    </ul>
  );
}
