import type { Report } from '../types';
import { coverPart, type CoverOptions } from './cover';
import { buildPart, diagnosticsPart, linkagePart, sectionsPart } from './details';
import { extrasParts, type ReportExtras } from './extras';
import { findingsPart, residuePart } from './findings';
import type { Part } from './model';
import { vulnerabilitiesPart } from './vulnerabilities';

export interface DocumentOptions extends CoverOptions {
  extras?: ReportExtras;
}

/** The whole audit report as parts, in reading order; both exports render exactly this. */
export function reportParts(report: Report, options: DocumentOptions = {}): Part[] {
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
