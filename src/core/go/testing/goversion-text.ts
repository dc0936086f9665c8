/**
 * A reader for the text `go version -m FILE` prints (truth/<name>.goversion.txt), written for the tests and
 * independent of the code under test: the first line is "<file>: <version>", every other line is tab-indented
 * BuildInfo.String() output. A replaced module is printed "dep path version" and then a "=> path version sum"
 * line; Go 1.19 also prints an empty line after each replacement. Quoted build values are Go-quoted, which for
 * the printable ASCII in our fixtures is valid JSON.
 */
export interface GoVersionText {
  file: string;
  version: string;
  path: string;
  main: { path: string; version: string; sum: string } | null;
  deps: {
    path: string;
    version: string;
    sum: string;
    replace: { path: string; version: string; sum: string } | null;
  }[];
  settings: { key: string; value: string }[];
}

function unquoteValue(raw: string): string {
  return raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
}

export function parseGoVersionText(text: string): GoVersionText {
  const lines = text.split('\n');
  const head = /^(.*): (\S.*)$/.exec(lines[0] ?? '');
  if (!head) throw new Error(`not go version -m output: ${lines[0]}`);
  const out: GoVersionText = { file: head[1]!, version: head[2]!, path: '', main: null, deps: [], settings: [] };
  for (const line of lines.slice(1)) {
    if (!line.startsWith('\t')) continue;
    const [word, ...columns] = line.slice(1).split('\t');
    const module = { path: columns[0] ?? '', version: columns[1] ?? '', sum: columns[2] ?? '' };
    if (word === 'path') out.path = columns[0]!;
    else if (word === 'mod') out.main = module;
    else if (word === 'dep') out.deps.push({ ...module, replace: null });
    else if (word === '=>') out.deps.at(-1)!.replace = module;
    else if (word === 'build') {
      const setting = columns.join('\t');
      const equals = setting.indexOf('=');
      out.settings.push({ key: setting.slice(0, equals), value: unquoteValue(setting.slice(equals + 1)) });
    }
  }
  return out;
}
