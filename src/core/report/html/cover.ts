import { humanSize } from '../../compare/diff';
import type { Report } from '../types';
import type { Fact, Part } from './model';
import { formatCount } from './model';
import { glanceTable } from './glance';
import { severityCounts, verdictParagraph } from './verdict';

export interface CoverOptions {
  generatedAt?: string;
}

function formatLine(report: Report): string {
  const parts: string[] = [report.format];
  if (report.arch) parts.push(report.arch);
  if (report.bits) parts.push(`${report.bits}-bit`);
  if (report.endian) parts.push(`${report.endian}-endian`);
  if (report.slices.length > 0) parts.push(`(fat: ${report.slices.map((s) => s.arch).join(', ')})`);
  return parts.join(' ');
}

function goFacts(report: Report): Fact[] {
  const go = report.go;
  const info = go?.buildInfo;
  const version = go?.version ? `${go.version}${go.versionSource ? ` (from ${go.versionSource})` : ''}` : 'unknown';
  const main = info?.main ? `${info.main.path}@${info.main.version}` : 'not recorded';
  const facts: Fact[] = [{ label: 'Go version', value: report.detection.isGo ? version : 'not a Go binary' }];
  if (report.detection.isGo) facts.push({ label: 'Main module', value: main, mono: true });
  if (info?.path) facts.push({ label: 'Main package', value: info.path, mono: true });
  return facts;
}

/** The facts a signed report must pin down: which file exactly, what it is, and when and by what it was read. */
export function coverFacts(report: Report, options: CoverOptions): Fact[] {
  const facts: Fact[] = [
    { label: 'File', value: report.file.name, mono: true },
    { label: 'Size', value: `${humanSize(report.file.size)} (${formatCount(report.file.size)} bytes)` },
    { label: 'SHA-256', value: report.file.sha256, mono: true },
    { label: 'Format', value: formatLine(report) },
    ...goFacts(report),
  ];
  if (options.generatedAt) facts.push({ label: 'Date', value: options.generatedAt });
  facts.push({
    label: 'Tool',
    value: `${report.tool.name} ${report.tool.version} (report schema ${report.schemaVersion})`,
  });
  return facts;
}

export function coverPart(report: Report, options: CoverOptions): Part {
  return {
    id: 'cover',
    title: report.file.name,
    blocks: [
      { type: 'facts', facts: coverFacts(report, options) },
      { type: 'heading', text: 'Verdict' },
      { type: 'counts', counts: severityCounts(report.findings) },
      { type: 'text', text: verdictParagraph(report), role: 'verdict' },
      { type: 'table', table: glanceTable(report) },
      { type: 'signoff' },
    ],
  };
}
