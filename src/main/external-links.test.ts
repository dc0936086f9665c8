import { describe, expect, it } from 'vitest';
import { DOCUMENTATION_HOSTS, isDocumentationLink } from './external-links';

describe('links the app opens in the browser', () => {
  it.each([
    'https://go.dev/doc/go1.19',
    'https://pkg.go.dev/vuln/GO-2023-1840',
    'https://cyclonedx.org/docs/1.6/json/',
    'HTTPS://GO.DEV/ref/mod', // hosts and schemes are case-insensitive (WHATWG URL)
  ])('opens %s', (url) => {
    expect(isDocumentationLink(url)).toBe(true);
  });

  it.each([
    ['any other https site', 'https://example.com/'],
    ['plain http to a listed host', 'http://go.dev/'],
    ['a look-alike subdomain', 'https://go.dev.example.com/'],
    ['a subdomain of a listed host', 'https://evil.go.dev/'],
    ['credentials that hide the host', 'https://go.dev@example.com/'],
    ['credentials on a listed host', 'https://user:pw@go.dev/'],
    ['an unusual port', 'https://go.dev:8443/'],
    ['a file', 'file:///etc/passwd'],
    ['a script', 'javascript:alert(1)'],
    ['a custom scheme', 'ms-msdt:/id'],
    ['not a URL', 'go.dev'],
    ['empty', ''],
  ])('refuses %s', (_label, url) => {
    expect(isDocumentationLink(url)).toBe(false);
  });

  it('the list holds bare host names only', () => {
    for (const host of DOCUMENTATION_HOSTS) expect(new URL(`https://${host}/`).hostname).toBe(host);
  });
});
