import type { Evidence, Finding } from '../../report/types';
import { findStringSlot, slotContents } from '../../signatures/slot';
import { SignatureInputError } from '../../signatures/types';
import { ALL_TEXT } from '../corpus';
import { buildSettings, evidenceAt, makeFinding, type Rule, type RuleContext } from '../finding';
import { maskSecret } from '../mask';
import { parseXFlags } from './ldflags';

/** Variable names that say "signature": Signature, ReleaseSig, SigHex, sig; not Signal or Design. */
const SIGNATURE_NAME = /[Ss]ignature|SIGNATURE|(?:^|_)[Ss]ig(?:$|_|[A-Z\d])|Sig(?:$|[A-Z_\d])|SIG(?:$|_)/;
/** The shortest value taken for a signature: 32 bytes as hex or base64 is already shorter than Ed25519's 64. */
const MIN_SIGNATURE_CHARS = 64;
const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
/** Symbols looked at for a signature slot; the names are few and the check reads one string header each. */
const MAX_SYMBOLS_CHECKED = 64;

export function looksLikeSignatureName(variable: string): boolean {
  const last = variable.slice(variable.lastIndexOf('.') + 1);
  return SIGNATURE_NAME.test(last);
}

export function looksLikeSignatureValue(value: string): boolean {
  return value.length >= MIN_SIGNATURE_CHARS && (HEX.test(value) || BASE64.test(value));
}

interface Sighting {
  name: string;
  value: string;
  where: string;
  offset: number | null;
}

function fromLdflags(context: RuleContext): Sighting[] {
  return buildSettings(context)
    .filter((s) => s.key === '-ldflags')
    .flatMap((s) => parseXFlags(s.value))
    .filter((a) => looksLikeSignatureName(a.name) && looksLikeSignatureValue(a.value))
    .map((a) => ({
      name: a.name,
      value: a.value,
      where: 'build setting -ldflags',
      offset: context.corpus.find(a.value),
    }));
}

/** String variables named like a signature whose bytes hold one (stamped with -X or written in afterwards). */
function fromSymbols(context: RuleContext): Sighting[] {
  const exe = context.exe;
  if (!exe) return [];
  const named = exe.symbols.filter((s) => s.kind === 'object' && !s.dynamic && looksLikeSignatureName(s.name));
  const sightings: Sighting[] = [];
  for (const symbol of named.slice(0, MAX_SYMBOLS_CHECKED)) {
    try {
      const slot = findStringSlot(exe, context.file.length - context.base, symbol.name);
      const value = new TextDecoder().decode(slotContents(context.file.subarray(context.base), slot)).trim();
      if (looksLikeSignatureValue(value))
        sightings.push({ name: slot.name, value, where: 'string variable', offset: slot.offset + context.base });
    } catch (error) {
      if (!(error instanceof SignatureInputError)) throw error;
    }
  }
  return sightings;
}

function evidenceOf(context: RuleContext, sightings: Sighting[]): Evidence[] {
  const seen = new Set<string>();
  return sightings
    .filter((s) => !seen.has(`${s.name}\0${s.where}`) && seen.add(`${s.name}\0${s.where}`))
    .map((s) => evidenceAt(context, s.offset, `${s.name}=${maskSecret(s.value)}`, s.where));
}

function embeddedFinding(context: RuleContext, sightings: Sighting[]): Finding {
  return makeFinding(
    {
      id: 'build.embedded-signature',
      kind: 'build',
      severity: 'medium',
      title: 'Signature stamped into the binary',
      description:
        `${sightings[0]!.name} holds a signature-like value. A signature inside the file it signs cannot be checked as ` +
        'designed: writing it in changes the bytes it covers; a key shipped in the same file proves nothing, since ' +
        'whoever changes the file can change the key too; and -ldflags -X values are also recorded in the build info.',
      remediation:
        'Publish a detached signature next to the release instead (minisign, cosign sign-blob, gpg --detach-sign, or a ' +
        'Sigstore bundle) and check it with a key the user already trusts: gobinscope verify FILE --signature SIG --key ' +
        'KEY. If the signature must travel inside the file, keep a fixed-length zeroed slot, sign the file with the ' +
        'slot zeroed, write the signature in afterwards, and check with gobinscope verify FILE --slot NAME --key KEY.',
    },
    evidenceOf(context, sightings),
  );
}

export const embeddedSignatureRule: Rule = {
  name: 'embedded-signature',
  scans: ALL_TEXT,
  run(context) {
    const sightings = [...fromLdflags(context), ...fromSymbols(context)];
    return { findings: sightings.length > 0 ? [embeddedFinding(context, sightings)] : [] };
  },
};
