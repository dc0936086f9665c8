// The validators use one package without types; its declaration sits in src/core, outside the test project that
// type-checks this file through test/fuzz-campaign.test.ts, and a declaration file cannot be imported.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../src/core/sbom/ajv-formats-draft2019.d.ts" />
// SBOM documents for the long fuzz run: CycloneDX JSON and XML, SPDX JSON and tag-value and SPDX 3 JSON-LD,
// parsed and reconciled with a report built from `go version -m` of the fixture, and now and then validated
// against the schemas.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FormatError } from '../../src/core/io/errors';
import { parseSbom, reconcile, validateSbom } from '../../src/core/sbom/index';
import { reportFromGoVersion } from '../../src/core/sbom/test-support';
import { mutateText, type Random } from './mutate';
import type { Input, Target } from './targets';

const SBOM_DIR = join('test', 'fixtures', 'sbom');

interface Document {
  name: string;
  bytes: Uint8Array;
}

function documents(): Document[] {
  return readdirSync(SBOM_DIR)
    .filter((name) => /\.(json|xml|spdx)$/.test(name))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(SBOM_DIR, name))) }));
}

function sbomInput(random: Random, seeds: Document[]): Input {
  const seed = random.pick(seeds);
  return { bytes: mutateText(random, seed.bytes), seedName: seed.name, undo: () => {} };
}

/** The malformed fixtures are meant to fail: they are seeds for mutation, not for warming up. */
function parseIntact(bytes: Uint8Array) {
  try {
    return parseSbom(bytes);
  } catch {
    return null;
  }
}

export function sbomTargets(): Target[] {
  let seeds: Document[] | null = null;
  let report: ReturnType<typeof reportFromGoVersion> | null = null;
  const input = (random: Random): Input => {
    report ??= reportFromGoVersion(
      readFileSync(join('test', 'fixtures', 'truth', 'linux-amd64.goversion.txt'), 'utf8'),
    );
    return sbomInput(random, (seeds ??= documents()));
  };
  return [
    {
      name: 'sbom',
      weight: 527,
      input,
      check(input) {
        try {
          const sbom = parseSbom(input.bytes);
          if (sbom) reconcile(report!, sbom);
        } catch (error) {
          if (!(error instanceof FormatError)) throw error;
        }
      },
    },
    {
      name: 'sbom-validate',
      weight: 20,
      input,
      async warmUp() {
        // Each format's validator compiles its schemas on first use: do that on the intact documents.
        for (const seed of (seeds ??= documents())) {
          const sbom = parseIntact(seed.bytes);
          if (sbom) await validateSbom(seed.bytes, sbom);
        }
      },
      async check(input) {
        try {
          const sbom = parseSbom(input.bytes);
          if (sbom) await validateSbom(input.bytes, sbom);
        } catch (error) {
          if (!(error instanceof FormatError)) throw error;
        }
      },
    },
  ];
}
