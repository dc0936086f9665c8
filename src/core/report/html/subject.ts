import type { Comparison } from '../../compare/types';
import type { Reconciliation } from '../../sbom/types';
import type { Report } from '../types';
import { isComparison, summaryBlocks } from './comparison';
import type { CoverOptions } from './cover';
import type { ReportExtras } from './extras';
import type { Block, Fact, Part } from './model';
import { isReconciliation, reconciliationVerdictBlocks } from './reconciliation';

/**
 * A comparison or a reconciliation is a document of its own: its cover carries its verdict on page 1 (who the
 * two files are, what changed; whether the SBOM tells the truth), and the one-binary report is not repeated.
 */

export type Subject =
  | { kind: 'comparison'; comparison: Comparison; reconciliation: Reconciliation | null }
  | { kind: 'reconciliation'; reconciliation: Reconciliation }
  | { kind: 'report' };

/** What the document is about: the comparison when there is one, else the reconciliation, else the report. */
export function subjectOf(extras: ReportExtras | undefined | null): Subject {
  const reconciliation = isReconciliation(extras?.reconciliation) ? extras.reconciliation : null;
  if (isComparison(extras?.comparison)) return { kind: 'comparison', comparison: extras.comparison, reconciliation };
  if (reconciliation) return { kind: 'reconciliation', reconciliation };
  return { kind: 'report' };
}

function dated(options: CoverOptions, tool: Report['tool']): Fact[] {
  return [
    ...(options.generatedAt ? [{ label: 'Date', value: options.generatedAt }] : []),
    { label: 'Tool', value: `${tool.name} ${tool.version}` },
  ];
}

export function comparisonCover(c: Comparison, tool: Report['tool'], options: CoverOptions): Part {
  return {
    id: 'cover',
    kicker: 'Gobinscope comparison report',
    title: `${c.a.name} ↔ ${c.b.name}`,
    blocks: [
      { type: 'heading', text: 'Verdict' },
      ...summaryBlocks(c),
      { type: 'facts', facts: dated(options, tool) },
      { type: 'signoff' },
    ],
  };
}

export function reconciliationCover(report: Report, r: Reconciliation, options: CoverOptions): Part {
  const main = report.go?.buildInfo?.main;
  const blocks: Block[] = [
    { type: 'heading', text: 'Verdict' },
    ...reconciliationVerdictBlocks(r),
    {
      type: 'facts',
      facts: [
        { label: 'Binary', value: report.file.name, mono: true },
        { label: 'SHA-256', value: report.file.sha256, mono: true },
        { label: 'Main module', value: main ? `${main.path}@${main.version}` : 'not recorded', mono: true },
        ...dated(options, report.tool),
      ],
    },
    { type: 'signoff' },
  ];
  return { id: 'cover', kicker: 'Gobinscope SBOM reconciliation', title: `${report.file.name} and its SBOM`, blocks };
}

/** The running header and footer of a printed page: what the document is about and the hashes that pin it. */
export function pageLabel(report: Report, subject: Subject): { title: string; hashes: string } {
  const hex = (value: string): string => value.replace(/[^0-9a-fA-F]/g, '');
  if (subject.kind === 'comparison') {
    const { a, b } = subject.comparison;
    // Two full hashes do not fit the footer; the cover prints them whole.
    const short = (value: string): string => `${hex(value).slice(0, 16)}…`;
    return {
      title: `Gobinscope comparison · ${a.name} ↔ ${b.name}`,
      hashes: `A ${short(a.sha256)} · B ${short(b.sha256)}`,
    };
  }
  const what = subject.kind === 'reconciliation' ? 'Gobinscope SBOM reconciliation' : 'Gobinscope audit report';
  const title = `${what} · ${report.file.name}`;
  return { title, hashes: hex(report.file.sha256) };
}
