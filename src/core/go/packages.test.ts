import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzOptions } from '../../../test/fuzz';
import { classifyPackage, packageOf, packagesOf, summarizePackages, unvendor } from './packages';

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
    // Wrappers of methods promoted from another package carry that package's path after the receiver.
    ['regexp.(*onePassInst).regexp/syntax.op', 'regexp'],
    ['example.com/embed.(*Outer).example.com/beta.hidden', 'example.com/embed'],
    ['example.com/embed.Outer.example.com/beta.hidden', 'example.com/embed'],
    ['net/http.http2Framer.golang.org/x/net/http2/hpack.m', 'net/http'],
    ['main.Outer.example.com/beta.hidden', 'main'],
    // Anonymous struct wrappers, in 1.19 ("go.") and newer ("go:") spelling.
    ['go.(*struct { go/ast.Node; go/token.Pos }).End', 'go:'],
    ['go.struct { *example.com/beta.Inner }.example.com/beta.hidden', 'go:'],
    ['go:(*struct { io.Reader; io.WriterTo }).Read', 'go:'],
    ['type..eq.struct { runtime.gList; runtime.n int32 }', 'type:'],
    // Closures, goroutine and defer wrappers, method values, init functions.
    ['example.com/alpha.Process.func1', 'example.com/alpha'],
    ['net/http.(*conn).serve.gowrap1', 'net/http'],
    ['internal/sync.(*HashTrieMap[go.shape.interface {},go.shape.interface {}]).Swap.deferwrap1', 'internal/sync'],
    ['example.com/methval.Counter.Next-fm', 'example.com/methval'],
    ['internal/poll.init.OnceValue[go.shape.bool].func4.1', 'internal/poll'],
    ['crypto/tls.init.0', 'crypto/tls'],
    ['regexp.glob..func1', 'regexp'],
    // Domains with several dots stay paths; an escaped dot ends only the last element.
    ['google.golang.org/grpc.(*Server).Serve', 'google.golang.org/grpc'],
    ['go.opentelemetry.io/otel/trace.SpanFromContext', 'go.opentelemetry.io/otel/trace'],
    ['gopkg.in/src-d/go-git.v4/plumbing.NewHash', 'gopkg.in/src-d/go-git.v4/plumbing'],
    ['example.com/text%2ev2.Title', 'example.com/text.v2'],
    ['slices.pdqsortCmpFunc[go.shape.interface { Info() (io/fs.FileInfo, error); Name() string }]', 'slices'],
  ])('%s is in %s', (name, expected) => {
    expect(packageOf(name)).toBe(expected);
  });
});

describe('packagesOf', () => {
  it("settles a wrapper in a package without '/' by the binary's other names", () => {
    // Alone, "regexp.onePassInst.regexp/syntax" reads like a domain path; regexp's other functions decide it.
    const names = ['regexp.onePassInst.regexp/syntax.op', 'regexp.Compile', 'regexp/syntax.Parse'];
    expect(packageOf(names[0]!)).toBe('regexp.onePassInst.regexp/syntax');
    expect(packagesOf(names)).toEqual(['regexp', 'regexp', 'regexp/syntax']);
  });

  it('keeps a domain path when no shorter package is known', () => {
    expect(packagesOf(['google.golang.org/grpc.Dial', 'google.golang.org/grpc.(*Server).Serve'])).toEqual([
      'google.golang.org/grpc',
      'google.golang.org/grpc',
    ]);
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

describe('packageOf on generated names (seeded fuzz)', () => {
  const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/);
  const domain = fc.array(label, { minLength: 2, maxLength: 4 }).map((parts) => parts.join('.'));
  const inner = fc.array(label, { minLength: 0, maxLength: 3 });
  const last = fc.tuple(label, fc.option(label, { nil: undefined })).map(([a, b]) => (b ? `${a}.${b}` : a));
  const path = fc.tuple(domain, inner, last).map(([d, mid, end]) => [d, ...mid, end].join('/'));
  const ident = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
  const suffix = fc.oneof(
    ident,
    ident.map((m) => `(*T).${m}`),
    ident.map((m) => `T[go.shape.*example.com/x.Y,go.shape.int].${m}`),
    fc.tuple(ident, path).map(([m, other]) => `(*T).${other}.${m}`),
    ident.map((m) => `${m}.func1.gowrap2`),
  );

  it('gives back the path the name was made from', () => {
    fc.assert(
      fc.property(path, suffix, (pkg, rest) => {
        const escaped = pkg.replace(/\.(?=[^/]*$)/g, '%2e');
        expect(packageOf(`${escaped}.${rest}`)).toBe(pkg);
      }),
      fuzzOptions(500, 7),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (name) => typeof packageOf(name) === 'string'),
      fuzzOptions(500, 8),
    );
  });
});
