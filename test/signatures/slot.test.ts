import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyCommand } from '../../src/cli/commands/verify';
import { InputError } from '../../src/cli/analyze-command';
import type { Material } from './material';
import { cosignSign, ecKey, minisignKey, minisignSign, newMaterial } from './material';

const FIXTURES = join(__dirname, '..', 'fixtures');
const NAME = 'signed-linux-amd64';
/** The slot's length as the fixture source declares it. */
const SLOT_LEN = 512;

/** A section row of `readelf -SW`: name, address, file offset. */
function section(name: string): { address: number; offset: number } {
  const text = readFileSync(join(FIXTURES, 'truth', `${NAME}.readelf-S.txt`), 'utf8');
  const row = new RegExp(`\\${name}\\s+\\S+\\s+([0-9a-f]+)\\s+([0-9a-f]+)`).exec(text)!;
  return { address: parseInt(row[1]!, 16), offset: parseInt(row[2]!, 16) };
}

/** The slot's file offset from outside truth: main.Signature's address (go tool nm), the sections (readelf). */
function slotOffset(binary: Buffer): number {
  const nm = readFileSync(join(FIXTURES, 'truth', `${NAME}.gonm.txt`), 'utf8');
  const address = parseInt(/^\s*([0-9a-f]+)\s+\d+\s+D main\.Signature$/m.exec(nm)![1]!, 16);
  const data = section('.data');
  const header = address - data.address + data.offset;
  expect(Number(binary.readBigUInt64LE(header + 8))).toBe(SLOT_LEN);
  const rodata = section('.rodata');
  return Number(binary.readBigUInt64LE(header)) - rodata.address + rodata.offset;
}

let m: Material;
let offset: number;

async function run(file: string, flags: Record<string, string>): Promise<number> {
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    return await verifyCommand.run({ positionals: [m.path(file)], flags: new Map(Object.entries(flags)) });
  } finally {
    spy.mockRestore();
  }
}

/** A copy of the release with the signature written into the slot, as a release step would. */
function stamp(signatureFile: string, out: string): void {
  const binary = Buffer.from(m.read(NAME));
  const signature = m.read(signatureFile);
  expect(signature.length).toBeLessThanOrEqual(SLOT_LEN);
  binary.set(signature, offset);
  m.write(out, binary);
}

beforeAll(() => {
  m = newMaterial();
  const binary = readFileSync(join(FIXTURES, 'bin', NAME));
  offset = slotOffset(binary);
  expect(binary.subarray(offset, offset + SLOT_LEN).every((b) => b === 0)).toBe(true);
  m.write(NAME, binary);
  // The file as built has the slot zeroed: that is what gets signed.
  minisignKey(m, 'mini');
  minisignSign(m, 'mini', NAME, 'release.minisig');
  ecKey(m, 'ec');
  cosignSign(m, 'ec', NAME, 'release.sig');
  stamp('release.minisig', 'stamped-minisign');
  stamp('release.sig', 'stamped-cosign');
  const changed = Buffer.from(m.read('stamped-minisign'));
  changed[0x1000]! ^= 0x01;
  m.write('stamped-changed', changed);
});

describe('verify --slot', () => {
  it('checks the signature in the slot over the file with the slot zeroed', async () => {
    expect(await run('stamped-minisign', { slot: 'Signature', key: m.path('mini.pub') })).toBe(0);
    expect(await run('stamped-cosign', { slot: 'main.Signature', key: m.path('ec.pub') })).toBe(0);
  });

  it('a byte changed outside the slot is not verified', async () => {
    expect(await run('stamped-changed', { slot: 'Signature', key: m.path('mini.pub') })).toBe(1);
  });

  it('without --slot the stamped file no longer matches its own signature', async () => {
    expect(await run('stamped-minisign', { signature: m.path('release.minisig'), key: m.path('mini.pub') })).toBe(1);
  });

  it('an empty slot or a missing variable is bad input', async () => {
    await expect(run(NAME, { slot: 'Signature', key: m.path('mini.pub') })).rejects.toBeInstanceOf(InputError);
    await expect(run(NAME, { slot: 'Nothing', key: m.path('mini.pub') })).rejects.toThrow(/main\.Nothing/);
  });
});
