import { readFileSync } from 'node:fs';

/**
 * The secrets planted in the leaky fixture, read from its Go source and from the -X flags its build script
 * passes, never from our own output. Each is the part a person must not see: the password inside a URL, the key
 * inside a connection string, each line of a PEM body.
 */
export interface Planted {
  name: string;
  value: string;
}

export const LEAKY_BINARY = 'test/fixtures/bin/leaky-linux-amd64';
const SOURCE = 'test/fixtures/go/leaky/main.go';
const BUILD = 'test/fixtures/build.sh';

/** Which of the fixture's constants and variables are secrets, and which part of each is the secret. */
const SECRET_PARTS: Record<string, (value: string) => string[]> = {
  awsAccessKeyID: (v) => [v],
  awsSecretAccessKey: (v) => [v.slice(v.indexOf('=') + 1)],
  googleAPIKey: (v) => [v],
  azureStorage: (v) => [/AccountKey=([^;]+)/.exec(v)![1]!],
  githubPAT: (v) => [v],
  githubOAuth: (v) => [v],
  githubServer: (v) => [v],
  githubFineGrained: (v) => [v],
  gitlabToken: (v) => [v],
  slackBot: (v) => [v],
  slackWebhook: (v) => [v.slice(v.indexOf('/services/') + '/services/'.length)],
  stripeKey: (v) => [v],
  jwt: (v) => [v],
  dbURL: (v) => [/:\/\/[^:]+:([^@]+)@/.exec(v)![1]!],
  privateKey: (v) => v.split('\n').filter((line) => line !== '' && !line.startsWith('-----')),
  Password: (v) => [v.slice(v.indexOf('=') + 1)],
  apiToken: (v) => [v],
};

/** `name = "value"` constants, `Name: "value"` fields and the one raw-string constant of the fixture. */
function sourceValues(source: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const m of source.matchAll(/^\s*(?:const\s+)?(\w+)\s*(?:=|:)\s*"([^"]*)"/gm)) values.set(m[1]!, m[2]!);
  for (const m of source.matchAll(/^const\s+(\w+)\s*=\s*`([^`]*)`/gm)) values.set(m[1]!, m[2]!);
  return values;
}

/** The -X main.name=value assignments of the leaky build: the script's paragraph that builds it. */
function xValues(script: string): Map<string, string> {
  const start = script.indexOf('-o "$bin/leaky-linux-amd64"');
  const end = script.indexOf('\n\n', start);
  if (start < 0 || end < 0) throw new Error('the build script no longer builds leaky-linux-amd64');
  const values = new Map<string, string>();
  for (const m of script.slice(start, end).matchAll(/-X main\.(\w+)=([^\s"]+)/g)) values.set(m[1]!, m[2]!);
  return values;
}

export function plantedSecrets(): Planted[] {
  const fromSource = sourceValues(readFileSync(SOURCE, 'utf8'));
  const fromFlags = xValues(readFileSync(BUILD, 'utf8'));
  const planted: Planted[] = [];
  for (const [name, parts] of Object.entries(SECRET_PARTS)) {
    // An -X value is what the binary holds; the source only has its placeholder.
    const value = fromFlags.get(name) ?? fromSource.get(name);
    if (value === undefined) throw new Error(`the fixture no longer plants ${name}`);
    for (const part of parts(value)) planted.push({ name, value: part });
  }
  return planted;
}

/** Values set with -X that are not secret: they must stay readable next to the masked token. */
export function plainXValues(): string[] {
  const values = xValues(readFileSync(BUILD, 'utf8'));
  return [...values].filter(([name]) => !(name in SECRET_PARTS)).map(([, value]) => value);
}
