import { shannonEntropy } from '../formats/entropy';
import type { Exe, ExeSegment, ParsedFile } from '../formats/exe';
import { hex } from '../io/reader';
import type { Report, ReportFile, ReportSection, ReportSegment } from './types';
import { SCHEMA_VERSION } from './types';

export const TOOL = { name: 'gobinscope', version: '0.1.0' };

export function emptyReport(file: ReportFile): Report {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: TOOL,
    file,
    format: 'unknown',
    arch: null,
    bits: null,
    endian: null,
    header: {},
    slices: [],
    sections: [],
    segments: [],
    symbols: { total: 0, dynamic: 0, goFunctions: 0 },
    notes: [],
    detection: { isGo: false, reason: 'not analysed' },
    go: null,
    linkage: null,
    packed: null,
    findings: [],
    verdicts: [],
    diagnostics: [],
    sizes: null,
    vulnerabilities: [],
    vulnDb: null,
  };
}

function segmentFlags(s: ExeSegment): string {
  return `${s.readable ? 'R' : '-'}${s.writable ? 'W' : '-'}${s.executable ? 'X' : '-'}`;
}

/** Sections with entropy; offsets made absolute in the file (fat slices add their offset). */
export function reportSections(exe: Exe, sliceOffset: number): ReportSection[] {
  return exe.sections.map((s) => {
    const data = s.fileSize > 0 ? exe.sectionData(s) : null;
    return {
      name: s.segment ? `${s.segment},${s.name}` : s.name,
      type: s.type,
      address: hex(s.address),
      offset: s.offset + (s.fileSize > 0 || s.offset > 0 ? sliceOffset : 0),
      size: s.size,
      flags: s.flags,
      entropy: data && data.length > 0 ? Math.round(shannonEntropy(data) * 1000) / 1000 : null,
      kind: s.kind,
    };
  });
}

export function reportSegments(exe: Exe, sliceOffset: number): ReportSegment[] {
  return exe.segments.map((s) => ({
    type: s.type,
    address: hex(s.address),
    offset: s.offset + sliceOffset,
    fileSize: s.fileSize,
    memSize: s.memSize,
    flags: segmentFlags(s),
  }));
}

/** Fills the format-level part of the report from the first (or only) executable. */
export function fillFormat(report: Report, parsed: ParsedFile): Exe {
  const exe = parsed.exes[0]!;
  const sliceOffset = parsed.sliceOffsets[0] ?? 0;
  report.format = parsed.container;
  report.arch = exe.arch;
  report.bits = exe.bits;
  report.endian = exe.littleEndian ? 'little' : 'big';
  report.header = exe.header;
  report.slices =
    parsed.container === 'macho-fat'
      ? parsed.exes.map((e, i) => ({ arch: e.arch, offset: parsed.sliceOffsets[i] ?? 0 }))
      : [];
  report.sections = reportSections(exe, sliceOffset);
  report.segments = reportSegments(exe, sliceOffset);
  report.symbols = {
    total: exe.symbols.length,
    dynamic: exe.symbols.filter((s) => s.dynamic).length,
    goFunctions: 0,
  };
  report.notes = exe.notes.map((n) => ({ owner: n.owner, typeName: n.typeName, value: n.value }));
  report.diagnostics.push(...parsed.diagnostics, ...exe.diagnostics);
  return exe;
}
