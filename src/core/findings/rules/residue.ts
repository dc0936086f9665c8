import type { ExeSection } from '../../formats/exe';
import type { Evidence, Finding, Verdict } from '../../report/types';
import { evidenceAt, makeFinding, type Rule, type RuleContext } from '../finding';
import { ALL_TEXT } from '../corpus';

const DEBUG_SECTION = /^[._]+z?debug_/;
const SYMBOL_SECTIONS = new Set(['.symtab', '.strtab']);

function debugSections(context: RuleContext): ExeSection[] {
  return (context.exe?.sections ?? []).filter((s) => DEBUG_SECTION.test(s.name) || s.segment === '__DWARF');
}

function fileBytes(section: ExeSection): number {
  return section.fileSize;
}

/** Total file bytes of some sections, and one piece of evidence per section with its size. */
function sized(context: RuleContext, sections: ExeSection[]): { bytes: number; evidence: Evidence[] } {
  return {
    bytes: sections.reduce((sum, s) => sum + fileBytes(s), 0),
    evidence: sections.map((s) => evidenceAt(context, context.base + s.offset, `${s.name}: ${fileBytes(s)} bytes`)),
  };
}

/** PE keeps its COFF symbol table outside every section; its header says where and how many. */
function coffSymbolBytes(context: RuleContext): number {
  const header = context.exe?.header ?? {};
  const count = Number(header.numberOfSymbols ?? header.NumberOfSymbols ?? 0);
  return Number.isFinite(count) && count > 0 ? count * 18 : 0;
}

function symtabFinding(context: RuleContext): Finding | null {
  const sections = (context.exe?.sections ?? []).filter((s) => SYMBOL_SECTIONS.has(s.name));
  const staticSymbols = (context.exe?.symbols ?? []).filter((s) => !s.dynamic).length;
  if (sections.length === 0 && staticSymbols === 0) return null;
  const inSections = sized(context, sections);
  const bytes = inSections.bytes + coffSymbolBytes(context);
  const evidence =
    sections.length > 0
      ? inSections.evidence
      : [evidenceAt(context, null, `${staticSymbols} static symbols`, 'symbol table')];
  return makeFinding(
    {
      id: 'residue.symtab',
      kind: 'residue',
      severity: 'low',
      title: 'Symbol table present',
      description: 'The static symbol table names every function and global, which makes reverse engineering easier.',
      remediation: 'Link with -ldflags="-s -w" (or run strip). Go keeps pclntab, so stack traces still work.',
    },
    evidence,
    { bytes },
  );
}

function dwarfFinding(context: RuleContext): Finding | null {
  const sections = debugSections(context);
  if (sections.length === 0) return null;
  const { bytes, evidence } = sized(context, sections);
  return makeFinding(
    {
      id: 'residue.dwarf',
      kind: 'residue',
      severity: 'low',
      title: 'DWARF debug information',
      description: `${sections.length} debug sections (${bytes} bytes) describe types, variables and source lines.`,
      remediation: 'Link with -ldflags="-s -w" (-w drops DWARF), or strip the binary.',
    },
    evidence,
    { bytes },
  );
}

function commentFinding(context: RuleContext): Finding | null {
  const section = context.exe?.sections.find((s) => s.name === '.comment');
  const data = section && context.exe?.sectionData(section);
  if (!section || !data) return null;
  const texts = [
    ...new Set(
      new TextDecoder()
        .decode(data)
        .split('\0')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  return makeFinding(
    {
      id: 'residue.comment',
      kind: 'residue',
      severity: 'info',
      title: 'Compiler identification (.comment)',
      description: 'The C toolchain that took part in the link left its name and version.',
      remediation: 'Remove with `strip -R .comment`; pure-Go builds (CGO_ENABLED=0) have none.',
    },
    texts.map((text) => evidenceAt(context, context.base + section.offset, text, '.comment')),
    { bytes: fileBytes(section) },
  );
}

const GO_BUILD_ID = /Go build ID: "(?<id>[A-Za-z0-9_/=+-]{10,})"/g;

function buildIdFinding(context: RuleContext): Finding | null {
  const evidence = (context.exe?.notes ?? [])
    .filter((n) => /BUILD_?ID/i.test(n.typeName))
    .map((n) => evidenceAt(context, null, n.value, `${n.owner} note ${n.typeName}`));
  if (!evidence.some((e) => e.context?.startsWith('Go'))) {
    const first = context.fullCorpus.matches(GO_BUILD_ID).next();
    if (!first.done)
      evidence.push(evidenceAt(context, first.value.offset, first.value.match.groups!.id!, 'Go build ID'));
  }
  if (evidence.length === 0) return null;
  return makeFinding(
    {
      id: 'residue.build-id',
      kind: 'residue',
      severity: 'info',
      title: 'Build IDs',
      description: 'Build IDs tie the binary to a build cache entry and to its debug files; they reveal nothing else.',
      remediation:
        "Keep them for symbolization, or clear Go's with -ldflags=-buildid= and the GNU one with " +
        '-ldflags=-extldflags=-Wl,--build-id=none (cgo builds).',
    },
    evidence,
    { bytes: evidence.reduce((sum, e) => sum + e.value.length, 0) },
  );
}

function residueVerdicts(symtab: Finding | null, dwarf: Finding | null): Verdict[] {
  return [
    {
      id: 'stripped',
      group: 'residue',
      label: 'Symbol table stripped',
      status: symtab ? 'warn' : 'pass',
      value: symtab ? 'no' : 'yes',
      reason: symtab ? symtab.evidence.map((e) => e.value).join(', ') : 'no static symbols',
    },
    {
      id: 'dwarf',
      group: 'residue',
      label: 'Debug info removed',
      status: dwarf ? 'warn' : 'pass',
      value: dwarf ? 'no' : 'yes',
      reason: dwarf ? `${dwarf.bytes ?? 0} bytes of DWARF` : 'no debug sections',
    },
  ];
}

export const residueRule: Rule = {
  name: 'residue',
  scans: ALL_TEXT,
  run(context) {
    const symtab = symtabFinding(context);
    const dwarf = dwarfFinding(context);
    const found = [symtab, dwarf, commentFinding(context), buildIdFinding(context)];
    return { findings: found.filter((f): f is Finding => f !== null), verdicts: residueVerdicts(symtab, dwarf) };
  },
};
