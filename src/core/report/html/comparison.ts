import { humanSize } from '../../compare/diff';
import type {
  CappedList,
  ModuleChange,
  Comparison,
  FileIdentity,
  FindingDelta,
  StripVerification,
  VerdictChange,
} from '../../compare/types';
import { hex } from '../../io/reader';
import type { Block, Cell, Table } from './model';
import { formatCount, isRecord, limitRows, toneText } from './model';
import { redactSecrets } from './redact';

/**
 * The comparison and the strip verification in their own words, for objects that have the shapes of
 * src/core/compare/types.ts (checked by the guards; anything else falls back to the generic JSON rendering).
 */

/** Items of a function or string list printed before "and N more". */
const LIST_SHOWN = 50;

function hasLists(value: unknown, keys: string[]): boolean {
  return isRecord(value) && keys.every((key) => Array.isArray(value[key]));
}

function isIdentity(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value['name'] === 'string' &&
    typeof value['size'] === 'number' &&
    typeof value['sha256'] === 'string'
  );
}

export function isComparison(value: unknown): value is Comparison {
  if (!isRecord(value) || !Array.isArray(value['summary']) || !isIdentity(value['a']) || !isIdentity(value['b']))
    return false;
  const code = value['code'];
  return (
    hasLists(value['buildSettings'], ['added', 'removed', 'changed']) &&
    hasLists(value['modules'], ['added', 'removed', 'changed']) &&
    hasLists(value['sections'], ['added', 'removed', 'resized']) &&
    hasLists(value['findings'], ['new', 'fixed']) &&
    hasLists(value['verdicts'], ['changed']) &&
    isRecord(value['functions']) &&
    isRecord(value['strings']) &&
    isRecord(value['symbols']) &&
    isRecord(code) &&
    Array.isArray(code['sections'])
  );
}

export function isStripVerification(value: unknown): value is StripVerification {
  return (
    hasLists(value, ['comparedSections', 'removedSections', 'differences', 'stillLeaks']) &&
    isRecord(value) &&
    typeof value['bytesFreed'] === 'number' &&
    typeof value['method'] === 'string'
  );
}

export function sideBySide(c: Comparison): Table {
  const row = (label: string, pick: (f: FileIdentity) => string): Cell[] => [label, pick(c.a), pick(c.b)];
  return {
    headers: ['', 'A (before)', 'B (after)'],
    rows: [
      row('File', (f) => f.name),
      row('Size', (f) => `${humanSize(f.size)} (${formatCount(f.size)} bytes)`),
      row('SHA-256', (f) => f.sha256),
      row('Format', (f) => `${f.format} ${f.arch ?? ''}`.trim()),
      row('Go version', (f) => f.goVersion ?? '—'),
      ['Main module', c.mainModule?.a ?? '—', c.mainModule?.b ?? '—'],
      ['Symbols', String(c.symbols.a?.total ?? '—'), String(c.symbols.b?.total ?? '—')],
    ],
    mono: [1, 2],
    layout: 'sides',
  };
}

/** A level-4 heading over a table, or nothing at all when the table has no rows. */
function titled(title: string, table: Table): Block[] {
  return table.rows.length === 0
    ? []
    : [
        { type: 'heading', text: title, level: 4 },
        { type: 'table', table },
      ];
}

function sideText(value: string | null | undefined): string {
  return value === null || value === undefined ? '—' : redactSecrets(value);
}

function moduleState(state: ModuleChange['before']): string {
  return state ? `${state.version}${state.replace ? ` => ${state.replace}` : ''}` : '—';
}

function sectionChanges(c: Comparison): Cell[][] {
  return [
    ...c.sections.added.map((s) => [s.name, '—', formatCount(s.size), 'added']),
    ...c.sections.removed.map((s) => [s.name, formatCount(s.size), '—', 'removed']),
    ...c.sections.resized.map((s) => [
      s.name,
      formatCount(s.sizeA),
      formatCount(s.sizeB),
      `${s.delta > 0 ? '+' : ''}${formatCount(s.delta)}`,
    ]),
  ];
}

function changesTables(c: Comparison): Block[] {
  const settings = [...c.buildSettings.added, ...c.buildSettings.removed, ...c.buildSettings.changed];
  const modules = [...c.modules.added, ...c.modules.removed, ...c.modules.changed];
  return [
    ...titled('Build settings that changed', {
      headers: ['Setting', 'A', 'B'],
      rows: settings.map((s) => [s.key, sideText(s.before), sideText(s.after)]),
      mono: [0, 1, 2],
    }),
    ...titled('Modules that changed', {
      headers: ['Module', 'A', 'B', 'What'],
      rows: modules.map((m) => [m.path, moduleState(m.before), moduleState(m.after), m.what.join(', ')]),
      mono: [0, 1, 2],
    }),
    ...titled('Sections that changed', {
      headers: ['Section', 'Size A', 'Size B', 'Change'],
      rows: sectionChanges(c),
      numeric: [1, 2, 3],
      mono: [0],
    }),
  ];
}

function findingRows(findings: FindingDelta[]): Cell[][] {
  return findings.map((f) => [{ text: toneText(f.severity), tone: f.severity }, f.title, f.id, redactSecrets(f.value)]);
}

function verdictState(state: VerdictChange['before']): Cell[] {
  return state ? [{ text: toneText(state.status), tone: state.status }, state.value] : ['—', ''];
}

function findingsAndVerdicts(c: Comparison): Block[] {
  const findings = (list: FindingDelta[]): Table => ({
    headers: ['Severity', 'Finding', 'Rule', 'Value'],
    rows: findingRows(list),
    mono: [2, 3],
  });
  // Rows are evidence values; the findings they belong to are counted as the Findings tab counts them.
  const of = (n: number | undefined): string => (n === undefined ? '' : ` of ${formatCount(n)} findings`);
  return [
    ...titled(
      `New in B: ${formatCount(c.findings.new.length)} values${of(c.findings.withNew)}`,
      findings(c.findings.new),
    ),
    ...titled(
      `Gone from A: ${formatCount(c.findings.fixed.length)} values${of(c.findings.withFixed)}`,
      findings(c.findings.fixed),
    ),
    ...titled('Verdicts that changed', {
      headers: ['Check', 'A', 'Value A', 'B', 'Value B'],
      rows: c.verdicts.changed.map((v) => [v.label, ...verdictState(v.before), ...verdictState(v.after)]),
    }),
  ];
}

function listTable(title: string, list: CappedList<string> | undefined): Block[] {
  if (!list || list.count === 0) return [];
  const rows = list.items.slice(0, LIST_SHOWN).map((item) => [redactSecrets(item)]);
  const table: Table = { headers: [title], rows, mono: [0] };
  const left = list.count - rows.length;
  return [{ type: 'table', table: left > 0 ? { ...table, note: `and ${formatCount(left)} more` } : table }];
}

function codeTable(c: Comparison): Table {
  return limitRows(
    {
      headers: ['Section', 'Size A', 'Size B', 'Same contents', 'Differing bytes', 'First difference'],
      rows: c.code.sections.map((s) => [
        s.name,
        formatCount(s.sizeA),
        formatCount(s.sizeB),
        { text: toneText(s.identical ? 'pass' : 'fail'), tone: s.identical ? 'pass' : 'fail' },
        formatCount(s.differingBytes),
        s.firstDifference
          ? `+${hex(s.firstDifference.offset)} (A ${hex(s.firstDifference.fileOffsetA)}, B ${hex(s.firstDifference.fileOffsetB)})`
          : '—',
      ]),
      numeric: [1, 2, 4],
      mono: [0, 5],
    },
    200,
  );
}

/**
 * What changed, most telling first. `withSummary`: the summary and the two files side by side first, for a
 * document whose cover does not already carry them.
 */
export function comparisonBlocks(c: Comparison, withSummary = true): Block[] {
  const code = c.code.identical === null ? `Code not compared: ${c.code.reason ?? 'nothing to compare'}.` : '';
  const strings = c.strings.listed === 'literal' ? 'Go literals' : 'Strings';
  return [
    ...(withSummary ? summaryBlocks(c) : []),
    ...changesTables(c),
    ...findingsAndVerdicts(c),
    { type: 'heading', text: 'Code and data contents', level: 4 },
    code ? { type: 'text', text: code } : { type: 'table', table: codeTable(c) },
    ...listTable('Functions only in B', c.functions.added),
    ...listTable('Functions only in A', c.functions.removed),
    ...listTable(`${strings} only in B`, c.strings.added),
    ...listTable(`${strings} only in A`, c.strings.removed),
  ];
}

/** Whether they are one program, the summary lines, then the two files side by side. */
export function summaryBlocks(c: Comparison): Block[] {
  const statement = isRecord(c.program) && typeof c.program.statement === 'string' ? c.program.statement : null;
  return [
    ...(statement ? [{ type: 'text', text: redactSecrets(statement), role: 'verdict' } as Block] : []),
    ...c.summary
      .filter((line) => line !== statement)
      .map((line): Block => ({ type: 'text', text: redactSecrets(String(line)) })),
    { type: 'table', table: sideBySide(c) },
  ];
}

export function stripBlocks(s: StripVerification): Block[] {
  const method =
    {
      strip: 'strip (same link, sections removed afterwards)',
      linker: 'linker flags -s/-w (a separate link)',
      unknown: 'unknown (contents differ)',
    }[s.method] ?? s.method;
  return [
    {
      type: 'facts',
      facts: [
        { label: 'Stripped file', value: s.stripped === 'b' ? 'B' : 'A' },
        { label: 'Method', value: method },
        { label: 'Code identical', value: s.codeIdentical ? 'yes: the program runs the same bytes' : 'no' },
        { label: 'Bytes freed', value: `${humanSize(s.bytesFreed)} (${formatCount(s.bytesFreed)} bytes)` },
        { label: 'Symbols', value: `${formatCount(s.symbolsBefore)} → ${formatCount(s.symbolsAfter)}` },
      ],
    },
    ...s.differences.map((line): Block => ({ type: 'text', text: redactSecrets(line) })),
    { type: 'heading', text: 'Removed sections', level: 4 },
    {
      type: 'table',
      table: {
        headers: ['Section', 'Bytes'],
        rows: s.removedSections.map((r) => [r.name, formatCount(r.size)]),
        numeric: [1],
        mono: [0],
      },
    },
    { type: 'heading', text: 'What the stripped file still gives away', level: 4 },
    s.stillLeaks.length === 0
      ? { type: 'text', text: 'Nothing further.' }
      : {
          type: 'table',
          table: {
            headers: ['What', 'Evidence', 'Flag', 'Remedy'],
            rows: s.stillLeaks.map((l) => [l.what, redactSecrets(l.evidence), l.flag ?? '—', l.remedy]),
            mono: [1],
          },
        },
  ];
}
