import type { ReconcileKind, ReconcileSeverity, Sbom } from '../../../../core/sbom/types';
import { count } from '../../lib/format';

/** "1 component", "2 components". */
export function plural(n: number, word: string): string {
  return `${count(n)} ${word}${n === 1 ? '' : 's'}`;
}

export const FORMAT_NAME: Record<Sbom['format'], string> = {
  'cyclonedx-json': 'CycloneDX (JSON)',
  'cyclonedx-xml': 'CycloneDX (XML)',
  'spdx-json': 'SPDX (JSON)',
  'spdx-tag-value': 'SPDX (tag-value)',
  'spdx3-json': 'SPDX 3 (JSON-LD)',
};

/** "the CycloneDX 1.6 schema", "the SPDX 2.3 schema". */
export function schemaName(sbom: Sbom): string {
  return `${sbom.format.startsWith('spdx') ? 'SPDX' : 'CycloneDX'} ${sbom.specVersion}`;
}

export const KIND_TEXT: Record<ReconcileKind, { title: string; hint: string; short: string }> = {
  'missing-from-sbom': {
    title: 'Missing from the SBOM',
    short: 'missing from the SBOM',
    hint: 'Blind spots: the binary holds these modules, but anyone scanning the SBOM cannot see them.',
  },
  'not-in-binary': {
    title: 'Not in the binary',
    short: 'not in the binary',
    hint: 'The SBOM lists these, but the build info records no such module.',
  },
  'version-mismatch': {
    title: 'Version mismatch',
    short: 'version mismatch',
    hint: 'Both name the module, with different versions.',
  },
  'replacement-not-reflected': {
    title: 'Replacement not reflected',
    short: 'replacement not reflected',
    hint: 'The binary was built with a replaced module; the SBOM does not record the replacement.',
  },
  'hash-mismatch': {
    title: 'Hash mismatch',
    short: 'hash mismatch',
    hint: 'The SBOM gives a hash that is not the one the binary recorded for the module.',
  },
  'main-only-in-metadata': {
    title: 'Main module only in metadata',
    short: 'main module only in metadata',
    hint: 'The SBOM names the program it describes, but not among its components: scanners that read only the components skip it.',
  },
};

/** Errors look like the high findings, warnings like the medium ones: the colours the findings list uses. */
export const SEVERITY_CLASS: Record<ReconcileSeverity, string> = { error: 'sev-high', warning: 'sev-medium' };
