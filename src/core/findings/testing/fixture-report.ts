// Test support: a fixture through the whole analysis (readers, Go analysis, strings, findings), as the CLI and
// the app run it.
import { analyze } from '../../analyze';
import type { Finding, FoundString, Report, Verdict } from '../../report/types';

export interface FixtureAnalysis {
  report: Report;
  strings: FoundString[];
  findings: Finding[];
  verdicts: Verdict[];
}

export async function analyzeFixture(name: string, file: Uint8Array): Promise<FixtureAnalysis> {
  const { report, strings } = await analyze(file, { fileName: name });
  return { report, strings, findings: report.findings, verdicts: report.verdicts };
}
