import type { Finding } from '../../report/types';
import { evidenceAt, groupBy, makeFinding, stringPlace, type Rule, type RuleContext } from '../finding';
import { ALL_TEXT } from '../corpus';

interface HostHit {
  host: string;
  why: string;
  offset: number;
  context: string;
}

// Suffixes that only resolve inside an organisation (RFC 6762 .local, RFC 8375 home.arpa, and common habits).
const INTERNAL_NAME =
  /(?<![\w.-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:internal|corp|local|lan|intranet|localdomain|home\.arpa))(?![\w-]|\.[a-z0-9])/gi;
// A URL whose host has no dot resolves through a search domain: a machine on the builder's network.
const SINGLE_LABEL_URL =
  /\b(?:https?|ftp|ssh|git|postgres(?:ql)?|mysql|redis|mongodb|amqp|ldaps?|wss?):\/\/(?:[^\s@/\0]{1,128}@)?([A-Za-z][A-Za-z0-9-]{0,62})(?::\d{1,5})?(?=[/?#\s"'\0]|$)/g;
// RFC 1918 ranges; a CIDR suffix means a range definition, not an address someone connects to.
const PRIVATE_IP =
  /(?<![\d.])(10\.\d{1,3}\.\d{1,3}\.\d{1,3}|172\.(?:1[6-9]|2\d|3[01])\.\d{1,3}\.\d{1,3}|192\.168\.\d{1,3}\.\d{1,3})(?![\d.]*\d|\/\d)/g;
const NOT_INTERNAL = new Set(['localhost', 'localhost.localdomain', 'localhost.local']);

/**
 * A dotted name followed by "/" is a URL host only when it is the authority part ("//host/" or "@host/");
 * otherwise it is a package path such as "go.itab.internal/abi".
 */
function notAPackagePath(match: RegExpExecArray): boolean {
  if (match.input[match.index + match[0].length] !== '/') return true;
  return /(?:\/\/|@)$/.test(match.input.slice(Math.max(0, match.index - 2), match.index));
}

function validAddress(ip: string): boolean {
  return ip.split('.').every((octet) => Number(octet) <= 255 && !/^0\d/.test(octet));
}

function hostHits(context: RuleContext): HostHit[] {
  const hits: HostHit[] = [];
  // With the text every match holds one of, when there is such text: only strings with it are searched.
  const sources: [RegExp, string, (host: string, match: RegExpExecArray) => boolean, string[]][] = [
    [INTERNAL_NAME, 'internal domain suffix', (_, match) => notAPackagePath(match), []],
    [SINGLE_LABEL_URL, 'single-label host in a URL', () => true, ['://']],
    [PRIVATE_IP, 'private (RFC 1918) address', validAddress, ['10.', '172.', '192.168.']],
  ];
  for (const [pattern, why, accept, needles] of sources) {
    for (const { match, offset, string } of context.corpus.containing(needles).matches(pattern)) {
      const host = match[1]!.toLowerCase();
      if (NOT_INTERNAL.has(host) || !accept(host, match)) continue;
      const at = offset + match[0].lastIndexOf(match[1]!);
      hits.push({ host, why, offset: at, context: stringPlace(string) });
    }
  }
  return hits;
}

function hostFinding(context: RuleContext, host: string, hits: HostHit[]): Finding {
  return makeFinding(
    {
      id: 'leak.internal-host',
      kind: 'leak',
      severity: 'low',
      title: 'Internal host name or address',
      description: `The binary names ${host} (${hits[0]!.why}), which maps part of the builder's internal network.`,
      remediation: 'Move internal endpoints to configuration read at run time, or confirm they are meant to ship.',
    },
    hits.map((hit) => evidenceAt(context, hit.offset, hit.host, hit.context)),
  );
}

export const internalHostsRule: Rule = {
  name: 'internal-hosts',
  scans: ALL_TEXT,
  run(context) {
    const groups = groupBy(hostHits(context), (hit) => hit.host);
    return { findings: [...groups].map(([host, hits]) => hostFinding(context, host, hits)) };
  },
};
