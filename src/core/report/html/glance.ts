import { humanSize } from '../../compare/diff';
import type { Report, Verdict } from '../types';
import type { Cell, Table } from './model';
import { toneText } from './model';
import { severityCounts } from './verdict';
import { findingsStatus, groupStatus } from '../area-status';

/** The cover's table of areas: one line each, like the app's verdict cards, before the evidence. */

function statusCell(status: Verdict['status']): Cell {
  return { text: toneText(status), tone: status };
}

/** "…; worst: No RELRO (medium)": the detail names what set the status, as the app's card does. */
function withReason(detail: string, because: string | null): string {
  return because ? `${detail}; set by ${because}` : detail;
}

function findingsRow(report: Report): Cell[] {
  const counts = severityCounts(report.findings).filter((c) => c.count > 0);
  const { status, because } = findingsStatus(report);
  const detail = counts.length
    ? `${report.findings.length} total: ${counts.map((c) => `${c.count} ${c.severity}`).join(', ')}`
    : 'none';
  return ['Findings', statusCell(status), withReason(detail, because)];
}

function residueRow(report: Report): Cell[] {
  if (report.format === 'unknown') return ['Residue', statusCell('n/a'), 'not an executable'];
  const residue = report.findings.filter((f) => f.kind === 'residue' && (f.bytes ?? 0) > 0 && f.severity !== 'info');
  if (residue.length === 0) return ['Residue', statusCell('pass'), 'no symbol table or debug information'];
  const bytes = residue.reduce((sum, f) => sum + (f.bytes ?? 0), 0);
  return ['Residue', statusCell('warn'), `${residue.map((f) => f.title).join(', ')}: ${humanSize(bytes)} to save`];
}

function groupRow(report: Report, group: 'hardening' | 'portability', title: string): Cell[] {
  const verdicts = report.verdicts.filter((v) => v.group === group);
  if (verdicts.length === 0) return [title, statusCell('n/a'), 'not checked for this format'];
  const failed = verdicts.filter((v) => v.status === 'fail');
  const warned = verdicts.filter((v) => v.status === 'warn');
  const { status, because } = groupStatus(report, group);
  const detail =
    failed.length || warned.length
      ? [...failed, ...warned].map((v) => `${v.label}: ${v.value}`).join('; ')
      : verdicts.map((v) => v.label).join(', ');
  return [title, statusCell(status), withReason(detail, because)];
}

function packingRow(report: Report): Cell[] {
  const packed = report.packed;
  const packer = packed ? `${packed.packer} ${packed.version ?? ''}`.trim() : '';
  if (packed?.unpacked) return ['Packing', statusCell('warn'), `${packer}, unpacked in memory`];
  if (packed) return ['Packing', statusCell('fail'), packer];
  return ['Packing', statusCell(report.format === 'unknown' ? 'n/a' : 'pass'), 'not packed'];
}

/** One line per area, like the app's verdict cards: the cover's answer before the evidence. */
export function glanceTable(report: Report): Table {
  const linkage = report.linkage;
  const linkageText = linkage
    ? [
        linkage.cgo ? 'CGO' : 'no CGO',
        linkage.libc && linkage.libc !== 'none' ? linkage.libc : 'no libc',
        linkage.glibcMax ? `needs GLIBC ${linkage.glibcMax}` : '',
      ]
        .filter(Boolean)
        .join(', ')
    : 'could not be read';
  return {
    headers: ['Area', 'Result', 'Detail'],
    rows: [
      findingsRow(report),
      groupRow(report, 'hardening', 'Hardening'),
      groupRow(report, 'portability', 'Portability'),
      residueRow(report),
      ['Linkage', linkage ? (linkage.static ? 'static' : 'dynamic') : 'unknown', linkageText],
      packingRow(report),
    ],
  };
}
