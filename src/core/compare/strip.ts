import { splitFlags, unquoteSetting } from '../findings/rules/ldflags';
import { hex } from '../io/reader';
import type { Report, ReportSection } from '../report/types';
import { humanSize, plural } from './diff';
import { stillLeaks } from './leaks';
import { compareSettings, mainModuleOf, settingsOf } from './metadata';
import { settingText } from './summary';
import type { CodeComparison, SectionContentComparison, SectionSize, StripVerification } from './types';

/** Section kinds that only tools read: what strip and -s -w remove. */
const RESIDUE_KINDS = new Set(['symbols', 'debug']);

/** Section-name tables shrink whenever sections go; their new size says nothing else. */
const NAME_TABLES = new Set(['.shstrtab']);

function goBuildId(report: Report): string | null {
  return report.notes.find((n) => n.owner === 'Go' && n.value !== '')?.value ?? null;
}

/** The code section's size: ".text" in ELF and PE, "__TEXT,__text" in Mach-O reports. */
function textSize(report: Report): number | null {
  return report.sections.find((s) => s.name === '.text' || s.name.endsWith(',__text'))?.size ?? null;
}

function functionList(report: Report): string {
  return (report.go?.functions ?? []).map((f) => `${f.name}@${f.entry}`).join('\n');
}

/** Two builds of the same program: the same build ID, or the same main module and code size, or the same functions. */
function sameProgram(a: Report, b: Report): boolean {
  const id = goBuildId(a);
  if (id !== null && id === goBuildId(b)) return true;
  const main = mainModuleOf(a);
  const text = textSize(a);
  if (main !== null && main === mainModuleOf(b) && text !== null && text === textSize(b)) return true;
  const functions = functionList(a);
  return functions !== '' && functions === functionList(b);
}

function staticSymbols(report: Report): number {
  return report.symbols.total - report.symbols.dynamic;
}

/** True when `stripped` lacks symbol or debug sections `full` has, or kept less than half its static symbols. */
function lostResidue(stripped: Report, full: Report): boolean {
  const names = new Set(stripped.sections.map((s) => s.name));
  const lostSections = full.sections.some((s) => RESIDUE_KINDS.has(s.kind) && !names.has(s.name));
  return lostSections || staticSymbols(stripped) < staticSymbols(full) / 2;
}

/** Which side looks like a stripped copy of the other, or null when neither does. */
export function strippedSide(a: Report, b: Report): 'a' | 'b' | null {
  if (a.format === 'unknown' || a.format !== b.format || a.arch !== b.arch) return null;
  if (!sameProgram(a, b)) return null;
  const bStripped = lostResidue(b, a);
  const aStripped = lostResidue(a, b);
  if (bStripped === aStripped) return null;
  return bStripped ? 'b' : 'a';
}

/** Bytes a section takes in the file: none for NOBITS / zero-fill sections, which only reserve memory. */
function fileBytes(section: ReportSection): number {
  return section.type === 'NOBITS' || /ZEROFILL|UNINITIALIZED/i.test(section.type) ? 0 : section.size;
}

function removedSections(full: Report, stripped: Report): SectionSize[] {
  const kept = new Set(stripped.sections.map((s) => s.name));
  return full.sections
    .filter((s) => s.name !== '' && !kept.has(s.name))
    .map((s) => ({ name: s.name, size: fileBytes(s) }));
}

/** True when the stripped file's build settings record a link with -s or -w. */
function linkedWithoutSymbols(stripped: Report): boolean {
  return settingsOf(stripped)
    .filter((s) => s.key === '-ldflags')
    .some((s) => splitFlags(unquoteSetting(s.value)).some((flag) => /^--?[sw](=.*)?$/.test(flag)));
}

function sectionDifference(s: SectionContentComparison): string {
  const sizes = s.sizeA === s.sizeB ? `${s.sizeA} bytes` : `${s.sizeA} → ${s.sizeB} bytes`;
  const run = s.firstDifference;
  const where = run
    ? `; first differing run at +${hex(run.offset)} (${plural(run.length, 'byte')}; file ${hex(run.fileOffsetA)}–` +
      `${hex(run.fileOffsetA + run.length)} in A, ${hex(run.fileOffsetB)} in B)`
    : '';
  return `${s.name}: ${s.differingBytes} of ${sizes} differ${where}`;
}

/** What differs besides the removed sections: contents, recorded settings, the build ID, resized sections. */
function differences(
  full: Report,
  stripped: Report,
  code: CodeComparison,
  method: StripVerification['method'],
): string[] {
  const lines = code.sections.filter((s) => !s.identical).map(sectionDifference);
  if (method === 'linker') {
    lines.unshift(
      'A separate link with -s/-w, not a strip of the same link: the linker never wrote the symbol table ' +
        'or DWARF, so the layout moved and the addresses inside code and data changed with it.',
    );
  }
  const settings = compareSettings(full, stripped);
  for (const change of [...settings.added, ...settings.removed, ...settings.changed]) {
    lines.push(`build setting ${settingText(change)}`);
  }
  if (goBuildId(full) !== goBuildId(stripped)) lines.push('the Go build ID differs: a different link');
  const strippedSizes = new Map(stripped.sections.map((s) => [s.name, s.size]));
  const described = new Set(code.sections.map((s) => s.name));
  for (const s of full.sections) {
    const after = strippedSizes.get(s.name);
    if (after !== undefined && after !== s.size && !NAME_TABLES.has(s.name) && !described.has(s.name)) {
      lines.push(`${s.name} resized ${s.size} → ${after} bytes (${humanSize(after - s.size)})`);
    }
  }
  return lines;
}

/**
 * Proves what stripping did: the code and data compared by contents, what was removed and what it freed, how
 * many symbols remain, and what the stripped file still gives away.
 */
export function verifyStrip(a: Report, b: Report, code: CodeComparison, side: 'a' | 'b'): StripVerification {
  const [full, stripped] = side === 'b' ? [a, b] : [b, a];
  const method = code.identical === true ? 'strip' : linkedWithoutSymbols(stripped) ? 'linker' : 'unknown';
  const removed = removedSections(full, stripped);
  return {
    stripped: side,
    method,
    codeIdentical: code.identical === true,
    comparedSections: code.sections,
    removedSections: removed,
    bytesFreed: removed.reduce((sum, s) => sum + s.size, 0),
    symbolsBefore: full.symbols.total,
    symbolsAfter: stripped.symbols.total,
    differences: differences(full, stripped, code, method),
    stillLeaks: stillLeaks(stripped),
  };
}
