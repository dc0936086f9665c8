import { describe, expect, it } from 'vitest';
import type { Finding } from '../report/types';
import { analyzeFindings, RULES } from './index';
import { maskSecret } from './mask';
import { looksSecret, parseXFlags, splitFlags } from './rules/ldflags';
import { bareReport, stringsOf } from './testing/synthetic-exe';

function findingsFor(values: string[]): Finding[] {
  return analyzeFindings({ exe: null, file: new Uint8Array(0), report: bareReport(), strings: stringsOf(values) })
    .findings;
}

describe('maskSecret', () => {
  it('keeps the first and last four characters', () => {
    expect(maskSecret('AKIAFAKEFAKEFAKE7EXA')).toBe('AKIA…7EXA');
  });

  it('keeps less of short values, so the mask never shows them whole', () => {
    expect(maskSecret('abcdefgh')).toBe('ab…gh');
    expect(maskSecret('abc')).toBe('…');
    expect(maskSecret('')).toBe('…');
  });
});

describe('-ldflags -X parsing', () => {
  it('splits quoted fields as cmd/go does', () => {
    expect(splitFlags(`-s -w -X 'main.a=b c' -X "main.d=e"`)).toEqual([
      '-s',
      '-w',
      '-X',
      'main.a=b c',
      '-X',
      'main.d=e',
    ]);
  });

  it('reads every spelling of -X', () => {
    const flags = `"-X main.a=1 -X=main.b=2 --X main.c=3 -X 'main.d=four five' -s"`;
    expect(parseXFlags(flags)).toEqual([
      { name: 'main.a', value: '1' },
      { name: 'main.b', value: '2' },
      { name: 'main.c', value: '3' },
      { name: 'main.d', value: 'four five' },
    ]);
  });

  it('tells secrets from versions', () => {
    expect(looksSecret({ name: 'main.version', value: '1.2.3-fixture' })).toBe(false);
    expect(looksSecret({ name: 'main.commit', value: '925d9cb6b5cd2574d6509faddddf22c46ae6faeb' })).toBe(false);
    expect(looksSecret({ name: 'main.apiToken', value: 'Zq8vX2mK9rT4' })).toBe(true);
    expect(looksSecret({ name: 'main.key', value: 'ghp_FAKExvarFAKExvarFAKExvarFAKExvar0000' })).toBe(true);
  });
});

describe('secret rules on text', () => {
  it('leaves Go runtime and placeholder text alone', () => {
    const quiet = findingsFor([
      'password=%s',
      'token=${TOKEN}',
      'postgres://user:password@localhost/db',
      'api_key=changeme',
      'secret=abcdefghijklmnop',
      'AKIAIOSFODNN7EXAMPLEX',
      'eyJub3QiOiJqd3QifQ.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
      '-----BEGIN RSA PRIVATE KEY-----',
      'x509.localhost',
      'runtime: bad pointer in frame',
    ]);
    expect(quiet.filter((f) => f.kind === 'secret')).toEqual([]);
  });

  it('accepts an ASIA key, a rk_live key and a credentialed URL with a real-looking password', () => {
    const found = findingsFor([
      'ASIAFAKEFAKEFAKEFAKE',
      'rk_live_FAKEfakeFAKEfakeFAKEfake',
      'ftp://ops:S3cr3t-Pw@files.example.com/',
    ]);
    expect(found.map((f) => f.id).sort()).toEqual([
      'secret.aws-access-key-id',
      'secret.stripe-key',
      'secret.url-credentials',
    ]);
  });

  it('finds single-label URL hosts and private addresses, not CIDR ranges or package paths', () => {
    const found = findingsFor([
      'http://jenkins:8080/job',
      '192.168.1.20',
      '10.0.0.0/8',
      'go.itab.internal/abi',
      'a 172.31.255.1 b',
    ]);
    const hosts = found.filter((f) => f.id === 'leak.internal-host').map((f) => f.evidence[0]?.value);
    expect(hosts.sort()).toEqual(['172.31.255.1', '192.168.1.20', 'jenkins']);
  });
});

describe('one failing rule', () => {
  it('adds a diagnostic naming it, and the other rules still report', () => {
    const report = bareReport();
    const broken = {
      name: 'broken',
      scans: RULES[0]!.scans,
      run: () => {
        throw new Error('rule bug');
      },
    };
    const input = {
      exe: null,
      file: new Uint8Array(0),
      report,
      strings: stringsOf(['token ghp_FAKEfakeFAKEfakeFAKEfakeFAKEfake0000 here']),
    };
    const { findings } = analyzeFindings(input, [broken, ...RULES]);
    expect(findings.map((f) => f.id)).toContain('secret.github-token');
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ source: 'findings:broken' }));
  });
});
