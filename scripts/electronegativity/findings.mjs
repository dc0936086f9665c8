// The gate's judgement, kept apart from running the tool so a unit test can check it on SARIF it builds itself.

/** `-e` wants a plain version: the one package.json asks for, without its range operator ("^45.5.0" → "45.5.0"). */
export function electronVersion(pkg) {
  const range = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  const version = /(\d+\.\d+\.\d+)/.exec(String(range ?? ''));
  if (!version) throw new Error(`package.json names no Electron version (${range})`);
  return version[1];
}

/** One { check, file, line } per SARIF result, file relative to the scanned folder. */
export function sarifFindings(sarif) {
  const results = sarif.runs?.flatMap((run) => run.results ?? []) ?? [];
  return results.map((result) => {
    const location = result.locations?.[0]?.physicalLocation;
    return {
      check: result.ruleId,
      file: location?.artifactLocation?.uri ?? 'N/A',
      line: location?.region?.startLine ?? 0,
      message: result.message?.text ?? '',
    };
  });
}

/** The translations lookup is refused by offline.mjs and the tool falls back to its bundled English. */
const KNOWN_LOOKUP = /^got https:\/\/electronegativity-i18n\.s3\.[a-z0-9-]+\.amazonaws\.com\//;

export function unexpectedNetwork(attempts) {
  return attempts.filter((a) => !KNOWN_LOOKUP.test(a)).map((a) => `tried to reach the network: ${a}`);
}

function validEntry(entry) {
  return (
    typeof entry?.check === 'string' &&
    typeof entry?.file === 'string' &&
    typeof entry?.reason === 'string' &&
    entry.reason.trim().length > 0 &&
    !entry.reason.includes('\n')
  );
}

/**
 * Problems: findings no entry lists (by check and file), entries without a one-line reason, and entries that match
 * nothing any more (a stale entry would quietly allow the next finding of its kind in that file).
 */
export function checkFindings(findings, allow) {
  const entries = Array.isArray(allow?.findings) ? allow.findings : [];
  const problems = entries
    .filter((entry) => !validEntry(entry))
    .map((entry) => `allowlist entry without check, file and a one-line reason: ${JSON.stringify(entry)}`);
  const listed = (finding) =>
    entries.some((e) => validEntry(e) && e.check === finding.check && e.file === finding.file);
  for (const finding of findings.filter((f) => !listed(f))) {
    problems.push(`${finding.check} at ${finding.file}:${finding.line}: ${finding.message}`);
  }
  for (const entry of entries.filter(validEntry)) {
    if (!findings.some((f) => f.check === entry.check && f.file === entry.file)) {
      problems.push(`allowlist entry matches no finding (remove it): ${entry.check} ${entry.file}`);
    }
  }
  return problems;
}
