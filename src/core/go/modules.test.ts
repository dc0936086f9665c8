import { describe, expect, it } from 'vitest';
import type { GoBuildInfo } from '../report/types';
import { inferModulePath, summarizeModules } from './modules';
import { summarizePackages } from './packages';

describe('inferModulePath', () => {
  it.each([
    ['github.com/spf13/cobra', 'github.com/spf13/cobra'],
    ['github.com/spf13/cobra/doc', 'github.com/spf13/cobra'],
    ['github.com/go-chi/chi/v5/middleware', 'github.com/go-chi/chi/v5'],
    ['golang.org/x/sys/unix', 'golang.org/x/sys'],
    ['golang.org/x/net/http2/hpack', 'golang.org/x/net'],
    ['gopkg.in/yaml.v3', 'gopkg.in/yaml.v3'],
    ['gopkg.in/src-d/go-git.v4/plumbing', 'gopkg.in/src-d/go-git.v4'],
    ['k8s.io/client-go/kubernetes', 'k8s.io/client-go'],
    ['k8s.io/api/core/v1', 'k8s.io/api'],
    ['sigs.k8s.io/yaml', 'sigs.k8s.io/yaml'],
    ['go.etcd.io/bbolt', 'go.etcd.io/bbolt'],
    ['go.etcd.io/etcd/client/v3/concurrency', 'go.etcd.io/etcd/client/v3'],
    ['go.etcd.io/etcd/client/pkg/v3/fileutil', 'go.etcd.io/etcd/client/pkg/v3'],
    ['cloud.google.com/go/storage/internal', 'cloud.google.com/go/storage'],
    ['cloud.google.com/go/internal/trace', 'cloud.google.com/go'],
    ['go.uber.org/zap/zapcore', 'go.uber.org/zap'],
    ['mvdan.cc/sh/v3/syntax', 'mvdan.cc/sh/v3'],
    ['github.com/me/app/vendor/github.com/pkg/errors', 'github.com/pkg/errors'],
  ])('%s comes from %s', (pkg, module) => {
    expect(inferModulePath(pkg)).toBe(module);
  });
});

const FUNCTIONS = [
  { name: 'main.main', size: 100 },
  { name: 'github.com/evanw/esbuild/internal/js_parser.Parse', size: 1000 },
  { name: 'golang.org/x/sys/unix.Syscall', size: 50 },
  { name: 'github.com/pkg/errors.New', size: 20 },
  { name: 'runtime.main', size: 500 },
  { name: 'vendor/golang.org/x/net/idna.ToASCII', size: 30 },
  { name: 'type:.eq.main.T', size: 8 },
];

describe('summarizeModules', () => {
  it('assigns packages to recorded modules by longest prefix, std as one entry, the rest inferred', () => {
    const buildInfo: GoBuildInfo = {
      path: 'github.com/evanw/esbuild/cmd/esbuild',
      source: 'carved',
      offset: 0,
      settings: [],
      main: { path: 'github.com/evanw/esbuild', version: '(devel)', sum: '' },
      deps: [
        { path: 'golang.org/x/sys', version: 'v0.1.0', sum: 'h1:x', replace: null },
        {
          path: 'golang.org/x/text',
          version: 'v0.2.0',
          sum: 'h1:y',
          replace: { path: '../text', version: '', sum: '' },
        },
      ],
    };
    const main = buildInfo.main!.path;
    const { modules, packages } = summarizeModules(summarizePackages(FUNCTIONS, main), buildInfo, 'go1.26.5');
    expect(modules.map((m) => [m.path, m.origin, m.version, m.packages, m.size])).toEqual([
      ['github.com/evanw/esbuild', 'main', '(devel)', ['github.com/evanw/esbuild/internal/js_parser', 'main'], 1100],
      ['golang.org/x/sys', 'recorded', 'v0.1.0', ['golang.org/x/sys/unix'], 50],
      ['golang.org/x/text', 'recorded', 'v0.2.0', [], 0],
      ['github.com/pkg/errors', 'inferred', '', ['github.com/pkg/errors'], 20],
      ['std', 'std', 'go1.26.5', ['runtime', 'type:', 'vendor/golang.org/x/net/idna'], 538],
    ]);
    expect(modules[2]!.replace).toEqual({ path: '../text', version: '', sum: '' });
    expect(packages.find((p) => p.path === 'golang.org/x/sys/unix')!.module).toBe('golang.org/x/sys');
    expect(packages.find((p) => p.path === 'main')!.module).toBe('github.com/evanw/esbuild');
  });

  it('infers every third-party module when there is no build info', () => {
    const { modules } = summarizeModules(summarizePackages(FUNCTIONS), null, null);
    expect(modules.map((m) => [m.path, m.origin])).toEqual([
      ['main', 'main'],
      ['github.com/evanw/esbuild', 'inferred'],
      ['github.com/pkg/errors', 'inferred'],
      ['golang.org/x/sys', 'inferred'],
      ['std', 'std'],
    ]);
  });
});
