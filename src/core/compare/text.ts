import { hex } from '../io/reader';
import { humanSize } from './diff';
import { settingText } from './summary';
import type { CappedList, Comparison, FileIdentity, StripVerification } from './types';

/** Items of a long list the text view prints before "… and N more"; --json has the full capped lists. */
const TEXT_LIST_LIMIT = 20;

/** A titled block: the changed rows indented, the unchanged ones folded into a count. */
function block(title: string, rows: string[], unchanged: number): string[] {
  const folded = unchanged > 0 ? `${unchanged} unchanged` : '';
  if (rows.length === 0) return [`${title}: ${folded || 'nothing to compare'}`];
  return [`${title}:${folded ? ` (${folded})` : ''}`, ...rows.map((row) => `  ${row}`)];
}

/** Strings are shown quoted, so tabs, control bytes and trailing spaces stay visible and do not break lines. */
function listed(prefix: string, list: CappedList<string>, quote = false): string[] {
  const shown = list.items.slice(0, TEXT_LIST_LIMIT).map((item) => `${prefix} ${quote ? JSON.stringify(item) : item}`);
  const more = list.count - shown.length;
  return more > 0 ? [...shown, `${prefix} … and ${more} more`] : shown;
}

function identity(label: string, file: FileIdentity): string {
  return (
    `${label}: ${file.name}  ${humanSize(file.size)}  ${file.format}${file.arch ? ` ${file.arch}` : ''}` +
    `  ${file.goVersion ?? 'no Go version'}  sha256:${file.sha256}`
  );
}

function codeRows(c: Comparison): string[] {
  const rows: string[] = [];
  for (const s of c.code.sections) {
    if (s.identical) continue;
    const run = s.firstDifference;
    rows.push(
      `${s.name}: ${s.differingBytes} bytes differ (${s.sizeA} → ${s.sizeB} bytes)` +
        (run
          ? `, first run of ${run.length} at +${hex(run.offset)} (file ${hex(run.fileOffsetA)} in A, ${hex(run.fileOffsetB)} in B)`
          : ''),
    );
  }
  return rows;
}

function stripBlock(strip: StripVerification): string[] {
  const rows = [
    `stripped side: ${strip.stripped.toUpperCase()} (${strip.method}), code identical: ${strip.codeIdentical ? 'yes' : 'no'}`,
    `symbols: ${strip.symbolsBefore} → ${strip.symbolsAfter}`,
    `removed sections: ${strip.removedSections.length} (${humanSize(strip.bytesFreed)} freed)`,
    ...strip.removedSections.map((s) => `  - ${s.name} ${s.size} bytes`),
    ...strip.differences.map((d) => `differs: ${d}`),
    ...strip.stillLeaks.map((l) => `still leaks: ${l.what}: ${l.evidence} [${l.flag ?? 'no flag removes it'}]`),
  ];
  return block('Strip verification', rows, 0);
}

function metadataBlocks(c: Comparison): string[] {
  const settings = [...c.buildSettings.added, ...c.buildSettings.removed, ...c.buildSettings.changed];
  const modules = [...c.modules.added, ...c.modules.removed, ...c.modules.changed].map(
    (m) => `${m.path}: ${m.what.join(', ')} (${m.before?.version ?? '—'} → ${m.after?.version ?? '—'})`,
  );
  const sections = [
    ...c.sections.added.map((s) => `+ ${s.name} ${s.size} bytes`),
    ...c.sections.removed.map((s) => `- ${s.name} ${s.size} bytes`),
    ...c.sections.resized.map((s) => `~ ${s.name} ${s.sizeA} → ${s.sizeB} bytes (${s.delta > 0 ? '+' : ''}${s.delta})`),
  ];
  const moduleSizes = c.moduleSizes
    .filter((m) => m.delta !== 0)
    .map((m) => `~ ${m.path} ${m.sizeA} → ${m.sizeB} bytes (${m.delta > 0 ? '+' : ''}${m.delta})`);
  const versions = c.goVersion.changed ? [`${c.goVersion.a ?? 'unknown'} → ${c.goVersion.b ?? 'unknown'}`] : [];
  return [
    ...block('Go version', versions, c.goVersion.changed ? 0 : 1),
    ...block('Build settings', settings.map(settingText), c.buildSettings.unchanged),
    ...block('Modules', modules, c.modules.unchanged),
    ...block('Sections', sections, c.sections.unchanged),
    ...block('Size by module', moduleSizes, c.moduleSizes.length - moduleSizes.length),
    `Symbols: ${c.symbols.a.total} → ${c.symbols.b.total} (dynamic ${c.symbols.a.dynamic} → ${c.symbols.b.dynamic})`,
  ];
}

function inventoryBlocks(c: Comparison): string[] {
  const f = c.functions;
  const functionRows = [...listed('+', f.added), ...listed('-', f.removed)];
  if (f.absoluteFilesA !== f.absoluteFilesB)
    functionRows.push(`absolute source paths: ${f.absoluteFilesA} → ${f.absoluteFilesB}`);
  const findingRows = [
    ...c.findings.new.map((x) => `+ [${x.severity}] ${x.id} ${x.value}`.trimEnd()),
    ...c.findings.fixed.map((x) => `- [${x.severity}] ${x.id} ${x.value}`.trimEnd()),
  ];
  const verdictRows = c.verdicts.changed.map(
    (v) =>
      `${v.label}: ${v.before ? `${v.before.status} (${v.before.value})` : 'none'} → ${v.after ? `${v.after.status} (${v.after.value})` : 'none'}`,
  );
  const stringRows = [...listed('+', c.strings.added, true), ...listed('-', c.strings.removed, true)];
  const listedKind = c.strings.listed === 'literal' ? 'Go literals' : 'readable text';
  return [
    ...block(`Functions (${f.countA} → ${f.countB})`, functionRows, f.countA - f.removed.count),
    ...block(
      `Findings (${c.findings.countA} → ${c.findings.countB}; rows are evidence values)`,
      findingRows,
      c.findings.unchanged,
    ),
    ...block('Verdicts', verdictRows, c.verdicts.unchanged),
    ...block(
      `Strings (${c.strings.countA} → ${c.strings.countB}; ${listedKind} listed)`,
      stringRows.length > 0 ? stringRows : ['none on one side only'],
      0,
    ),
  ];
}

/** The comparison as text for a terminal: which programs, who, the summary, then each part with unchanged rows folded away. */
export function formatComparison(c: Comparison): string {
  return [
    ...(c.program.verdict === 'different' ? [c.program.statement, ''] : []),
    identity('A', c.a),
    identity('B', c.b),
    '',
    ...c.summary.filter((line) => line !== c.program.statement).map((line) => `* ${line}`),
    '',
    ...(c.code.identical === null
      ? [`Code: not compared (${c.code.reason ?? 'nothing to compare'})`]
      : block('Code', codeRows(c), c.code.sections.filter((s) => s.identical).length)),
    ...(c.stripVerification ? stripBlock(c.stripVerification) : []),
    ...metadataBlocks(c),
    ...inventoryBlocks(c),
  ].join('\n');
}
