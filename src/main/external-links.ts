/**
 * The documentation sites the app may open in the user's browser; any other link a page asks for is dropped.
 * Today no screen links out; these are the references the findings and SBOM views name (the Go toolchain and
 * vulnerability pages, the CycloneDX specification). Adding a host is a reviewed change to this list.
 */
export const DOCUMENTATION_HOSTS: readonly string[] = ['go.dev', 'pkg.go.dev', 'cyclonedx.org'];

/**
 * True for a plain https link to one of those hosts: no user name or password (which can disguise the real host
 * to a reader), no unusual port, nothing a URL parser might read differently.
 */
export function isDocumentationLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '') {
    return false;
  }
  return DOCUMENTATION_HOSTS.includes(parsed.hostname);
}
