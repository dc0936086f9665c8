import { describe, expect, it } from 'vitest';
import { fixture, truth } from '../../../test/fixtures';
import { analyze } from '../analyze';

describe('analyze() runs the pass over the code once', () => {
  it('keeps the columns on the analysis and a summary in the report', async () => {
    const analysis = await analyze(fixture('linux-amd64'), { fileName: 'linux-amd64' });
    const expectedCalls = truth('linux-amd64.calls.tsv').split('\n').filter(Boolean).length;
    expect(analysis.code?.calls.count).toBe(expectedCalls);
    const summary = analysis.report.go?.code;
    expect(summary).toMatchObject({ arch: 'x86_64', calls: expectedCalls, dataRefs: analysis.code!.refs.count });
    // .text of linux-amd64 is 0x65bcf bytes (truth/linux-amd64.readelf-S.txt); the functions cover all of it but
    // the padding after the last one.
    expect(summary!.codeBytes).toBeGreaterThan(0x65bcf - 64);
    expect(summary!.codeBytes).toBeLessThanOrEqual(0x65bcf);
    // The graph's edge examples name a caller and a callee; the columns themselves must not be in the report.
    const withoutGraph = { ...analysis.report, go: { ...analysis.report.go, graph: null } };
    expect(JSON.stringify(withoutGraph)).not.toContain('"callee"');
  });

  it('keeps the columns out of JSON and out of messages to other threads', async () => {
    const analysis = await analyze(fixture('linux-amd64'), { fileName: 'linux-amd64' });
    expect(analysis.code?.calls.count).toBeGreaterThan(8000);
    expect(Object.keys(JSON.parse(JSON.stringify(analysis)) as object)).toEqual(['report', 'strings']);
    expect(structuredClone(analysis).code).toBeUndefined();
  });

  it('says the architecture is not followed, and the report stands', async () => {
    const analysis = await analyze(fixture('linux-s390x'), { fileName: 'linux-s390x' });
    expect(analysis.report.go?.functions.length).toBeGreaterThan(1000);
    expect(analysis.report.go?.code).toMatchObject({ arch: null, calls: 0 });
    expect(analysis.report.diagnostics).toContainEqual(
      expect.objectContaining({ source: 'code', message: expect.stringContaining('s390x') }),
    );
  });
});
