import { hex } from '../io/reader';
import { humanSize, plural } from './diff';
import type {
  Comparison,
  FindingDelta,
  ModuleChange,
  SettingChange,
  StripVerification,
  VulnerabilityComparison,
} from './types';

type Parts = Omit<Comparison, 'summary' | 'schemaVersion'>;

/** How many items a summary line names before "and N more". */
const NAMED_IN_LINE = 3;

function named(items: string[]): string {
  const shown = items.slice(0, NAMED_IN_LINE).join('; ');
  return items.length > NAMED_IN_LINE ? `${shown}; and ${items.length - NAMED_IN_LINE} more` : shown;
}

function codeLine(parts: Parts): string {
  const code = parts.code;
  if (code.identical === null) return `Code not compared: ${code.reason ?? 'nothing to compare'}.`;
  const names = code.sections.map((s) => s.name).join(', ');
  if (code.identical) return `Code identical: ${names} have the same contents (SHA-256).`;
  const differing = code.sections.filter((s) => !s.identical);
  const first = differing[0]!;
  const where = first.firstDifference
    ? `, first at +${hex(first.firstDifference.offset)} (file ${hex(first.firstDifference.fileOffsetA)} in A)`
    : '';
  const others = differing.slice(1).map((s) => s.name);
  return (
    `Code differs: ${first.differingBytes} bytes in ${first.name}${where}` +
    `${others.length > 0 ? `; also ${others.join(', ')}` : ''}.`
  );
}

function stripLine(strip: StripVerification): string {
  const [full, stripped] = strip.stripped === 'b' ? ['A', 'B'] : ['B', 'A'];
  const how = {
    strip: `a stripped copy of ${full} (contents identical)`,
    linker: `${full} linked again with -s/-w (a different link, contents differ)`,
    unknown: `a stripped build of ${full} whose contents differ`,
  }[strip.method];
  const leaks = strip.stillLeaks.filter((l) => l.flag).map((l) => `${l.what.replace(/ \(.*\)$/, '')} (${l.flag})`);
  return (
    `${stripped} is ${how}: ${plural(strip.removedSections.length, 'section')} removed ` +
    `(${humanSize(strip.bytesFreed)}), symbols ${strip.symbolsBefore} → ${strip.symbolsAfter}` +
    `${leaks.length > 0 ? `; still leaks ${leaks.join(', ')}` : ''}.`
  );
}

function vulnerabilityLine(v: VulnerabilityComparison): string {
  const fixed = v.fixed.map((d) => d.id);
  const introduced = v.introduced.map((d) => `${d.id} (${d.status})`);
  const parts = [
    fixed.length > 0
      ? `B fixes ${fixed.length} ${fixed.length === 1 ? 'vulnerability' : 'vulnerabilities'}: ${named(fixed)}`
      : '',
    introduced.length > 0 ? `B introduces ${introduced.length}: ${named(introduced)}` : '',
  ].filter(Boolean);
  if (parts.length === 0) return `Vulnerabilities unchanged: ${v.unchanged} carried by both.`;
  return `${parts.join('; ')}; ${v.unchanged} unchanged.`;
}

function findingText(f: FindingDelta): string {
  return f.value ? `${f.id} ${f.value}` : f.id;
}

function moduleText(m: ModuleChange): string {
  if (!m.before) return `added ${m.path} ${m.after?.version ?? ''}`.trim();
  if (!m.after) return `removed ${m.path} ${m.before.version}`.trim();
  const describe = (s: NonNullable<ModuleChange['before']>): string =>
    `${s.version}${s.replace ? ` => ${s.replace}` : ''}`;
  if (m.what.length === 1 && m.what[0] === 'sum') return `${m.path} ${m.after.version}: go.sum hash changed`;
  return `${m.path} ${describe(m.before)} → ${describe(m.after)}`;
}

export function settingText(s: SettingChange): string {
  if (s.before === null) return `added ${s.key}=${s.after ?? ''}`;
  if (s.after === null) return `removed ${s.key}=${s.before}`;
  return `${s.key}: ${s.before} → ${s.after}`;
}

/** Findings counted as the Findings tabs count them; the rows, one per evidence value, said as values. */
function findingLines(findings: Parts['findings']): string[] {
  const lines: string[] = [];
  if (findings.new.length + findings.fixed.length === 0) return lines;
  lines.push(`Findings ${findings.countA} → ${findings.countB}.`);
  if (findings.new.length > 0)
    lines.push(
      `New in B: ${plural(findings.new.length, 'value')} of ${plural(findings.withNew, 'finding')}: ${named(findings.new.map(findingText))}.`,
    );
  if (findings.fixed.length > 0)
    lines.push(
      `Gone from A: ${plural(findings.fixed.length, 'value')} of ${plural(findings.withFixed, 'finding')}: ${named(findings.fixed.map(findingText))}.`,
    );
  return lines;
}

function sizeLine(parts: Parts): string {
  const { a, b, delta } = parts.size;
  if (delta === 0) return `Size unchanged: ${humanSize(a)} (${a} bytes).`;
  const percent = a > 0 ? ` (${delta > 0 ? '+' : ''}${((delta / a) * 100).toFixed(1)}%)` : '';
  return `Size ${humanSize(a)} → ${humanSize(b)}: ${delta > 0 ? '+' : ''}${humanSize(delta)}${percent}.`;
}

function changeLines(parts: Parts): string[] {
  const lines: string[] = [];
  const { findings, modules, buildSettings, verdicts, functions } = parts;
  lines.push(...findingLines(findings));
  if (parts.mainModule.changed && parts.program.verdict !== 'different')
    lines.push(`Main module ${parts.mainModule.a ?? 'none'} → ${parts.mainModule.b ?? 'none'}.`);
  const moduleChanges = [...modules.added, ...modules.removed, ...modules.changed];
  if (moduleChanges.length > 0)
    lines.push(`${plural(moduleChanges.length, 'module')} changed: ${named(moduleChanges.map(moduleText))}.`);
  if (parts.goVersion.changed)
    lines.push(`Go version ${parts.goVersion.a ?? 'unknown'} → ${parts.goVersion.b ?? 'unknown'}.`);
  const settings = [...buildSettings.added, ...buildSettings.removed, ...buildSettings.changed];
  if (settings.length > 0) lines.push(`Build settings: ${named(settings.map(settingText))}.`);
  if (verdicts.changed.length > 0) {
    const text = verdicts.changed.map((v) => `${v.label} ${v.before?.status ?? 'none'} → ${v.after?.status ?? 'none'}`);
    lines.push(`Verdicts: ${named(text)}.`);
  }
  if (functions.added.count + functions.removed.count > 0) {
    lines.push(
      `Functions: ${functions.added.count} added, ${functions.removed.count} removed (${functions.countA} → ${functions.countB}).`,
    );
  }
  return lines;
}

/** The one-line statements of what matters, most important first: code, strip, findings, modules, Go, size. */
export function summarize(parts: Parts): string[] {
  const lines: string[] = [];
  // Who before what: between two programs every difference below is expected, so that comes first.
  if (parts.program.verdict === 'different') lines.push(parts.program.statement);
  if (!parts.format.same) {
    lines.push(
      `Different files: ${parts.format.a} ${parts.format.archA ?? '?'} vs ${parts.format.b} ${parts.format.archB ?? '?'}.`,
    );
  }
  lines.push(codeLine(parts));
  if (parts.stripVerification) lines.push(stripLine(parts.stripVerification));
  if (parts.vulnerabilities) lines.push(vulnerabilityLine(parts.vulnerabilities));
  lines.push(...changeLines(parts), sizeLine(parts));
  return lines;
}
