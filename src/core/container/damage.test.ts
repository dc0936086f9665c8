import { describe, expect, it } from 'vitest';
import { END, concat, entry, header, text } from '../../../test/container/tar-writer';
import { FormatError } from '../io/errors';
import { normalizeEntryPath } from './layers';
import { readTar } from './tar';
import { MAX_TAR_ENTRY_BYTES } from './tar-header';

// Hand-made archives (test/container/tar-writer.ts writes ustar headers by the standard's layout) with the damage a
// hostile or broken image carries. Each must end in a FormatError with an offset, or in a plain result.
const sound = concat(
  entry({ name: 'a.txt' }, text('first file\n')),
  entry({ name: 'b.bin' }, new Uint8Array(700)),
  END,
);

function formatError(run: () => unknown): FormatError {
  try {
    run();
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
  throw new Error('expected a FormatError');
}

describe('a damaged tar archive', () => {
  it('reads the sound one', () => {
    expect(readTar(sound).map(({ entry: e, bytes }) => [e.name, bytes?.length])).toEqual([
      ['a.txt', 11],
      ['b.bin', 700],
    ]);
  });

  it('cut anywhere inside a header or data is a FormatError; cut between entries it is the entries before', () => {
    const boundaries = new Set([0, 1024, 1024 + 1536]);
    for (let cut = 0; cut < sound.length - END.length; cut += 37) {
      const bytes = sound.subarray(0, cut);
      if (boundaries.has(cut)) expect(() => readTar(bytes)).not.toThrow();
      else expect(formatError(() => readTar(bytes)).offset).toBeLessThanOrEqual(cut);
    }
  });

  it('with a header whose checksum does not add up is a FormatError at that header', () => {
    const bytes = sound.slice();
    bytes[1024 + 10] = bytes[1024 + 10]! ^ 0x20;
    const error = formatError(() => readTar(bytes));
    expect(error.offset).toBe(1024);
    expect(error.message).toMatch(/checksum/);
  });

  it('claiming a huge size fails at once, in octal or base-256', () => {
    const octal = header({ name: 'huge', size: 0o77777777777 });
    expect(formatError(() => readTar(concat(octal, END))).message).toMatch(/truncated/);
    const base256 = new Uint8Array(12);
    base256[0] = 0x80;
    base256.fill(0xff, 1);
    const error = formatError(() => readTar(concat(header({ name: 'huger', sizeField: base256 }), END)));
    expect(error.message).toMatch(/too large|claims/);
    const justOver = new Uint8Array(12);
    justOver[0] = 0x80;
    new DataView(justOver.buffer).setBigUint64(4, BigInt(MAX_TAR_ENTRY_BYTES) + 1n);
    expect(formatError(() => readTar(concat(header({ name: 'over', sizeField: justOver }), END))).offset).toBe(124);
  });

  it('with a size that is not a number is a FormatError', () => {
    const garbage = new TextEncoder().encode('12x4567\0    ');
    expect(formatError(() => readTar(concat(header({ name: 'x', sizeField: garbage }), END))).offset).toBe(124);
  });

  it('with an oversized or malformed PAX header is a FormatError', () => {
    const tooBig = header({ name: 'pax', type: 'x', size: 2 * 1024 * 1024 });
    expect(formatError(() => readTar(concat(tooBig, END))).message).toMatch(/extended header/);
    const badRecord = entry({ name: 'pax', type: 'x' }, text('99 path=short\n'));
    expect(formatError(() => readTar(concat(badRecord, entry({ name: 'f' }), END))).message).toMatch(/PAX/);
    const badSize = entry({ name: 'pax', type: 'x' }, text('15 size=-12345\n'));
    expect(formatError(() => readTar(concat(badSize, entry({ name: 'f' }), END))).message).toMatch(/size/);
  });

  it('names a traversal as it is; the image path of "../../etc/passwd" is refused', () => {
    const archive = concat(entry({ name: '../../etc/passwd' }, text('root:x:0:0\n')), END);
    expect(readTar(archive)[0]!.entry.name).toBe('../../etc/passwd');
    expect(normalizeEntryPath('../../etc/passwd')).toBeNull();
    expect(normalizeEntryPath('usr/../../etc/passwd')).toBeNull();
    expect(normalizeEntryPath('/usr/./bin//../bin/app')).toBe('usr/bin/app');
    expect(normalizeEntryPath('./')).toBe('');
  });

  it('a PAX path record names the entry after it, and only that one', () => {
    const long = `${'p/'.repeat(80)}file`;
    const record = `path=${long}\n`;
    const length = record.length + String(record.length + 4).length + 1;
    const pax = entry({ name: 'PaxHeader', type: 'x' }, text(`${length} ${record}`));
    const names = readTar(concat(pax, entry({ name: 'short' }), entry({ name: 'next' }), END)).map((e) => e.entry.name);
    expect(names).toEqual([long, 'next']);
  });
});
