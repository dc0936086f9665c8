import type { ReconcileItem, ReconcileKind, ReconcileSeverity, SbomComponent } from './types';

/** One module the binary holds, as its build info records it. */
export interface BinaryModule {
  role: 'main' | 'dependency' | 'stdlib';
  /** Path as the binary records it (the original path when replaced). */
  module: string;
  /** Path of the code actually linked: the replacement's for a module replacement. */
  path: string;
  /** Version of the code actually linked; "" for "(devel)" and directory replacements. */
  version: string;
  sum: string;
  /** What was replaced, when the build info has a "=>" line. */
  original?: { path: string; version: string };
  /** "../greeting" or "example.com/fork v1.0.0". */
  replacement?: string;
  /** Guessed from package paths because the build info is gone. */
  inferred?: boolean;
}

function label(module: BinaryModule): string {
  const linked = module.version ? `${module.path} ${module.version}` : module.path;
  if (!module.original) return linked;
  return `${module.original.path} ${module.original.version} => ${module.replacement ?? linked}`;
}

export function componentLabel(component: SbomComponent): string {
  const name = component.group ? `${component.group}/${component.name}` : component.name;
  return component.version ? `${name} ${component.version}` : name;
}

function isSha256(alg: string): boolean {
  return alg === 'SHA-256' || alg.toUpperCase().replace(/[^A-Z0-9]/g, '') === 'SHA256';
}

export function sbomSha256(component: SbomComponent): string {
  for (const hash of component.hashes) if (isSha256(hash.alg)) return hash.content;
  return '';
}

/** An item with the evidence from both sides that are known. */
function item(
  kind: ReconcileKind,
  name: string,
  evidence: { module?: BinaryModule; component?: SbomComponent },
  explanation: string,
  severity: ReconcileSeverity,
): ReconcileItem {
  const out: ReconcileItem = { kind, module: name, explanation, severity };
  const { module, component } = evidence;
  if (module) out.binary = { version: module.version, sum: module.sum };
  if (component) out.sbom = { version: component.version, purl: component.purl, hash: sbomSha256(component) };
  return out;
}

export function missingItem(module: BinaryModule, describes: SbomComponent | undefined): ReconcileItem {
  if (module.role === 'stdlib') {
    const explanation =
      `The binary was built with Go ${module.version} but the SBOM has no standard-library component ` +
      `(pkg:golang/stdlib@${module.version}), so vulnerabilities in Go's standard library go unseen.`;
    // A warning: cyclonedx-gomod, among others, leaves the standard library out unless asked (-std).
    return item('missing-from-sbom', module.module, { module }, explanation, 'warning');
  }
  if (module.role === 'main') {
    const other = describes ? `; it describes ${componentLabel(describes)} instead` : '';
    const explanation = `The SBOM does not name the main module ${module.module}${other}.`;
    return item('missing-from-sbom', module.module, { module }, explanation, 'error');
  }
  const evidence = module.inferred
    ? `The binary's package paths show module ${label(module)} (its build info is gone)`
    : `The binary's build info records ${label(module)}`;
  const explanation = `${evidence} but the SBOM has no component for it, so anyone scanning the SBOM cannot see it.`;
  return item('missing-from-sbom', module.module, { module }, explanation, 'error');
}

export function notInBinaryItem(component: SbomComponent): ReconcileItem {
  const explanation =
    `The SBOM lists ${componentLabel(component)}${component.purl ? ` (${component.purl})` : ''} but the binary's ` +
    `build info records no such module: it may be test-only, pruned from the build, or over-reported from go.mod.`;
  // An error: scanners of the SBOM would report vulnerabilities of code the binary does not hold.
  return item('not-in-binary', component.name, { component }, explanation, 'error');
}

export function versionItem(module: BinaryModule, component: SbomComponent): ReconcileItem {
  const said = component.version || 'no version';
  const explanation =
    module.role === 'stdlib'
      ? `The SBOM gives the standard library as ${said} but the binary was built with Go ${module.version}.`
      : `The SBOM gives ${module.path} as ${said} but the binary holds ${module.version}.`;
  return item('version-mismatch', module.module, { module, component }, explanation, 'error');
}

export function replacementItem(module: BinaryModule, component: SbomComponent): ReconcileItem {
  const original = module.original ?? { path: module.module, version: '' };
  const explanation =
    `The binary replaces ${original.path} ${original.version} with ${module.replacement ?? module.path}, but the ` +
    `SBOM lists ${componentLabel(component)} with no pedigree or property recording the replacement.`;
  // An error: the SBOM names code the binary does not link, so its vulnerabilities are the wrong ones.
  return item('replacement-not-reflected', module.module, { module, component }, explanation, 'error');
}

export function hashItem(module: BinaryModule, component: SbomComponent, expected: string): ReconcileItem {
  const explanation =
    `The SBOM gives SHA-256 ${sbomSha256(component)} for ${module.path} but the binary's go.sum hash ${module.sum} ` +
    `is SHA-256 ${expected}.`;
  return item('hash-mismatch', module.module, { module, component }, explanation, 'error');
}

/** A CycloneDX document that names the main module only as the thing it describes, not as a component. */
export function mainOnlyInMetadataItem(module: BinaryModule, component: SbomComponent): ReconcileItem {
  const explanation =
    `The SBOM names the main module ${module.module} only in metadata.component, not among its components, so ` +
    `scanners that read only the components do not check the program's own module.`;
  return item('main-only-in-metadata', module.module, { module, component }, explanation, 'warning');
}
