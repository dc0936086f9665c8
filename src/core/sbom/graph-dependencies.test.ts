import { beforeAll, describe, expect, it } from 'vitest';
import { truth } from '../../../test/fixtures';
import { listedPackages, multimodGraph, MULTIMOD } from '../graph/testing/multimod';
import type { Report } from '../report/types';
import { DEPENDENCY_EVIDENCE } from './graph-dependencies';
import { generateCycloneDx, parseSbom, validateSbom } from './index';
import { reportFromGoVersion } from './test-support';
import type { Sbom } from './types';

/**
 * The SBOM of go/multimod with the module graph read from its code: its dependency tree must be the go command's
 * module import graph (`go list -deps -json`), the main component depending on the modules the main module
 * imports, and still validate against the CycloneDX 1.6 schema.
 */
const OPTIONS = { timestamp: '2024-05-01T12:00:00Z', serialNumber: 'urn:uuid:00000000-0000-4000-8000-000000000002' };
const bytes = (text: string) => new TextEncoder().encode(text);

/** Module -> modules it imports, from go list (standard library left out). */
function listedModuleImports(): Map<string, Set<string>> {
  const packages = listedPackages();
  const byPath = new Map(packages.map((p) => [p.ImportPath, p]));
  const out = new Map<string, Set<string>>();
  for (const pkg of packages.filter((p) => !p.Standard)) {
    const from = pkg.Module!.Path;
    const set = out.get(from) ?? new Set<string>();
    for (const imported of pkg.Imports ?? []) {
      const to = byPath.get(imported)!;
      if (!to.Standard && to.Module!.Path !== from) set.add(to.Module!.Path);
    }
    out.set(from, set);
  }
  return out;
}

let report: Report;
beforeAll(() => {
  report = reportFromGoVersion(truth(`${MULTIMOD}.goversion.txt`), MULTIMOD);
  report.go!.graph = multimodGraph().graph;
});

describe.each(['json', 'xml'] as const)('SBOM dependencies from the module graph (%s)', (format) => {
  let sbom: Sbom;
  let text: string;
  beforeAll(() => {
    text = generateCycloneDx(report, format, OPTIONS);
    sbom = parseSbom(bytes(text)) as Sbom;
  });

  it('still validates against the official 1.6 schema', async () => {
    expect(await validateSbom(bytes(text), sbom)).toEqual({ valid: true, errors: [] });
  });

  it('gives every module the modules its packages import, as go list says', () => {
    const nameOf = new Map(sbom.components.map((c) => [c.bomRef, c.name]));
    nameOf.set(sbom.metadata.component!.bomRef, 'example.com/multimod');
    const actual = new Map(
      sbom.dependencies.map((d) => [
        nameOf.get(d.ref)!,
        new Set(d.dependsOn.map((ref) => nameOf.get(ref)!).filter((name) => name !== 'stdlib')),
      ]),
    );
    for (const [module, imports] of listedModuleImports()) {
      expect([...(actual.get(module) ?? [])].sort(), module).toEqual([...imports].sort());
    }
  });

  it('marks each edge as evidenced by code', () => {
    const beta = sbom.components.find((c) => c.name === 'example.com/beta')!;
    const evidence = beta.properties.filter((p) => p.name === DEPENDENCY_EVIDENCE).map((p) => p.value);
    expect(evidence).toHaveLength(2); // alpha and embed call into beta
    expect(evidence.every((value) => value.startsWith('code: '))).toBe(true);
  });
});
