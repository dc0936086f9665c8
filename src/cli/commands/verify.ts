import { parseExecutable } from '../../core/formats/detect';
import { findStringSlot, slotContents, withSlotZeroed, SignatureInputError } from '../../core/signatures/index';
import type { VerifyOutcome } from '../../core/signatures/index';
import { readInputFile } from '../../host/read-file';
import { InputError } from '../analyze-command';
import { UsageError, type ParsedArgs } from '../args';
import { verifySignature } from '../../host/signatures/verify';
import type { Command } from './types';
import { checkGoSum, describeGoSum } from './verify-gosum';

const USAGE =
  'gobinscope verify FILE (--signature SIG | --slot NAME) [--key KEY] [--trusted-root FILE] [--gosum GO.SUM] [--json]';

async function readOrFail(path: string, what: string): Promise<Uint8Array> {
  const read = await readInputFile(path);
  if (!read.ok) throw new InputError(`${what}: ${read.error.message}`);
  return read.value;
}

function describe(outcome: VerifyOutcome & { slot?: string }): string {
  const lines = [`${outcome.verified ? 'verified' : 'NOT verified'} (${outcome.format}): ${outcome.reason}`];
  if (outcome.trustedComment !== undefined) lines.push(`trusted comment: ${outcome.trustedComment}`);
  if (outcome.fingerprint !== undefined) lines.push(`key fingerprint: ${outcome.fingerprint}`);
  if (outcome.slot !== undefined) lines.push(outcome.slot);
  return lines.join('\n');
}

/** What is checked: the file and its signature, or, with --slot, the file with the slot zeroed and what the slot holds. */
async function signedMaterial(
  file: Uint8Array,
  signaturePath: string | null,
  slotName: string | null,
): Promise<{ message: Uint8Array; signature: Uint8Array; note: string | null }> {
  const given = signaturePath === null ? null : await readOrFail(signaturePath, 'the signature');
  if (slotName === null) {
    if (given === null) throw new UsageError('verify needs --signature SIG or --slot NAME');
    return { message: file, signature: given, note: null };
  }
  const parsed = parseExecutable(file);
  if (parsed === null || parsed.container === 'macho-fat' || !parsed.exes[0])
    throw new InputError('--slot reads an ELF, PE or single-architecture Mach-O executable');
  const slot = findStringSlot(parsed.exes[0], file.length, slotName);
  const signature = given ?? slotContents(file, slot);
  if (signature.length === 0) throw new InputError(`${slot.name} is all zeros: no signature was written into it`);
  const note = `slot ${slot.name}: ${slot.length} bytes at file offset 0x${slot.offset.toString(16)}, zeroed for the check`;
  return { message: withSlotZeroed(file, slot), signature, note };
}

const stringFlag = (args: ParsedArgs, flag: string): string | null => {
  const value = args.flags.get(flag);
  return typeof value === 'string' ? value : null;
};

/** The signature part of the command, or null when only --gosum was asked for. */
async function checkSignature(args: ParsedArgs, file: Uint8Array): Promise<(VerifyOutcome & { slot?: string }) | null> {
  const signaturePath = stringFlag(args, 'signature');
  const slotName = stringFlag(args, 'slot');
  if (signaturePath === null && slotName === null && stringFlag(args, 'gosum') !== null) return null;
  const optional = async (flag: string, what: string): Promise<Uint8Array | null> => {
    const path = stringFlag(args, flag);
    return path === null ? null : readOrFail(path, what);
  };
  const key = await optional('key', 'the key');
  const trustedRoot = await optional('trusted-root', 'the trusted root');
  try {
    const material = await signedMaterial(file, signaturePath, slotName);
    const outcome = await verifySignature(material.message, material.signature, key, trustedRoot);
    return material.note === null ? outcome : { ...outcome, slot: material.note };
  } catch (error) {
    if (error instanceof SignatureInputError) throw new InputError(error.message);
    throw error;
  }
}

export const verifyCommand: Command = {
  usage: `${USAGE}   is this the file that was signed, built from this go.sum? (exit 0 yes, 1 no)`,
  valued: ['signature', 'key', 'trusted-root', 'slot', 'gosum'],
  booleans: ['json'],
  async run(args) {
    if (args.positionals.length !== 1) throw new UsageError(`usage: ${USAGE}`);
    const file = await readOrFail(args.positionals[0]!, 'the file');
    const signature = await checkSignature(args, file);
    const goSumPath = stringFlag(args, 'gosum');
    const goSum = goSumPath === null ? null : await checkGoSum(file, goSumPath);
    const passed = (signature?.verified ?? true) && (goSum?.consistent ?? true);
    if (args.flags.has('json')) {
      process.stdout.write(JSON.stringify({ verified: passed, signature, goSum }, null, 2) + '\n');
    } else {
      const parts = [signature && describe(signature), goSum && describeGoSum(goSum)];
      process.stdout.write(parts.filter((p) => p).join('\n') + '\n');
    }
    return passed ? 0 : 1;
  },
};
