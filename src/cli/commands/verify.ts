import { detectSignatureFormat, verifyCosign, verifyMinisign, SignatureInputError } from '../../core/signatures/index';
import type { VerifyOutcome } from '../../core/signatures/index';
import { readInputFile } from '../../host/read-file';
import { InputError } from '../analyze-command';
import { UsageError } from '../args';
import { nodeSignatureCrypto, verifyOpenPgp, verifySigstore } from '../signature-backends';
import type { Command } from './types';

const USAGE = 'gobinscope verify FILE --signature SIG [--key KEY] [--trusted-root FILE] [--json]';

async function readOrFail(path: string, what: string): Promise<Uint8Array> {
  const read = await readInputFile(path);
  if (!read.ok) throw new InputError(`${what}: ${read.error.message}`);
  return read.value;
}

async function verifyWith(
  file: Uint8Array,
  signature: Uint8Array,
  key: Uint8Array | null,
  trustedRoot: Uint8Array | null,
): Promise<VerifyOutcome> {
  const format = detectSignatureFormat(signature);
  if (format === null)
    throw new InputError('the signature is none of minisign, cosign (base64), OpenPGP or a Sigstore bundle');
  if (format === 'sigstore') return verifySigstore(file, signature, key, trustedRoot);
  if (key === null) throw new UsageError(`a ${format} signature is checked against a public key: add --key KEY`);
  if (format === 'minisign') return verifyMinisign(file, signature, key, nodeSignatureCrypto);
  if (format === 'cosign') return verifyCosign(file, signature, key, nodeSignatureCrypto);
  return verifyOpenPgp(file, signature, key);
}

function describe(outcome: VerifyOutcome): string {
  const lines = [`${outcome.verified ? 'verified' : 'NOT verified'} (${outcome.format}): ${outcome.reason}`];
  if (outcome.trustedComment !== undefined) lines.push(`trusted comment: ${outcome.trustedComment}`);
  return lines.join('\n');
}

export const verifyCommand: Command = {
  usage: `${USAGE}   is this the file that was signed? (exit 0 verified, 1 not verified)`,
  valued: ['signature', 'key', 'trusted-root'],
  booleans: ['json'],
  async run(args) {
    if (args.positionals.length !== 1) throw new UsageError(`usage: ${USAGE}`);
    const signaturePath = args.flags.get('signature');
    if (typeof signaturePath !== 'string') throw new UsageError('verify needs --signature SIG');
    const optional = async (flag: string, what: string): Promise<Uint8Array | null> => {
      const path = args.flags.get(flag);
      return typeof path === 'string' ? readOrFail(path, what) : null;
    };
    const file = await readOrFail(args.positionals[0]!, 'the file');
    const signature = await readOrFail(signaturePath, 'the signature');
    const key = await optional('key', 'the key');
    const trustedRoot = await optional('trusted-root', 'the trusted root');
    let outcome: VerifyOutcome;
    try {
      outcome = await verifyWith(file, signature, key, trustedRoot);
    } catch (error) {
      if (error instanceof SignatureInputError) throw new InputError(error.message);
      throw error;
    }
    process.stdout.write((args.flags.has('json') ? JSON.stringify(outcome, null, 2) : describe(outcome)) + '\n');
    return outcome.verified ? 0 : 1;
  },
};
