import type { Report } from '../types';
import { coverPart, type CoverOptions } from './cover';
import { buildPart, diagnosticsPart, linkagePart, sectionsPart } from './details';
import { extrasParts, type ReportExtras } from './extras';
import { findingsPart, residuePart } from './findings';
import type { Part } from './model';
import { comparisonCover, reconciliationCover, subjectOf } from './subject';
import { vulnerabilitiesPart } from './vulnerabilities';

export interface DocumentOptions extends CoverOptions {
  extras?: ReportExtras;
}

/**
 * The whole document as parts, in reading order; both exports render exactly this. With a comparison or a
 * reconciliation it is their document, their verdict on the cover; otherwise the one-binary audit report.
 */
export function reportParts(report: Report, options: DocumentOptions = {}): Part[] {
  const subject = subjectOf(options.extras);
  if (subject.kind === 'comparison')
    return [comparisonCover(subject.comparison, report.tool, options), ...extrasParts(options.extras, true)];
  if (subject.kind === 'reconciliation')
    return [reconciliationCover(report, subject.reconciliation, options), ...extrasParts(options.extras, true)];
  const parts: (Part | null)[] = [
    coverPart(report, options),
    findingsPart(report),
    vulnerabilitiesPart(report),
    linkagePart(report),
    buildPart(report),
    residuePart(report),
    sectionsPart(report),
    ...extrasParts(options.extras),
    diagnosticsPart(report),
  ];
  return parts.filter((part): part is Part => part !== null);
}
