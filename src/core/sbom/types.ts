export type SbomFormat = 'cyclonedx-json' | 'cyclonedx-xml' | 'spdx-json' | 'spdx-tag-value' | 'spdx3-json';

export interface SbomHash {
  /** CycloneDX spelling ("SHA-256", "SHA-1", ...); SPDX names ("SHA256") are mapped onto it. */
  alg: string;
  /** Lower-case hex. */
  content: string;
}

export interface SbomProperty {
  name: string;
  value: string;
}

export interface SbomComponent {
  /** CycloneDX bom-ref or SPDX SPDXID; "" when the document gives none. */
  bomRef: string;
  name: string;
  /** "" when the document gives none. */
  version: string;
  /** "" when the document gives none. */
  purl: string;
  /** CycloneDX component type ("library", "application", ...); SPDX primaryPackagePurpose in lower case. */
  type: string;
  group?: string;
  hashes: SbomHash[];
  /** SPDX ids, license names or expressions. */
  licenses: string[];
  /** CycloneDX properties; [] for SPDX. */
  properties: SbomProperty[];
  /** purls (or names) of CycloneDX pedigree ancestors: what this component was derived from, e.g. a replaced module. */
  ancestors: string[];
}

export interface SbomDependency {
  ref: string;
  dependsOn: string[];
}

export interface SbomMetadata {
  name?: string;
  version?: string;
  timestamp?: string;
  tools: string[];
  /** The thing the SBOM describes: CycloneDX metadata.component, SPDX the package the document DESCRIBES. */
  component?: SbomComponent;
}

export interface Sbom {
  format: SbomFormat;
  /** "1.6" for CycloneDX, "2.3" for SPDX 2, "3.0.1" for SPDX 3. */
  specVersion: string;
  metadata: SbomMetadata;
  /** Every component, nested ones flattened (metadata.component is not repeated here). */
  components: SbomComponent[];
  dependencies: SbomDependency[];
}

export interface SbomValidationError {
  /** JSON path ("$.components[3].hashes[0].alg") or, for XML, "line N". */
  path: string;
  message: string;
}

export interface SbomValidation {
  valid: boolean;
  errors: SbomValidationError[];
}

export type ReconcileKind =
  | 'missing-from-sbom'
  | 'not-in-binary'
  | 'version-mismatch'
  | 'replacement-not-reflected'
  | 'hash-mismatch'
  | 'main-only-in-metadata';

export const RECONCILE_KINDS: readonly ReconcileKind[] = [
  'missing-from-sbom',
  'not-in-binary',
  'version-mismatch',
  'replacement-not-reflected',
  'hash-mismatch',
  'main-only-in-metadata',
];

/**
 * How much a discrepancy matters to a pipeline: an `error` means the SBOM misstates what the binary links (a
 * module missing, another version or hash, another program); a `warning` is a known gap of common generators (no
 * standard library, the main module only in metadata.component). `reconcile --fail-on` chooses which fail a run.
 */
export type ReconcileSeverity = 'error' | 'warning';

export const RECONCILE_SEVERITIES: readonly ReconcileSeverity[] = ['error', 'warning'];

export interface ReconcileItem {
  kind: ReconcileKind;
  /** Module path as the binary records it (the original path when replaced), or the SBOM component's name. */
  module: string;
  binary?: { version: string; sum: string };
  sbom?: { version: string; purl: string; hash: string };
  /** One sentence with the evidence. */
  explanation: string;
  severity: ReconcileSeverity;
}

export interface ReconcileCounts {
  /** Modules the binary holds: dependencies, plus the main module and the standard library when known. */
  binaryModules: number;
  sbomComponents: number;
  /** Binary modules the SBOM names. */
  matched: number;
  /** SBOM components that are not Go modules (other purl types, files): not compared. */
  ignored: number;
  byKind: Record<ReconcileKind, number>;
}

export interface Reconciliation {
  verdict: 'match' | 'mismatch';
  summary: string;
  items: ReconcileItem[];
  counts: ReconcileCounts;
  /**
   * Set when the SBOM is about another program: what it describes (metadata.component, or the package an SPDX
   * document DESCRIBES) is a Go module other than the binary's main module, and the binary's main module is not
   * among its components. null otherwise, and when the binary's main module is unknown.
   */
  otherProgram: { sbomDescribes: string; binaryIs: string } | null;
  /** Items of each severity: the verdict is `mismatch` when there is at least one error. */
  bySeverity: Record<ReconcileSeverity, number>;
}
