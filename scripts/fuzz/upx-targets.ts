// UPX-packed files for the long fuzz run, made by the test packer from committed fixtures (NRV methods only: the
// LZMA library's encoder is too slow to make seeds in every process). The unpacker may return null, an image or
// throw a FormatError; the whole analysis of a damaged packed file throws nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { FormatError } from '../../src/core/io/errors';
import { unpackUpx } from '../../src/core/unpack/upx/index';
import { packUpx } from '../../test/upx/packer';
import { InPlaceEdits, mutateInPlace, type Random, type Region } from './mutate';
import type { Input, Target } from './targets';

interface PackedSeed {
  name: string;
  bytes: Uint8Array;
  regions: Region[];
}

function seeds(): PackedSeed[] {
  const original = new Uint8Array(readFileSync(join('test', 'fixtures', 'bin', 'linux-amd64-sw')));
  return [
    { name: 'sw-nrv2b', method: 2 },
    { name: 'sw-nrv2e-ctok32', method: 8, filter: 0x49 as const },
  ].map(({ name, method, filter }) => {
    const bytes = packUpx(original, { method, filter, blockSize: 64 * 1024 });
    // The headers and first blocks, and the PackHeader at the end, are where the structure is.
    const regions = [
      { start: 0, size: 2048 },
      { start: bytes.length - 64, size: 64 },
    ];
    return { name, bytes, regions };
  });
}

export function upxTargets(): Target[] {
  let packed: PackedSeed[] | null = null;
  const input = (random: Random): Input => {
    const seed = random.pick((packed ??= seeds()));
    const edits = new InPlaceEdits(seed.bytes);
    mutateInPlace(random, seed.bytes, seed.regions, edits);
    return { bytes: seed.bytes, seedName: seed.name, undo: () => edits.undo() };
  };
  return [
    {
      name: 'upx',
      weight: 40,
      input,
      check(input) {
        try {
          unpackUpx(input.bytes);
        } catch (error) {
          if (!(error instanceof FormatError)) throw error;
        }
      },
    },
    {
      name: 'upx-analyze',
      weight: 3,
      input,
      async check(input) {
        await analyze(input.bytes, { fileName: input.seedName });
      },
    },
  ];
}
