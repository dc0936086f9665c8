import { describe, expect, it } from 'vitest';
import { isFileSource, isInvokeChannel, validArgs } from './validate';

describe('invoke argument validation', () => {
  it('accepts the contract shapes', () => {
    expect(validArgs('analysis:run', ['job-1', [{ kind: 'path', path: '/tmp/a' }]])).toBe(true);
    expect(
      validArgs('analysis:run', [
        'job-1',
        [
          { kind: 'upload', id: 'abc_DEF-1' },
          { kind: 'initial', id: 'x' },
        ],
      ]),
    ).toBe(true);
    expect(validArgs('app:info', [])).toBe(true);
    expect(validArgs('files:pick', [true])).toBe(true);
    expect(validArgs('analysis:run', ['job-1', [{ kind: 'recent', id: 'r-1' }]])).toBe(true);
    expect(validArgs('analysis:run', ['job-1', [{ kind: 'recent', id: '../x' }]])).toBe(false);
  });

  it('rejects wrong counts, types and hostile values', () => {
    expect(validArgs('analysis:run', ['job-1'])).toBe(false);
    expect(validArgs('analysis:run', ['../../x', [{ kind: 'path', path: '/tmp/a' }]])).toBe(false);
    expect(validArgs('analysis:run', ['job-1', [{ kind: 'path', path: 'a\0b' }]])).toBe(false);
    expect(validArgs('analysis:run', ['job-1', [{ kind: 'shell', command: 'rm' }]])).toBe(false);
    expect(validArgs('analysis:run', ['job-1', []])).toBe(false);
    const three = { kind: 'initial', id: 'a' };
    expect(validArgs('analysis:run', ['job-1', [three, three, three]])).toBe(false);
    expect(validArgs('app:info', ['extra'])).toBe(false);
    expect(validArgs('export:file', ['exe', { schemaVersion: 1 }, null])).toBe(false);
    expect(validArgs('export:file', ['json', { schemaVersion: 1, file: { name: 'a' } }, null])).toBe(false);
    expect(
      validArgs('export:file', ['json', { schemaVersion: 1, file: { name: 'a' }, findings: [], sections: [] }, null]),
    ).toBe(true);
    expect(isFileSource(null)).toBe(false);
    expect(isFileSource({ kind: 'upload', id: 'x'.repeat(65) })).toBe(false);
  });

  it('knows only the contract channels', () => {
    expect(isInvokeChannel('analysis:run')).toBe(true);
    expect(isInvokeChannel('fs:write')).toBe(false);
    expect(isInvokeChannel(42)).toBe(false);
  });
});

describe('the reveal channel', () => {
  it('takes a job id and a path of field names and indexes, nothing else', () => {
    expect(validArgs('secrets:reveal', ['job-1', 'analysis/strings/12/value'])).toBe(true);
    expect(validArgs('secrets:reveal', ['job-1', 'a/report/go/buildInfo/settings/1/value'])).toBe(true);
    expect(validArgs('secrets:reveal', ['job-1'])).toBe(false);
    expect(validArgs('secrets:reveal', ['../job', 'analysis/x'])).toBe(false);
    expect(validArgs('secrets:reveal', ['job-1', '/analysis/x'])).toBe(false);
    expect(validArgs('secrets:reveal', ['job-1', 'analysis//x'])).toBe(false);
    expect(validArgs('secrets:reveal', ['job-1', 'analysis/x y'])).toBe(false);
    expect(validArgs('secrets:reveal', ['job-1', 'a/'.repeat(300) + 'x'])).toBe(false);
    expect(validArgs('secrets:reveal', ['job-1', 42])).toBe(false);
  });
});

describe('vulnerability database channels', () => {
  it('take no path from the page: only nothing (the app dialog) or an upload id', () => {
    expect(validArgs('vulndb:status', [])).toBe(true);
    expect(validArgs('vulndb:status', ['x'])).toBe(false);
    expect(validArgs('vulndb:import', [null])).toBe(true);
    expect(validArgs('vulndb:import', ['abc_DEF-1'])).toBe(true);
    expect(validArgs('vulndb:import', ['/home/user/vulndb.zip'])).toBe(false);
    expect(validArgs('vulndb:import', [{ kind: 'path', path: '/tmp/a' }])).toBe(false);
    expect(validArgs('vulndb:import', [])).toBe(false);
  });

  it('lets a window ask for a few KiB of a finished job by place, never by path', () => {
    expect(validArgs('bytes:read', ['job-1', 'analysis', 0x1234, 512])).toBe(true);
    expect(validArgs('bytes:read', ['job-1', 'b', 0, 4096])).toBe(true);
    expect(validArgs('bytes:read', ['job-1', 'analysis', 0, 4097])).toBe(false);
    expect(validArgs('bytes:read', ['job-1', 'analysis', 0, 0])).toBe(false);
    expect(validArgs('bytes:read', ['job-1', 'analysis', -1, 16])).toBe(false);
    expect(validArgs('bytes:read', ['job-1', 'analysis', 1.5, 16])).toBe(false);
    expect(validArgs('bytes:read', ['job-1', 'analysis', 2 ** 40, 16])).toBe(false);
    expect(validArgs('bytes:read', ['job-1', '/etc/passwd', 0, 16])).toBe(false);
    expect(validArgs('bytes:read', ['../x', 'analysis', 0, 16])).toBe(false);
    expect(validArgs('bytes:read', ['job-1', 'analysis', 0])).toBe(false);
  });
});
