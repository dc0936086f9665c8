import { describe, expect, it } from 'vitest';
import { classifyPackage, packageOf, summarizePackages, unvendor } from './packages';

describe('packageOf', () => {
  it.each([
    ['main.main', 'main'],
    ['main.(*server).handle.func1', 'main'],
    ['runtime.gcBgMarkWorker', 'runtime'],
    ['runtime.(*mheap).alloc', 'runtime'],
    ['internal/runtime/atomic.(*Uint32).Load', 'internal/runtime/atomic'],
    ['github.com/x/y.(*T).M', 'github.com/x/y'],
    ['github.com/x/y/sub.F', 'github.com/x/y/sub'],
    ['github.com/x/y.(*List[...]).Push', 'github.com/x/y'],
    ['slices.SortFunc[...]', 'slices'],
    ['main.Map[go.shape.*github.com/a/b.T,go.shape.int]', 'main'],
    ['gopkg.in/yaml%2ev3.(*decoder).unmarshal', 'gopkg.in/yaml.v3'],
    ['vendor/golang.org/x/net/http2/hpack.(*Decoder).Write', 'vendor/golang.org/x/net/http2/hpack'],
    ['github.com/me/app/vendor/github.com/pkg/errors.New', 'github.com/me/app/vendor/github.com/pkg/errors'],
    ['go.uber.org/zap.(*Logger).Info', 'go.uber.org/zap'],
    ['type:.eq.[2]interface {}', 'type:'],
    ['type..eq.[...]internal/cpu.option', 'type:'],
    ['type..hash.github.com/x/y.T', 'type:'],
    ['go:buildid', 'go:'],
    ['go.buildid', 'go:'],
    ['cmpbody', ''],
    ['_rt0_amd64_linux', ''],
  ])('%s is in %s', (name, expected) => {
    expect(packageOf(name)).toBe(expected);
  });
});

describe('classifyPackage', () => {
  it.each([
    ['main', 'main'],
    ['runtime', 'std'],
    ['fmt', 'std'],
    ['slices', 'std'],
    ['maps', 'std'],
    ['iter', 'std'],
    ['unique', 'std'],
    ['weak', 'std'],
    ['crypto/internal/fips140/aes/gcm', 'std'],
    ['crypto/internal/fips140only', 'std'],
    ['internal/runtime/maps', 'std'],
    ['internal/abi', 'std'],
    ['vendor/golang.org/x/crypto/chacha20', 'std'],
    ['github.com/x/y', 'third-party'],
    ['golang.org/x/sys/unix', 'third-party'],
    ['gopkg.in/yaml.v3', 'third-party'],
    ['type:', 'runtime-internal'],
    ['go:', 'runtime-internal'],
    ['', 'runtime-internal'],
  ])('%s is %s', (path, expected) => {
    expect(classifyPackage(path)).toBe(expected);
  });

  it("puts the main module's packages with main, even when its path has no dot", () => {
    expect(classifyPackage('github.com/evanw/esbuild/internal/js_parser', 'github.com/evanw/esbuild')).toBe('main');
    expect(classifyPackage('github.com/evanw/esbuild-plugins', 'github.com/evanw/esbuild')).toBe('third-party');
    expect(classifyPackage('hello/util', 'hello')).toBe('main');
    expect(classifyPackage('hello/util')).toBe('std'); // the go command's rule, without the module to go by
  });
});

describe('unvendor', () => {
  it('strips GOPATH and std vendor prefixes', () => {
    expect(unvendor('github.com/me/app/vendor/github.com/pkg/errors')).toBe('github.com/pkg/errors');
    expect(unvendor('vendor/golang.org/x/net/idna')).toBe('golang.org/x/net/idna');
    expect(unvendor('github.com/x/vendorless')).toBe('github.com/x/vendorless');
  });
});

describe('summarizePackages', () => {
  it('counts functions and bytes per package, largest first', () => {
    const packages = summarizePackages([
      { name: 'main.main', size: 10 },
      { name: 'main.init', size: 5 },
      { name: 'runtime.main', size: 100 },
      { name: 'go:buildid', size: 128 },
    ]);
    expect(packages).toEqual([
      { path: 'go:', class: 'runtime-internal', functionCount: 1, size: 128, module: null },
      { path: 'runtime', class: 'std', functionCount: 1, size: 100, module: null },
      { path: 'main', class: 'main', functionCount: 2, size: 15, module: null },
    ]);
  });
});
