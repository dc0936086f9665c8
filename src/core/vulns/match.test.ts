import { describe, expect, it } from 'vitest';
import type { CodeFacts } from '../code/types';
import type { GoFunction } from '../report/types';
import { reportFromGoVersion } from '../sbom/test-support';
import { indexFromFiles } from './db';
import { matchVulnerabilities } from './match';

// Small hand-made databases and programs: every expected status follows from how they are built here.
const GO_VERSION = [
  'prog: go1.21.0',
  '\tpath\texample.com/prog',
  '\tmod\texample.com/prog\t(devel)\t',
  '\tdep\texample.com/lib\tv1.0.0\t',
  '\tdep\texample.com/local\tv1.0.0\t',
  '\t=>\t../local\t\t',
  '\tbuild\tGOOS=linux',
  '\tbuild\tGOARCH=amd64',
  '',
].join('\n');

function entry(id: string, module: string, imports: object[], extra: object = {}) {
  return {
    id,
    modified: '2099-01-01T00:00:00Z',
    aliases: [`CVE-${id.slice(3)}`],
    summary: `summary of ${id}`,
    affected: [
      {
        package: { name: module, ecosystem: 'Go' },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.2.0' }] }],
        ecosystem_specific: { imports },
      },
    ],
    ...extra,
  };
}

const index = indexFromFiles(
  [
    entry('GO-2099-0001', 'example.com/lib', [{ path: 'example.com/lib', symbols: ['Parse'] }]),
    entry('GO-2099-0002', 'example.com/lib', [{ path: 'example.com/lib', symbols: ['Render'] }]),
    entry('GO-2099-0003', 'example.com/lib', [{ path: 'example.com/lib', symbols: ['Decode'] }]),
    entry('GO-2099-0004', 'example.com/lib', [{ path: 'example.com/lib', symbols: ['Parse'], goos: ['windows'] }]),
    entry('GO-2099-0005', 'example.com/lib', []),
    entry('GO-2099-0006', 'example.com/lib', [{ path: 'example.com/lib', symbols: ['Parse'] }], {
      withdrawn: '2099-02-01T00:00:00Z',
    }),
    entry('GO-2099-0007', 'example.com/local', [{ path: 'example.com/local', symbols: ['Run'] }]),
    entry('GO-2099-0008', 'example.com/lib', [{ path: 'example.com/lib', symbols: ['(*Tokenizer).Next'] }]),
    entry('GO-2099-0009', 'example.com/lib', [{ path: 'example.com/lib', symbols: ['Tokenizer.Next'] }]),
  ].map((e) => ({ name: `${e.id}.json`, bytes: new TextEncoder().encode(JSON.stringify(e)) })),
  'hand-made',
);

const NAMES = [
  'main.main', // 0: calls 1
  'example.com/lib.Parse', // 1
  'example.com/lib.Render', // 2: linked, called by nobody
  'example.com/lib.(*Tokenizer).Next', // 3
  'example.com/local.Run', // 4
];

function program(calls: [number, number][], inlined: [string, number][] = []) {
  const report = reportFromGoVersion(GO_VERSION);
  report.go!.functions = NAMES.map((name, i): GoFunction => ({
    name,
    entry: `0x${(0x1000 + i * 16).toString(16)}`,
    size: 16,
    file: null,
    package: '',
  }));
  const code = {
    calls: {
      count: calls.length,
      pc: new Float64Array(calls.length),
      caller: Int32Array.from(calls.map((c) => c[0])),
      frame: new Int32Array(calls.length).fill(-1),
      callee: Int32Array.from(calls.map((c) => c[1])),
    },
    inline: {
      count: inlined.length,
      name: inlined.map((i) => i[0]),
      outer: Int32Array.from(inlined.map((i) => i[1])),
      parent: new Int32Array(inlined.length).fill(-1),
      callPc: new Float64Array(inlined.length),
    },
  } as unknown as CodeFacts;
  return { report, code };
}

const statusOf = (matches: ReturnType<typeof matchVulnerabilities>) =>
  Object.fromEntries(matches.map((m) => [m.id, m.status]));

describe('matching a program against the database', () => {
  const { report, code } = program([[0, 1]], [['example.com/lib.Decode', 2]]);
  const matches = matchVulnerabilities({ report, index, code });

  it('grades each entry by where its symbols are', () => {
    expect(statusOf(matches)).toEqual({
      'GO-2099-0001': 'reachable', // main.main calls Parse
      'GO-2099-0002': 'present', // Render is linked, no call reaches it
      'GO-2099-0003': 'present', // Decode is inlined into Render only
      'GO-2099-0005': 'module', // no packages named
      'GO-2099-0008': 'present', // a hand-written pointer-receiver spelling finds the method too
      'GO-2099-0009': 'present',
    });
  });

  it('skips other platforms, withdrawn entries and modules replaced by a local folder', () => {
    const ids = matches.map((m) => m.id);
    expect(ids).not.toContain('GO-2099-0004');
    expect(ids).not.toContain('GO-2099-0006');
    expect(ids).not.toContain('GO-2099-0007');
  });

  it('keeps the path, the fixed version and where an inlined symbol lives', () => {
    const reachable = matches.find((m) => m.id === 'GO-2099-0001')!;
    expect(reachable.path).toEqual(['main.main', 'example.com/lib.Parse']);
    expect(reachable.fixed).toBe('v1.2.0');
    const inlined = matches.find((m) => m.id === 'GO-2099-0003')!;
    expect(inlined.symbols).toEqual([
      { package: 'example.com/lib', symbol: 'Decode', inlined: true, functions: ['example.com/lib.Render'] },
    ]);
  });

  it('an inlined symbol is reachable when the function holding it is', () => {
    const { report: r, code: c } = program([[0, 2]], [['example.com/lib.Decode', 2]]);
    const decode = matchVulnerabilities({ report: r, index, code: c }).find((m) => m.id === 'GO-2099-0003')!;
    expect(decode.status).toBe('reachable');
    expect(decode.path).toEqual(['main.main', 'example.com/lib.Render']);
  });

  it('is module level only when the binary has no function table', () => {
    const bare = reportFromGoVersion(GO_VERSION);
    const statuses = new Set(matchVulnerabilities({ report: bare, index, code: null }).map((m) => m.status));
    expect(statuses).toEqual(new Set(['module']));
  });
});
