import { describe, expect, it } from 'vitest';
import { gosymFuncs } from '../../../test/fixtures';
import {
  absoluteFiles,
  compareFixtures,
  comparedBeforeAll,
  expectSectionsMatchReadelf,
  goVersionTruth,
  readelfRemoved,
  settingsAddedInTruth,
} from './testing';
import { STRING_LIST_LIMIT, type Comparison } from './types';

// Truth: test/fixtures/build.sh (how each fixture was built), `go version -m`, readelf -SW and Go's debug/gosym.

/** The recorded build settings B added, unquoted the way `go version -m` prints them. */
function addedSettings(c: Comparison): [string, string][] {
  return c.buildSettings.added.map((s) => [s.key, (s.after ?? '').replace(/^"(.*)"$/, '$1')]);
}

describe('linux-amd64 → linux-amd64-trimpath (-trimpath)', () => {
  const compared = comparedBeforeAll('linux-amd64', 'linux-amd64-trimpath');

  it('records -trimpath=true as the only setting added', () => {
    const c = compared();
    expect(settingsAddedInTruth('linux-amd64', 'linux-amd64-trimpath')).toEqual([['-trimpath', 'true']]);
    expect(addedSettings(c)).toEqual([['-trimpath', 'true']]);
    expect(c.buildSettings.removed).toEqual([]);
    expect(c.buildSettings.changed).toEqual([]);
  });

  it('sees the source paths gone from the functions, and the same functions', () => {
    const c = compared();
    expect(c.functions.absoluteFilesA).toBe(absoluteFiles('linux-amd64').length);
    expect(absoluteFiles('linux-amd64-trimpath')).toEqual([]);
    expect(c.functions.absoluteFilesB).toBe(0);
    expect(c.functions.countB).toBe(gosymFuncs('linux-amd64-trimpath').length);
    expect(c.functions.added.count + c.functions.removed.count).toBe(0);
    expect(c.findings.fixed.some((f) => f.id === 'build.no-trimpath')).toBe(true);
  });

  it('says the code differs and where, and does not call it a strip', async () => {
    const c = compared();
    expect(c.code.identical).toBe(false);
    await expectSectionsMatchReadelf(c, 'linux-amd64', 'linux-amd64-trimpath');
    // Not a stripped copy: readelf shows the -trimpath build keeps every section, .symtab and DWARF included.
    expect(readelfRemoved('linux-amd64', 'linux-amd64-trimpath')).toEqual([]);
    expect(c.stripVerification).toBeUndefined();
  });
});

describe('linux-amd64 → linux-amd64-xvars (-ldflags -X)', () => {
  const compared = comparedBeforeAll('linux-amd64', 'linux-amd64-xvars');

  it('shows the -ldflags setting added with the -X value, and the new finding', () => {
    const c = compared();
    expect(settingsAddedInTruth('linux-amd64', 'linux-amd64-xvars')).toEqual([
      ['-ldflags', '-X main.version=1.2.3-fixture'],
    ]);
    expect(addedSettings(c)).toEqual([['-ldflags', '-X main.version=1.2.3-fixture']]);
    expect(c.findings.new).toContainEqual(
      expect.objectContaining({ id: 'leak.ldflags-x', value: 'main.version=1.2.3-fixture' }),
    );
    expect(c.summary.some((line) => line.includes('-ldflags=-X main.version=1.2.3-fixture'))).toBe(true);
  });

  it('lists the -X value among the added strings, in a list cut at the named limit', () => {
    const c = compared();
    expect(c.strings.added.items).toContain('1.2.3-fixture');
    expect(c.strings.added.items.length).toBe(Math.min(c.strings.added.count, STRING_LIST_LIMIT));
    expect(c.strings.added.truncated).toBe(c.strings.added.count > STRING_LIST_LIMIT);
  });

  it('is not a strip: B keeps its symbol table and DWARF', () => {
    const c = compared();
    expect(readelfRemoved('linux-amd64', 'linux-amd64-xvars')).toEqual([]);
    expect(c.stripVerification).toBeUndefined();
    expect(c.code.identical).toBe(false);
  });
});

describe('darwin-amd64 → darwin-fat (lipo-style fat file of the two darwin builds)', () => {
  it('finds the amd64 slice byte-identical although it sits at another file offset', async () => {
    const c = await compareFixtures('darwin-amd64', 'darwin-fat');
    expect(c.format).toMatchObject({ a: 'macho', b: 'macho-fat', same: false });
    expect(c.code.sections.map((s) => s.name)).toEqual(
      expect.arrayContaining(['__text', '__rodata', '__gopclntab', '__data']),
    );
    expect(c.code.identical).toBe(true);
    expect(c.stripVerification).toBeUndefined();
  });
});

describe('one file against itself', () => {
  it('finds nothing changed and no strip', async () => {
    const c = await compareFixtures('linux-amd64', 'linux-amd64');
    expect(c.code.identical).toBe(true);
    expect(c.stripVerification).toBeUndefined();
    expect([c.findings.new, c.findings.fixed, c.verdicts.changed, c.sections.added, c.sections.removed]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);
    expect([c.strings.added.count, c.strings.removed.count, c.size.delta]).toEqual([0, 0, 0]);
    expect(c.summary).toHaveLength(2);
  });
});

describe('unrelated binaries', () => {
  it('linux-amd64 vs leaky-linux-amd64: different main module and modules, no strip', async () => {
    const c = await compareFixtures('linux-amd64', 'leaky-linux-amd64');
    const [hello, leaky] = [goVersionTruth('linux-amd64'), goVersionTruth('leaky-linux-amd64')];
    expect(c.mainModule).toEqual({ a: hello.path, b: leaky.path, changed: true });
    expect(c.modules.removed.map((m) => m.path)).toEqual(hello.deps.filter((d) => !leaky.deps.includes(d)));
    expect(addedSettings(c)).toEqual(settingsAddedInTruth('linux-amd64', 'leaky-linux-amd64'));
    expect(c.findings.new.some((f) => f.id === 'leak.vcs')).toBe(true);
    expect(c.stripVerification).toBeUndefined();
    // Said once, first, as two programs rather than as a changed main module.
    expect(c.summary[0]).toMatch(new RegExp(`^Different programs: .* is ${hello.path}, .* is ${leaky.path}\\.`));
    expect(c.summary.some((line) => line.startsWith('Main module'))).toBe(false);
  });

  it('linux-amd64 vs windows-amd64.exe: different formats, code not compared, no strip', async () => {
    const c = await compareFixtures('linux-amd64', 'windows-amd64.exe');
    expect(c.format).toMatchObject({ a: 'elf', b: 'pe', same: false });
    expect(c.code.identical).toBeNull();
    expect(c.code.sections).toEqual([]);
    expect(c.stripVerification).toBeUndefined();
    expect(c.summary[0]).toMatch(/^Different files/);
  });
});
