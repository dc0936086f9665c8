import { describe, expect, it } from 'vitest';
import { isRoot } from './reach';
import { SymbolTable, splitSymbol } from './symbols';

// Expected values from how the Go vulnerability database names symbols (go.dev/doc/security/vuln/database:
// "Client.Do" for the method on *Client, package paths unescaped) and how the linker spells function names
// (`go tool nm`: "net/http.(*Client).Do", "gopkg.in/yaml%2ev3.Unmarshal", "main.main.func1").
describe('function names as the database names symbols', () => {
  it.each([
    ['encoding/pem.Decode', 'encoding/pem', 'Decode'],
    ['net/http.(*Client).Do', 'net/http', 'Client.Do'],
    ['net/textproto.Reader.ReadLine', 'net/textproto', 'Reader.ReadLine'],
    ['gopkg.in/yaml%2ev3.Unmarshal', 'gopkg.in/yaml.v3', 'Unmarshal'],
    ['main.main.func1', 'main', 'main.func1'],
    ['golang.org/x/net/html.(*Tokenizer).Next', 'golang.org/x/net/html', 'Tokenizer.Next'],
  ])('%s → %s %s', (name, pkg, symbol) => {
    expect(splitSymbol(name)).toEqual({ pkg, symbol });
  });

  it('drops type arguments, nested ones too', () => {
    expect(splitSymbol('slices.SortFunc[go.shape.[]uint8,go.shape.func(a, b)]')).toEqual({
      pkg: 'slices',
      symbol: 'SortFunc',
    });
  });

  it('finds a symbol inlined into another function at the function that holds it', () => {
    const table = new SymbolTable();
    table.add('main.main', { fn: 0, inlined: false });
    table.add('encoding/pem.getLine', { fn: 0, inlined: true });
    expect(table.find('encoding/pem', ['Decode', 'getLine'])).toEqual(
      new Map([['getLine', [{ fn: 0, inlined: true }]]]),
    );
    expect(table.find('encoding/pem', []).size).toBe(1);
    expect(table.find('encoding/xml', ['Decoder.Decode']).size).toBe(0);
  });
});

describe('the roots of reachability', () => {
  // Go's linker names package initialisers "pkg.init" and "pkg.init.N" (go tool nm on any fixture).
  it.each([
    ['main.main', true],
    ['net/http.init', true],
    ['net/http.init.0', true],
    ['gopkg.in/yaml%2ev3.init', true],
    ['net/http.init.0.func1', false],
    ['sync.(*Pool).init', false],
    ['example.com/a.T.init', false],
    ['main.helper', false],
  ])('%s → %s', (name, root) => {
    expect(isRoot(name)).toBe(root);
  });
});
