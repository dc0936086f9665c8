import type { Exe, ExeSection } from '../formats/exe';
import type { Evidence, Finding, FoundString, Report, Verdict } from '../report/types';
import { SectionLocator } from '../strings/section-locator';
import { StringCorpus, type TextKinds } from './corpus';

/** What every rule reads. The corpus and locator are shared so the strings are joined and indexed once. */
export interface RuleContext extends FindingsInput {
  /** Strings from sections that hold program data: no code, symbol names, pclntab or debug info. */
  corpus: StringCorpus;
  /** Every string, for rules that read symbol and file names too (paths, build IDs). */
  fullCorpus: StringCorpus;
  locator: SectionLocator;
  /** Where the Exe's file offsets start in `file` (a fat Mach-O's first slice), added to section offsets. */
  base: number;
}

export interface RuleOutput {
  findings: Finding[];
  verdicts: Verdict[];
  /** Clear values the rule judged secret, for the redaction step; never shown, never in a Finding. */
  secrets: string[];
}

export interface Rule {
  name: string;
  /**
   * The kinds of text the rule's corpora hold: Go literals, other text (printable runs no reference explains),
   * both, or none for rules that read only the parsed file.
   */
  scans: TextKinds;
  run(context: RuleContext): Partial<RuleOutput>;
}

/** The fixed part of a finding: everything except the evidence, the same for every occurrence. */
export type FindingSpec = Pick<Finding, 'id' | 'kind' | 'severity' | 'title' | 'description' | 'remediation'>;

/** What the findings analysis reads: the parsed file, its bytes, the report so far and the extracted strings. */
export interface FindingsInput {
  exe: Exe | null;
  file: Uint8Array;
  report: Report;
  strings: FoundString[];
}

/** Evidence items kept per finding; the rest are counted in the description. */
export const MAX_EVIDENCE = 10;

export function makeFinding(spec: FindingSpec, evidence: Evidence[], extra: Partial<Finding> = {}): Finding {
  const kept = evidence.slice(0, MAX_EVIDENCE);
  const more = evidence.length - kept.length;
  const description = more > 0 ? `${spec.description} (${more} more occurrences not listed)` : spec.description;
  return { ...spec, description, evidence: kept, ...extra };
}

export function makeContext(input: FindingsInput): RuleContext {
  const base = input.report.format === 'macho-fat' ? (input.report.slices[0]?.offset ?? 0) : 0;
  const locator = new SectionLocator(input.exe, base);
  const content = input.exe ? input.strings.filter((s) => isContent(locator.sectionAt(s.offset))) : input.strings;
  const corpus = new StringCorpus(content);
  const fullCorpus = content.length === input.strings.length ? corpus : new StringCorpus(input.strings);
  return { ...input, base, locator, corpus, fullCorpus };
}

// Names and tables the linker writes: identifiers that look like host names ("go.itab.internal/…") but are not.
const NAME_TABLES = /pclntab|symtab|strtab|dynstr|dynsym|typelink|itablink|gosymtab|^\.note|\.rel|\.gnu\.version/;

/**
 * Whether strings in this section are program data worth scanning for secrets and leaks. Strings outside every
 * section (headers, the Mach-O link-edit data, a PE's COFF symbols) are left out for the same reason.
 */
function isContent(section: ExeSection | null): boolean {
  if (!section) return false;
  if (section.kind === 'code' || section.kind === 'symbols' || section.kind === 'debug') return false;
  return !NAME_TABLES.test(section.name);
}

/** The context a rule sees: its corpora hold only the kinds of text it declares. */
export function contextFor(context: RuleContext, rule: Rule): RuleContext {
  return { ...context, corpus: context.corpus.only(rule.scans), fullCorpus: context.fullCorpus.only(rule.scans) };
}

/** Evidence at a file offset, with the section that holds it. */
export function evidenceAt(context: RuleContext, offset: number | null, value: string, note?: string): Evidence {
  const section = offset === null ? null : context.locator.nameAt(offset);
  return note === undefined ? { section, offset, value } : { section, offset, value, context: note };
}

/** Where a found string sits, for evidence context. */
export function stringPlace(found: FoundString): string {
  return found.section ? `string in ${found.section}` : 'string';
}

/** Build settings recorded by the Go toolchain, as key/value pairs (empty when there is no build info). */
export function buildSettings(context: RuleContext): { key: string; value: string }[] {
  return context.report.go?.buildInfo?.settings ?? [];
}

/** Groups items by a key, keeping first-seen order. */
export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
