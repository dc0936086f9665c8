import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, fixturesDir } from '../../../test/fixtures';
import type { Finding, FoundString } from '../report/types';
import { plantedValues, type Planted } from './testing/planted';
import { analyzeFixture } from './testing/fixture-report';

const NAME = 'leaky-linux-amd64';

let file: Uint8Array;
let findings: Finding[];
let strings: FoundString[];
let planted: Planted[];
let text: string;

beforeAll(async () => {
  file = fixture(NAME);
  text = new TextDecoder('latin1').decode(file);
  ({ findings, strings } = await analyzeFixture(NAME, file));
  planted = plantedValues(
    readFileSync(join(fixturesDir, 'go', 'leaky', 'main.go'), 'utf8'),
    readFileSync(join(fixturesDir, 'build.sh'), 'utf8'),
  );
});

/** Every [start, end) where the needle sits in the file. */
function occurrences(needle: string): [number, number][] {
  const out: [number, number][] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) out.push([at, at + needle.length]);
  return out;
}

/** A finding points at a planted value when one of its evidence offsets falls inside an occurrence of it. */
function pointsAt(finding: Finding, item: Planted): boolean {
  const places = occurrences(item.needle);
  return finding.evidence.some((e) =>
    e.offset !== null ? places.some(([from, to]) => e.offset! >= from && e.offset! < to) : e.value.includes(item.value),
  );
}

function caught(item: Planted): boolean {
  return findings.some((f) => f.id === item.rule && pointsAt(f, item));
}

describe('planted values in leaky-linux-amd64', () => {
  it('reads the planted set from the fixture sources', () => {
    expect(planted.length).toBeGreaterThanOrEqual(27);
    expect(planted.find((p) => p.name === 'awsAccessKeyID')?.value).toBe('AKIAFAKEFAKEFAKE7EXA');
  });

  const kinds = [
    'secret.aws-access-key-id',
    'secret.aws-secret-access-key',
    'secret.google-api-key',
    'secret.azure-storage-key',
    'secret.github-token',
    'secret.gitlab-token',
    'secret.slack-token',
    'secret.slack-webhook',
    'secret.stripe-key',
    'secret.private-key',
    'secret.jwt',
    'secret.url-credentials',
    'secret.generic',
    'leak.internal-host',
    'leak.email',
    'leak.ldflags-x',
    'leak.build-path',
    'leak.username',
    'leak.vcs',
  ];
  for (const rule of kinds) {
    it(`catches every value planted for ${rule}`, () => {
      const items = planted.filter((p) => p.rule === rule);
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) expect(caught(item), `${item.name} → ${rule}`).toBe(true);
    });
  }
});

describe('what the leaky findings show', () => {
  it('marks the secret-looking -X value high and the others info', () => {
    const x = findings.filter((f) => f.id === 'leak.ldflags-x');
    const severityOf = (name: string): string | undefined =>
      x.find((f) => f.evidence.some((e) => e.value.startsWith(`main.${name}=`)))?.severity;
    expect(severityOf('apiToken')).toBe('high');
    expect(severityOf('buildUser')).toBe('info');
    expect(severityOf('releaseName')).toBe('info');
  });

  it('never puts a clear secret into a finding', () => {
    const json = JSON.stringify(findings);
    for (const item of planted.filter((p) => p.secret)) {
      expect(json.includes(item.value), item.name).toBe(false);
      const middle = item.value.slice(4, -4);
      if (middle.length >= 8) expect(json.includes(middle), `${item.name} middle`).toBe(false);
    }
  });

  it('gives every secret finding an offset and a section', () => {
    for (const finding of findings.filter((f) => f.kind === 'secret')) {
      for (const e of finding.evidence) {
        expect(e.offset).not.toBeNull();
        expect(e.section).toMatch(/^\.(rodata|go\.buildinfo|data|noptrdata)$/);
      }
    }
  });
});

describe('leaky-linux-amd64 strings and scores', () => {
  it('recovers the planted literals as separate Go strings', () => {
    const byValue = new Map(strings.filter((s) => s.encoding === 'go').map((s) => [s.value, s]));
    const literals = ['AKIAFAKEFAKEFAKE7EXA', 'release-bot@example.corp', 'glpat-FAKEfakeFAKEfake0000'];
    for (const literal of literals) expect(byValue.get(literal)?.section, literal).toBe('.rodata');
    const planted = strings.filter((s) => s.value.includes('AKIAFAKEFAKEFAKE7EXA'));
    expect(planted.map((s) => s.value)).toContain('AKIAFAKEFAKEFAKE7EXA');
  });

  it('measures precision and recall over the planted set', () => {
    const recalled = planted.filter(caught);
    const detections = findings.filter((f) => f.kind === 'secret' || f.kind === 'leak');
    const truePositives = detections.filter((f) => planted.some((item) => pointsAt(f, item)));
    const recall = recalled.length / planted.length;
    const precision = truePositives.length / detections.length;
    const missed = planted.filter((p) => !caught(p)).map((p) => p.name);
    const extra = detections.filter((f) => !truePositives.includes(f)).map((f) => `${f.id} ${f.evidence[0]?.value}`);
    console.log(
      `leaky-linux-amd64: recall ${recalled.length}/${planted.length} = ${recall.toFixed(3)}, ` +
        `precision ${truePositives.length}/${detections.length} = ${precision.toFixed(3)}`,
      { missed, extra },
    );
    expect(recall).toBe(1);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });
});
