import { parseGoVersionText } from '../go/testing/goversion-text';
import { FormatError } from '../io/errors';
import { emptyReport } from '../report/build';
import type { Report } from '../report/types';
import { parseSbom } from './index';

/** The hand-written SBOMs in test/fixtures/sbom that describe linux-amd64 correctly, one per format and version. */
export const CORRECT_SBOMS = [
  'hello.cdx-1.4.json',
  'hello.cdx-1.5.json',
  'hello.cdx-1.6.json',
  'hello.cdx-1.6.xml',
  'hello.cdx-1.7.json',
  'hello.cdx-1.7.xml',
  'hello.spdx-2.3.json',
  'hello.spdx-2.3.spdx',
  'hello.spdx-3.0.json',
] as const;

/**
 * For the tests: the Report a binary would produce, built from `go version -m` output (test/fixtures/truth), so
 * SBOM tests can take their expectations from Go's own tool rather than from our binary readers, and can describe
 * binaries no fixture holds (a go.sum-hashed dependency, a module replacement). Pure, so it may sit in src/core;
 * nothing in the product imports it.
 */
export function reportFromGoVersion(text: string, fileName = 'fixture'): Report {
  const parsed = parseGoVersionText(text);
  const report = emptyReport({ name: fileName, size: 0, sha256: '' });
  report.format = 'elf';
  report.detection = { isGo: true, reason: 'build info' };
  report.go = {
    version: parsed.version,
    versionSource: 'buildinfo',
    buildInfo: {
      path: parsed.path,
      main: parsed.main,
      deps: parsed.deps,
      settings: parsed.settings,
      source: 'header',
      offset: 0,
    },
    pclntab: null,
    functions: [],
    packages: [],
    modules: [],
  };
  return report;
}

/** For the tests: the FormatError parseSbom raises for a damaged document; any other outcome fails the test. */
export function sbomFormatError(input: Uint8Array): FormatError {
  try {
    parseSbom(input);
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
  throw new Error('parseSbom accepted a malformed document');
}
