import { describe, expect, it } from 'vitest';
import { FormatError } from '../io/errors';
import { parseModinfo } from './modinfo';
import { quotedPrefixLength, unquoteGo } from './quote';

// Expected values follow runtime/debug.ParseBuildInfo's documented rules (GO-FORMATS §1 "modinfo lines").
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('parseModinfo', () => {
  it('reads path, mod, dep, replacement and build lines', () => {
    const info = parseModinfo(
      text(
        [
          'path\texample.com/cmd/tool',
          'mod\texample.com\tv1.2.3\th1:main=',
          'dep\tgolang.org/x/sys\tv0.1.0\th1:sys=',
          'dep\texample.com/lib\tv0.0.1',
          '=>\t../lib\t(devel)\t',
          'build\t-compiler=gc',
          'build\tCGO_ENABLED=0',
          '',
        ].join('\n'),
      ),
      0,
    );
    expect(info.path).toBe('example.com/cmd/tool');
    expect(info.main).toEqual({ path: 'example.com', version: 'v1.2.3', sum: 'h1:main=' });
    expect(info.deps).toEqual([
      { path: 'golang.org/x/sys', version: 'v0.1.0', sum: 'h1:sys=', replace: null },
      { path: 'example.com/lib', version: 'v0.0.1', sum: '', replace: { path: '../lib', version: '(devel)', sum: '' } },
    ]);
    expect(info.settings).toEqual([
      { key: '-compiler', value: 'gc' },
      { key: 'CGO_ENABLED', value: '0' },
    ]);
  });

  it('unquotes quoted keys and values', () => {
    const info = parseModinfo(
      text(
        [
          'build\t-ldflags="-X main.version=1.2.3 -s"',
          'build\t"key with space"=`raw "value"`',
          'build\t-gcflags="a\\tb\\x41\\u00e9\\101"',
          'build\tempty=',
          '',
        ].join('\n'),
      ),
      0,
    );
    expect(info.settings).toEqual([
      { key: '-ldflags', value: '-X main.version=1.2.3 -s' },
      { key: 'key with space', value: 'raw "value"' },
      { key: '-gcflags', value: 'a\tbAéA' },
      { key: 'empty', value: '' },
    ]);
  });

  it('ignores unknown lines and a last line without its newline', () => {
    const info = parseModinfo(text('go\tgo1.22\nfoo\tbar\npath\ta/b\npath\tnot/ended'), 0);
    expect(info.path).toBe('a/b');
  });
});

describe('parseModinfo errors', () => {
  it.each([
    ['a value that needs quoting', 'build\tk=a b\n'],
    ['a key that needs quoting', 'build\tk y=v\n'],
    ['a missing key', 'build\t=v\n'],
    ['a missing =', 'build\tkey\n'],
    ['a bad quoted value', 'build\tk="unterminated\n'],
    ['a quoted key without =', 'build\t"k"\n'],
    ['a replacement with no module', '=>\ta\tv1\th1\n'],
    ['a replacement with two columns', 'dep\ta\tv1\n=>\tb\tv2\n'],
    ['a dep with four columns', 'dep\ta\tv1\th1\textra\n'],
    ['a second replacement', 'dep\ta\tv1\n=>\tb\tv2\th\n=>\tc\tv3\th\n'],
  ])('rejects %s with a FormatError at the line', (_, body) => {
    const bytes = text(`path\tx\n${body}`);
    expect(() => parseModinfo(bytes, 100)).toThrow(FormatError);
    try {
      parseModinfo(bytes, 100);
    } catch (error) {
      expect((error as FormatError).offset).toBeGreaterThanOrEqual(100 + 'path\tx\n'.length);
    }
  });
});

describe('Go quoting', () => {
  it('unquotes both literal styles', () => {
    expect(unquoteGo('"a\\"b"')).toBe('a"b');
    expect(unquoteGo('`a\\nb`')).toBe('a\\nb');
    expect(unquoteGo('"\\U0001F600"')).toBe('😀');
    expect(unquoteGo('"\\377"')).toBe('\ufffd'); // a lone 0xff byte is not UTF-8
  });

  it('rejects what strconv.Unquote rejects', () => {
    for (const bad of ['"a', '"\\q"', '"\\x4"', '"\\400"', '"\\uD800"', '`a`b`', "'a'", '"a\nb"']) {
      expect(unquoteGo(bad)).toBeNull();
    }
  });

  it('measures a quoted prefix', () => {
    expect(quotedPrefixLength('"a\\"b"=c')).toBe(6);
    expect(quotedPrefixLength('`x`=y')).toBe(3);
    expect(quotedPrefixLength('"open')).toBe(-1);
    expect(quotedPrefixLength('plain')).toBe(-1);
  });
});
