import { humanSize } from '../../compare/diff';
import { hex } from '../../io/reader';
import type { GoReport, Report } from '../types';
import { verdictTable } from './findings';
import type { Block, Fact, Part, Table } from './model';
import { formatCount, limitRows } from './model';
import { shownSetting } from './redact';

/** Rows a table keeps before saying how many it left out: a signed report stays printable. */
export const MAX_TABLE_ROWS = 400;

function linkageFacts(report: Report): Fact[] {
  const linkage = report.linkage;
  if (!linkage) return [{ label: 'Linkage', value: 'unknown (no executable format was read)' }];
  const facts: Fact[] = [
    { label: 'Linkage', value: linkage.static ? 'static' : 'dynamic' },
    {
      label: 'CGO',
      value: linkage.cgo
        ? `yes${linkage.cgoEvidence.length ? ` (${linkage.cgoEvidence.join(', ')})` : ''}`
        : linkage.cgoAllowed
          ? 'no (CGO_ENABLED=1 allowed it, but no cgo code is linked in)'
          : 'no',
    },
    { label: 'libc', value: linkage.libc ?? 'unknown' },
  ];
  if (linkage.glibcMax) facts.push({ label: 'Minimum glibc', value: linkage.glibcMax });
  if (linkage.interpreter) facts.push({ label: 'Interpreter', value: linkage.interpreter, mono: true });
  if (linkage.needed.length) facts.push({ label: 'Needed libraries', value: linkage.needed.join(', '), mono: true });
  if (linkage.rpath.length) facts.push({ label: 'RPATH', value: linkage.rpath.join(':'), mono: true });
  if (linkage.runpath.length) facts.push({ label: 'RUNPATH', value: linkage.runpath.join(':'), mono: true });
  const packed = report.packed;
  facts.push({
    label: 'Packed',
    value: packed ? `${packed.packer} ${packed.version ?? ''} (${packed.evidence})` : 'no',
  });
  return facts;
}

/** Linkage facts, then the hardening and portability verdicts. */
export function linkagePart(report: Report): Part {
  const blocks: Block[] = [{ type: 'facts', facts: linkageFacts(report) }];
  for (const [group, title] of [
    ['hardening', 'Hardening'],
    ['portability', 'Portability'],
  ] as const) {
    const verdicts = report.verdicts.filter((v) => v.group === group);
    blocks.push({ type: 'heading', text: title });
    blocks.push(
      verdicts.length
        ? { type: 'table', table: verdictTable(verdicts) }
        : { type: 'text', text: `No ${group} verdicts for this file.` },
    );
  }
  return { id: 'linkage', title: 'Linkage, hardening and portability', blocks };
}

function settingsTable(go: GoReport | null): Table | null {
  const settings = go?.buildInfo?.settings ?? [];
  if (settings.length === 0) return null;
  return {
    headers: ['Setting', 'Value'],
    rows: settings.map((s) => [s.key, shownSetting(s.key, s.value)]),
    mono: [0, 1],
  };
}

function modulesTable(go: GoReport | null): Table | null {
  if (go && go.modules.length > 0) {
    return limitRows(
      {
        headers: ['Module', 'Version', 'Origin', 'Replaced by', 'Packages', 'Code size'],
        rows: go.modules.map((m) => [
          m.path,
          m.version || '—',
          m.origin,
          m.replace ? `${m.replace.path}@${m.replace.version}` : '',
          String(m.packages.length),
          m.size > 0 ? humanSize(m.size) : '—',
        ]),
        numeric: [4, 5],
        mono: [0, 1, 3],
      },
      MAX_TABLE_ROWS,
    );
  }
  const deps = go?.buildInfo?.deps ?? [];
  if (deps.length === 0) return null;
  return limitRows(
    {
      headers: ['Module', 'Version', 'Sum', 'Replaced by'],
      rows: deps.map((d) => [d.path, d.version, d.sum, d.replace ? `${d.replace.path}@${d.replace.version}` : '']),
      mono: [0, 1, 2, 3],
    },
    MAX_TABLE_ROWS,
  );
}

/** Build settings as the Go toolchain recorded them, and the modules linked in. */
export function buildPart(report: Report): Part {
  const settings = settingsTable(report.go);
  const modules = modulesTable(report.go);
  return {
    id: 'build',
    title: 'Build settings and modules',
    blocks: [
      { type: 'heading', text: 'Build settings' },
      settings
        ? { type: 'table', table: settings }
        : { type: 'text', text: 'No build settings recorded (no Go build info).' },
      { type: 'heading', text: 'Modules' },
      modules ? { type: 'table', table: modules } : { type: 'text', text: 'No modules recorded or inferred.' },
    ],
  };
}

export function sectionsPart(report: Report): Part {
  if (report.sections.length === 0)
    return { id: 'sections', title: 'Sections', blocks: [{ type: 'text', text: 'No sections were read.' }] };
  const table: Table = {
    headers: ['Name', 'Type', 'Address', 'Offset', 'Size', 'Flags', 'Entropy', 'Kind'],
    rows: report.sections.map((s) => [
      s.name,
      s.type,
      s.address,
      hex(s.offset),
      formatCount(s.size),
      s.flags,
      s.entropy === null ? '—' : s.entropy.toFixed(2),
      s.kind,
    ]),
    numeric: [4, 6],
    mono: [0, 2, 3],
  };
  return { id: 'sections', title: 'Sections', blocks: [{ type: 'table', table: limitRows(table, MAX_TABLE_ROWS) }] };
}

/** What could not be read: a report that hides its blind spots cannot be signed. */
export function diagnosticsPart(report: Report): Part | null {
  if (report.diagnostics.length === 0) return null;
  const table: Table = {
    headers: ['Level', 'Stage', 'Offset', 'Message'],
    rows: report.diagnostics.map((d) => [
      d.level,
      d.source,
      typeof d.offset === 'number' ? hex(d.offset) : '—',
      d.message,
    ]),
    mono: [2],
  };
  return {
    id: 'diagnostics',
    title: 'What could not be read',
    blocks: [{ type: 'table', table: limitRows(table, MAX_TABLE_ROWS) }],
  };
}
