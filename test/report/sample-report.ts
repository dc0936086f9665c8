import {
  SCHEMA_VERSION,
  type Finding,
  type GoReport,
  type Report,
  type ReportSection,
  type Verdict,
} from '../../src/core/report/types';

/**
 * A small, valid Report by hand, for the export tests: findings of every severity, hostile strings where the
 * binary controls the text, and one secret a careless rule left unmasked (the exports must mask it anyway).
 */
export const HOSTILE_NAME = '<script>alert("name")</script>.bin';
export const UNMASKED_TOKEN = 'ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const XFLAG_TOKEN = 'ghp_FAKExvarFAKExvarFAKExvarFAKExvar0000';

const findings: Finding[] = [
  {
    id: 'secret.github-token',
    kind: 'secret',
    severity: 'critical',
    title: 'GitHub token',
    description: 'The binary contains a GitHub access token.',
    remediation: 'Revoke and rotate the credential now.',
    evidence: [
      { section: '.rodata', offset: 0x4a2f10, value: 'ghp_…0000', context: 'string in .rodata' },
      { section: '.rodata', offset: 0x4a3000, value: UNMASKED_TOKEN, context: 'string in .rodata' },
    ],
  },
  {
    id: 'secret.url-credentials',
    kind: 'secret',
    severity: 'high',
    title: 'Credentials in a URL',
    description: 'A URL with a user name and password.',
    remediation: 'Rotate the password.',
    evidence: [{ section: '.rodata', offset: 4096, value: 'fake…real' }],
  },
  {
    id: 'leak.internal-host',
    kind: 'leak',
    severity: 'medium',
    title: 'Internal host <b>names</b>',
    description: 'Host names of a private network | with a pipe.',
    remediation: 'Move endpoints to configuration.',
    evidence: [{ section: '.rodata', offset: 8192, value: '<script>alert("value")</script>', context: 'string' }],
  },
  {
    id: 'residue.symtab',
    kind: 'residue',
    severity: 'low',
    title: 'Symbol table present',
    bytes: 123456,
    description: 'The static symbol table names every function.',
    remediation: 'Link with -ldflags="-s -w".',
    evidence: [{ section: '.symtab', offset: 0x1f0000, value: '.symtab: 123456 bytes' }],
  },
  {
    id: 'residue.build-id',
    kind: 'residue',
    severity: 'info',
    title: 'Build IDs',
    bytes: 84,
    description: 'Build IDs tie the binary to a build cache entry.',
    remediation: 'Keep them for symbolization.',
    evidence: [{ section: null, offset: null, value: 'abc/def', context: 'Go note GO_BUILDID' }],
  },
];

const sections: ReportSection[] = [
  {
    name: '.text',
    type: 'PROGBITS',
    address: '0x401000',
    offset: 0x1000,
    size: 500_000,
    flags: 'AX',
    entropy: 6.1,
    kind: 'code',
  },
  {
    name: '.rodata',
    type: 'PROGBITS',
    address: '0x480000',
    offset: 0x80000,
    size: 200_000,
    flags: 'A',
    entropy: 5.2,
    kind: 'data',
  },
  {
    name: '.symtab',
    type: 'SYMTAB',
    address: '0x0',
    offset: 0x1f0000,
    size: 123_456,
    flags: '',
    entropy: null,
    kind: 'symbols',
  },
];

const go: GoReport = {
  version: 'go1.19.8',
  versionSource: 'buildinfo',
  buildInfo: {
    path: 'example.com/leaky',
    main: { path: 'example.com/leaky', version: '(devel)', sum: '' },
    deps: [{ path: 'golang.org/x/text', version: 'v0.3.8', sum: 'h1:abc=', replace: null }],
    settings: [
      { key: '-ldflags', value: `"-X main.buildUser=jdoe -X main.apiToken=${XFLAG_TOKEN}"` },
      { key: 'CGO_ENABLED', value: '0' },
      { key: 'GOARCH', value: 'amd64' },
    ],
    source: 'header',
    offset: 0x3000,
  },
  pclntab: null,
  functions: [],
  packages: [],
  modules: [
    {
      path: 'golang.org/x/text',
      version: 'v0.3.8',
      sum: 'h1:abc=',
      replace: null,
      origin: 'recorded',
      packages: ['golang.org/x/text/unicode'],
      size: 40_000,
    },
  ],
};

const verdicts: Verdict[] = [
  { id: 'pie', group: 'hardening', label: 'PIE', status: 'fail', value: 'no', reason: 'ET_EXEC' },
  { id: 'nx', group: 'hardening', label: 'NX stack', status: 'pass', value: 'yes', reason: 'PT_GNU_STACK RW' },
  {
    id: 'scratch',
    group: 'portability',
    label: 'Runs on scratch',
    status: 'pass',
    value: 'yes',
    reason: 'static, no interpreter',
  },
  {
    id: 'stripped',
    group: 'residue',
    label: 'Symbol table stripped',
    status: 'warn',
    value: 'no',
    reason: '.symtab present',
  },
];

export function sampleReport(overrides: Partial<Report> = {}): Report {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'gobinscope', version: '0.1.0' },
    file: { name: HOSTILE_NAME, size: 2_345_678, sha256: 'ab'.repeat(32) },
    format: 'elf',
    arch: 'x86_64',
    bits: 64,
    endian: 'little',
    header: {},
    slices: [],
    sections,
    segments: [],
    symbols: { total: 1200, dynamic: 0, goFunctions: 900 },
    notes: [],
    detection: { isGo: true, reason: 'found build info' },
    go,
    linkage: {
      static: true,
      interpreter: null,
      needed: [],
      rpath: [],
      runpath: [],
      glibcMax: null,
      cgo: false,
      cgoEvidence: [],
      libc: 'none',
    },
    packed: null,
    findings,
    verdicts,
    diagnostics: [{ level: 'warning', source: 'pclntab', message: 'pclntab <not> found', offset: 16 }],
    sizes: null,
    vulnerabilities: [],
    vulnDb: null,
    ...overrides,
  };
}
