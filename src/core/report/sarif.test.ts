import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../test/fixtures';
import { analyzeFixture } from '../findings/testing/fixture-report';
import { emptyReport } from './build';
import { artifactUri, toSarif } from './sarif';

/**
 * No copy of the OASIS sarif-schema-2.1.0.json ships in an installed package here, so this is a focused schema
 * written from the spec (§3.13 sarifLog … §3.30 region): the properties it requires, the types and ranges of the
 * ones we emit, and no other properties on the objects we build, so a misspelled name fails.
 */
const text = {
  type: 'object',
  required: ['text'],
  properties: { text: { type: 'string' } },
  additionalProperties: false,
};
const artifactLocation = {
  type: 'object',
  additionalProperties: false,
  properties: { uri: { type: 'string', format: 'uri-reference' }, index: { type: 'integer', minimum: -1 } },
};
const location = {
  type: 'object',
  additionalProperties: false,
  properties: {
    message: text,
    physicalLocation: {
      type: 'object',
      additionalProperties: false,
      anyOf: [{ required: ['artifactLocation'] }],
      properties: {
        artifactLocation,
        region: {
          type: 'object',
          minProperties: 1,
          additionalProperties: false,
          properties: { byteOffset: { type: 'integer', minimum: 0 } },
        },
      },
    },
  },
};
const rule = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    shortDescription: text,
    fullDescription: text,
    help: text,
    defaultConfiguration: { type: 'object', properties: { level: { enum: ['none', 'note', 'warning', 'error'] } } },
    properties: {
      type: 'object',
      properties: {
        'security-severity': { type: 'string', pattern: '^\\d+(\\.\\d+)?$' },
        tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
      },
    },
  },
};
const result = {
  type: 'object',
  required: ['message'],
  additionalProperties: false,
  properties: {
    ruleId: { type: 'string' },
    ruleIndex: { type: 'integer', minimum: -1 },
    level: { enum: ['none', 'note', 'warning', 'error'] },
    message: text,
    locations: { type: 'array', items: location },
    properties: { type: 'object' },
  },
};
const SARIF_SUBSET = {
  type: 'object',
  required: ['version', 'runs'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { const: '2.1.0' },
    runs: {
      type: 'array',
      items: {
        type: 'object',
        required: ['tool'],
        additionalProperties: false,
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            additionalProperties: false,
            properties: {
              driver: {
                type: 'object',
                required: ['name'],
                additionalProperties: false,
                properties: {
                  name: { type: 'string' },
                  version: { type: 'string' },
                  rules: { type: 'array', items: rule },
                },
              },
            },
          },
          artifacts: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              properties: {
                location: artifactLocation,
                length: { type: 'integer', minimum: -1 },
                hashes: { type: 'object' },
              },
            },
          },
          results: { type: 'array', items: result },
        },
      },
    },
  },
};

const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(SARIF_SUBSET);

interface SarifShape {
  runs: {
    tool: { driver: { name: string; rules: { id: string; properties: { 'security-severity': string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: { physicalLocation: { region?: { byteOffset: number } } }[];
    }[];
  }[];
}

describe('toSarif', () => {
  it('turns the leaky report into a valid SARIF 2.1.0 log', async () => {
    const { report } = await analyzeFixture('leaky-linux-amd64', fixture('leaky-linux-amd64'));
    const sarif = toSarif(report) as SarifShape;
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    const run = sarif.runs[0]!;
    expect(run.tool.driver.name).toBe('gobinscope');
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual([...new Set(report.findings.map((f) => f.id))]);
    expect(run.results).toHaveLength(report.findings.length);
    for (const [i, finding] of report.findings.entries()) {
      const res = run.results[i]!;
      expect(run.tool.driver.rules[res.ruleIndex]!.id).toBe(finding.id);
      expect(res.level).toBe(
        { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' }[finding.severity],
      );
      const offset = finding.evidence.find((e) => e.offset !== null)?.offset;
      if (offset !== undefined) expect(res.locations[0]!.physicalLocation.region?.byteOffset).toBe(offset);
    }
    const aws = run.tool.driver.rules.find((r) => r.id === 'secret.aws-secret-access-key');
    expect(Number(aws?.properties['security-severity'])).toBeGreaterThanOrEqual(9);
    expect(JSON.stringify(sarif)).not.toContain('AKIAFAKEFAKEFAKE7EXA');
  });

  it('is valid with no findings and with an awkward file name', () => {
    const report = emptyReport({ name: 'C:\\builds\\my app #2.exe', size: 3, sha256: 'ab'.repeat(32) });
    expect(validate(toSarif(report)), JSON.stringify(validate.errors)).toBe(true);
    expect(artifactUri('C:\\builds\\my app #2.exe')).toBe('C%3A/builds/my%20app%20%232.exe');
  });

  it('the focused schema rejects what the spec forbids', () => {
    const broken = {
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'x' } }, results: [{ level: 'warn', message: { text: 'm' } }] }],
    };
    expect(validate(broken)).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });
});
