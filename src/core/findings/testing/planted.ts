// Test support: the values test/fixtures/go/leaky/main.go and test/fixtures/build.sh plant, read from those
// sources, each with the rule a person expects to catch it. This table is the ground truth of the leaky tests.

export interface Planted {
  /** The constant, field or -X variable that holds the value. */
  name: string;
  value: string;
  /** Text to look for in the file: where the value sits, for matching evidence offsets. */
  needle: string;
  rule: string;
  secret: boolean;
}

/** Which rule must catch each planted value, by the Go name that holds it. */
export const EXPECTED_RULES: Record<string, { rule: string; secret: boolean; part?: RegExp; foundIn?: string }> = {
  awsAccessKeyID: { rule: 'secret.aws-access-key-id', secret: true },
  awsSecretAccessKey: { rule: 'secret.aws-secret-access-key', secret: true, part: /=(.*)$/ },
  googleAPIKey: { rule: 'secret.google-api-key', secret: true },
  azureStorage: { rule: 'secret.azure-storage-key', secret: true, part: /AccountKey=([^;]+)/ },
  githubPAT: { rule: 'secret.github-token', secret: true },
  githubOAuth: { rule: 'secret.github-token', secret: true },
  githubServer: { rule: 'secret.github-token', secret: true },
  githubFineGrained: { rule: 'secret.github-token', secret: true },
  gitlabToken: { rule: 'secret.gitlab-token', secret: true },
  slackBot: { rule: 'secret.slack-token', secret: true },
  slackWebhook: { rule: 'secret.slack-webhook', secret: true, part: /services\/(.*)$/ },
  stripeKey: { rule: 'secret.stripe-key', secret: true },
  jwt: { rule: 'secret.jwt', secret: true },
  dbURL: { rule: 'secret.url-credentials', secret: true, part: /:([^:@/]+)@/ },
  dbHost: { rule: 'leak.internal-host', secret: false },
  internalHost: { rule: 'leak.internal-host', secret: false, part: /\/\/([^:/]+)/ },
  privateIP: { rule: 'leak.internal-host', secret: false },
  contact: { rule: 'leak.email', secret: false },
  privateKey: { rule: 'secret.private-key', secret: true, part: /-----\n([\s\S]*?)\n-----END/ },
  Endpoint: { rule: 'leak.internal-host', secret: false, part: /\/\/([^:/]+)/ },
  Password: { rule: 'secret.generic', secret: true, part: /=(.*)$/ },
  buildUser: { rule: 'leak.ldflags-x', secret: false },
  apiToken: { rule: 'leak.ldflags-x', secret: true },
  releaseName: { rule: 'leak.ldflags-x', secret: false },
  buildDir: { rule: 'leak.build-path', secret: false },
  buildUserName: { rule: 'leak.username', secret: false, foundIn: 'buildDir' },
  vcs: { rule: 'leak.vcs', secret: false },
};

/** `const name = "value"` / `` `value` `` and `Field: "value",` lines of a Go source. */
function goLiterals(source: string): Map<string, string> {
  const literals = new Map<string, string>();
  for (const m of source.matchAll(/(?:const (\w+) = |^\s+(\w+): )(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`)/gm)) {
    literals.set((m[1] ?? m[2])!, m[3] ?? m[4]!);
  }
  return literals;
}

/** The -X assignments of the leaky build in build.sh. */
function xValues(buildScript: string): Map<string, string> {
  const leakyBuild = /leaky-linux-amd64"\s*\\?\s*-ldflags="([^"]*)"/.exec(buildScript)?.[1] ?? '';
  return new Map([...leakyBuild.matchAll(/-X main\.(\w+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));
}

/** Every planted value with the rule that must catch it and the text to find it by. */
export function plantedValues(mainGo: string, buildScript: string): Planted[] {
  const values = goLiterals(mainGo);
  const dbURL = values.get('dbURL') ?? '';
  values.set('dbHost', /@([^:/]+)/.exec(dbURL)?.[1] ?? '');
  const root = /^root=(\S+)/m.exec(buildScript)?.[1] ?? '';
  const work = /^work=\$root(\S+)/m.exec(buildScript)?.[1] ?? '';
  const buildDir = `${root}${work}`;
  values.set('buildDir', buildDir);
  values.set('buildUserName', /\/home\/([^/]+)\//.exec(buildDir)?.[1] ?? '');
  values.set('vcs', 'vcs=git');
  const planted: Planted[] = [];
  for (const [name, expected] of Object.entries(EXPECTED_RULES)) {
    const x = xValues(buildScript).get(name);
    const whole = x ?? values.get(name);
    if (!whole) throw new Error(`planted value ${name} not found in the fixture sources`);
    const value = expected.part ? (expected.part.exec(whole)?.[1] ?? whole) : whole;
    const needle = x ? `main.${name}=${x}` : expected.foundIn ? values.get(expected.foundIn)! : value;
    planted.push({ name, value, needle, rule: expected.rule, secret: expected.secret });
  }
  return planted;
}
