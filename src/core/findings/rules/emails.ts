import { evidenceAt, groupBy, makeFinding, stringPlace, type Rule } from '../finding';
import { ALL_TEXT } from '../corpus';

// The local part may not follow ':' or '/', so "user:password@host" in a URL is not read as an address.
const EMAIL =
  /(?<![\w.+%:/-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,24})(?![\w-]|\.[A-Za-z0-9])/g;
// "icon@2x.png" and friends: asset names, not addresses.
const FILE_SUFFIXES = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'js', 'css', 'go', 'json', 'html', 'txt']);

export const emailsRule: Rule = {
  name: 'emails',
  scans: ALL_TEXT,
  run(context) {
    // Every address holds an '@': only strings with one are searched.
    const hits = [...context.corpus.containing(['@']).matches(EMAIL)].filter(
      ({ match }) => !FILE_SUFFIXES.has(match[1]!.toLowerCase()),
    );
    const groups = groupBy(hits, ({ match }) => match[0].toLowerCase());
    const findings = [...groups].map(([address, items]) =>
      makeFinding(
        {
          id: 'leak.email',
          kind: 'leak',
          severity: 'low',
          title: 'E-mail address',
          description: `The address ${address} is compiled into the binary; it may name a person or an internal mailbox.`,
          remediation: 'Check that the address is meant to ship; move contact details to configuration otherwise.',
        },
        items.map(({ match, offset, string }) => evidenceAt(context, offset, match[0], stringPlace(string))),
      ),
    );
    return { findings };
  },
};
