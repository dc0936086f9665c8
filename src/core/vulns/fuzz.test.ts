import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../../test/fixtures';
import { fuzzOptions } from '../../../test/fuzz';
import { FormatError } from '../io/errors';
import { indexFromFiles, indexFromZip, loadIndex } from './db';
import { parseOsv } from './osv';
import { affects, fixedAfter, goSemver, intervalsOf, moduleSemver } from './versions';

/** Only a FormatError may come out of reading a database; anything else is our bug. */
function onlyFormatErrors(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
  }
}

const snapshot = new Uint8Array(readFileSync(join(fixturesDir, 'vulndb', 'go-vulndb-osv-2026-08-21.zip')));

describe('damaged databases', () => {
  it('a zip cut short anywhere is refused with a FormatError or read for what is there', () => {
    for (const fraction of [0.001, 0.1, 0.5, 0.9, 0.999]) {
      onlyFormatErrors(() => indexFromZip(snapshot.subarray(0, Math.floor(snapshot.length * fraction)), 'cut.zip'));
    }
  });

  it('a stored index cut short is refused with a FormatError', () => {
    expect(() => loadIndex('{"schema":1,"entries":[{"id":"GO-')).toThrow(FormatError);
  });
});

describe('seeded fuzzing', () => {
  it('parseOsv never throws on any JSON value and keeps only well-formed parts', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const entry = parseOsv(value);
        if (entry) expect(typeof entry.id).toBe('string');
      }),
      fuzzOptions(500),
    );
  });

  it('entries with arbitrary fields index or fail with a FormatError', () => {
    const affected = fc.record({
      package: fc.record({ name: fc.oneof(fc.string(), fc.constant('stdlib')), ecosystem: fc.constant('Go') }),
      ranges: fc.array(
        fc.record({
          type: fc.constantFrom('SEMVER', 'ECOSYSTEM'),
          events: fc.array(
            fc.oneof(
              fc.record({ introduced: fc.oneof(fc.constant('0'), fc.string(), fc.constant('1.2.3')) }),
              fc.record({ fixed: fc.oneof(fc.string(), fc.constant('1.20.0-rc.1')) }),
            ),
          ),
        }),
      ),
      ecosystem_specific: fc.anything(),
    });
    const entry = fc.record({
      id: fc.string(),
      modified: fc.string(),
      aliases: fc.anything(),
      affected: fc.array(affected),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 4 }), (entries) => {
        const files = entries.map((e, i) => ({ name: `GO-2099-${1000 + i}.json`, bytes: strToU8(JSON.stringify(e)) }));
        onlyFormatErrors(() => indexFromFiles(files, 'fuzz'));
      }),
      fuzzOptions(200),
    );
  });

  it('random bytes and flipped bytes of a zip fail only with a FormatError', () => {
    const small = zipSync({ 'GO-2099-0001.json': strToU8(JSON.stringify({ id: 'GO-2099-0001', affected: [] })) });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), fc.nat(), fc.integer({ min: 0, max: 255 }), (noise, at, value) => {
        onlyFormatErrors(() => indexFromZip(noise, 'noise.zip'));
        const flipped = small.slice();
        flipped[at % flipped.length] = value;
        onlyFormatErrors(() => indexFromZip(flipped, 'flipped.zip'));
      }),
      fuzzOptions(300),
    );
  });

  it('version parsing and range checks never throw on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        moduleSemver(a);
        goSemver(a);
        const ranges = intervalsOf([{ introduced: b }, { fixed: c }, { introduced: '0' }]);
        const version = moduleSemver(`v${a}`) ?? '1.0.0';
        affects(ranges, version);
        fixedAfter(ranges, version);
      }),
      fuzzOptions(500),
    );
  });
});
