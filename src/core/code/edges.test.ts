import { describe, expect, it } from 'vitest';
import { fixture } from '../../../test/fixtures';
import { eachEdge } from './edges';
import { follow } from './testing/follow';

/**
 * The call graph of test/fixtures/go/inlined/main.go, as its source and the compiler's -gcflags=-m report
 * (truth/inlined.gcflags-m.txt) give it: outer, middle and leaf are inlined into main; bump into twice.
 */
describe.each(['amd64', 'arm64-sw'])('edges of the inlined fixture on %s', (build) => {
  const followed = follow(fixture(`inlined-linux-${build}`));
  const names = followed.functions.map((f) => f.name);
  const edges = new Set<string>();
  eachEdge(followed.code, names, (from, to, kind) => {
    if (from.startsWith('main.')) edges.add(`${kind} ${from} -> ${to}`);
  });

  it('has the inlined calls as edges', () => {
    for (const edge of [
      'inline main.main -> main.outer',
      'inline main.outer -> main.middle',
      'inline main.middle -> main.leaf',
      'inline main.twice -> main.(*counter).bump',
      'inline main.stack -> runtime.Callers',
      'inline main.show -> strconv.Itoa',
      'inline main.main -> strings.HasPrefix',
    ]) {
      expect(edges).toContain(edge);
    }
  });

  it('attributes direct calls to the function whose body they came from', () => {
    expect(edges).toContain('call main.leaf -> main.stack');
    expect(edges).toContain('call main.(*counter).bump -> main.stack');
    expect(edges).toContain('call main.main -> main.twice');
    expect(edges).toContain('call main.main -> main.show');
    // The call to stack sits in main.main's code, but main.main's own source never calls it.
    expect(edges).not.toContain('call main.main -> main.stack');
  });

  it('lists call sites and references in address order', () => {
    const ascending = (column: Float64Array) => column.every((pc, i) => i === 0 || pc > column[i - 1]!);
    expect(ascending(followed.code.calls.pc)).toBe(true);
    expect(ascending(followed.code.refs.pc)).toBe(true);
  });
});
