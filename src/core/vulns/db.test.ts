import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../../test/fixtures';
import { FormatError } from '../io/errors';
import { ageInDays, indexFromFiles, indexFromZip, loadIndex, serializeIndex } from './db';

const snapshot = (): Uint8Array =>
  new Uint8Array(readFileSync(join(fixturesDir, 'vulndb', 'go-vulndb-osv-2026-08-21.zip')));

// Expected values from the snapshot itself, counted with Python's zipfile and json: 4,291 files, of which 4,261
// affect a Go module other than the go command ("toolchain"); every member is dated 2026-08-21 20:38.
describe('the vulnerability database snapshot', () => {
  const index = indexFromZip(snapshot(), 'go-vulndb-osv-2026-08-21.zip');

  it('keeps every entry that affects a module a binary can link', () => {
    expect(index.entries).toHaveLength(4261);
    expect(index.byModule.get('stdlib')!.length).toBeGreaterThan(100);
  });

  it('dates a flat OSV zip by its newest member when the entries carry no date', () => {
    expect(index.modified).toBe('2026-08-21T20:38:00.000Z');
    expect(ageInDays(index, new Date('2026-12-01T00:00:00Z'))).toBe(101);
  });

  it('stores and loads again without reading the database', () => {
    const again = loadIndex(serializeIndex(index));
    expect(again.entries).toHaveLength(index.entries.length);
    expect(again.byModule.get('stdlib')!.length).toBe(index.byModule.get('stdlib')!.length);
  });
});

describe('the vulndb.zip layout', () => {
  const entry = {
    id: 'GO-2099-0001',
    modified: '2099-01-02T00:00:00Z',
    aliases: ['CVE-2099-0001'],
    affected: [
      {
        package: { name: 'example.com/fake', ecosystem: 'Go' },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.2.0' }] }],
      },
    ],
  };

  it('takes the date from index/db.json', () => {
    const zip = zipSync({
      'index/db.json': strToU8(JSON.stringify({ modified: '2099-03-04T05:06:07Z' })),
      'index/modules.json': strToU8('[]'),
      'ID/GO-2099-0001.json': strToU8(JSON.stringify(entry)),
    });
    const index = indexFromZip(zip, 'vulndb.zip');
    expect(index.modified).toBe('2099-03-04T05:06:07Z');
    expect(index.byModule.get('example.com/fake')![0]!.id).toBe('GO-2099-0001');
  });

  it('a folder of OSV files dates itself by its newest entry', () => {
    const index = indexFromFiles([{ name: 'GO-2099-0001.json', bytes: strToU8(JSON.stringify(entry)) }], 'folder');
    expect(index.modified).toBe('2099-01-02T00:00:00Z');
  });

  it('refuses what is not a database, with a reason', () => {
    expect(() => indexFromZip(strToU8('not a zip'), 'x.zip')).toThrow(FormatError);
    expect(() => indexFromZip(zipSync({ 'readme.txt': strToU8('hi') }), 'empty.zip')).toThrow(/no Go vulnerability/);
    expect(() => indexFromFiles([{ name: 'GO-2099-0002.json', bytes: strToU8('{') }], 'bad')).toThrow(/not JSON/);
    expect(() => loadIndex('{"schema": 99, "entries": []}')).toThrow(/another version/);
  });
});
