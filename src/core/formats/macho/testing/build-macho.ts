// Builds small Mach-O files field by field from Apple's <mach-o/loader.h> layouts, for the shapes no fixture has
// (32-bit, big-endian, LC_UUID, LC_RPATH, weak dylibs, stabs, fat64). Test support only: the expected values of
// those tests are the values written here.

export class ByteWriter {
  private readonly out: number[] = [];

  constructor(readonly littleEndian: boolean) {}

  get length(): number {
    return this.out.length;
  }

  u8(value: number): this {
    this.out.push(value & 0xff);
    return this;
  }

  u16(value: number): this {
    const bytes = [value & 0xff, (value >>> 8) & 0xff];
    this.out.push(...(this.littleEndian ? bytes : bytes.reverse()));
    return this;
  }

  u32(value: number): this {
    const bytes = [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];
    this.out.push(...(this.littleEndian ? bytes : bytes.reverse()));
    return this;
  }

  u64(value: number): this {
    const low = value % 2 ** 32;
    const high = Math.floor(value / 2 ** 32);
    return this.littleEndian ? this.u32(low).u32(high) : this.u32(high).u32(low);
  }

  word(bits: 32 | 64, value: number): this {
    return bits === 64 ? this.u64(value) : this.u32(value);
  }

  /** A NUL-padded fixed-width name, or a NUL-terminated string padded to `size`. */
  text(value: string, size: number): this {
    const encoded = new TextEncoder().encode(value);
    for (let i = 0; i < size; i++) this.out.push(encoded[i] ?? 0);
    return this;
  }

  bytes(values: ArrayLike<number>): this {
    for (let i = 0; i < values.length; i++) this.out.push(values[i]!);
    return this;
  }

  padTo(size: number): this {
    while (this.out.length < size) this.out.push(0);
    return this;
  }

  done(): Uint8Array {
    return Uint8Array.from(this.out);
  }
}

export interface SyntheticOptions {
  bits: 32 | 64;
  littleEndian: boolean;
  cputype: number;
  flags: number;
  /** LC_UNIXTHREAD: flavor, state size in 32-bit words, and where the pc goes and how wide it is. */
  thread: { flavor: number; words: number; pcAt: number; pcSize: 4 | 8 };
}

export const TEXT_ADDRESS = 0x2000;
export const UUID_BYTES = [
  0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
];

/** nlist entries: name, n_type, n_sect, n_desc, n_value. */
export const SYNTHETIC_SYMBOLS: [string, number, number, number, number][] = [
  ['_start', 0x0f, 1, 0, 0x2000],
  ['_main.main', 0x0e, 1, 0, 0x2040],
  ['_message', 0x0e, 2, 0, 0x2100],
  ['_counter', 0x0e, 3, 0, 0x3000],
  ['stab_entry', 0x24, 1, 0, 0x2000], // N_FUN, a debugging entry
  ['_puts', 0x01, 0, 2 << 8, 0], // undefined external from the second dylib
];

type Command = (w: ByteWriter, bits: 32 | 64) => void;

function stringCommand(cmd: number, fixedSize: number, value: string): Command {
  const size = Math.ceil((fixedSize + value.length + 1) / 8) * 8;
  return (w) => {
    w.u32(cmd).u32(size).u32(fixedSize);
    if (fixedSize === 24) w.u32(2).u32(0x10000).u32(0x10000); // timestamp, current and compatibility versions
    w.text(value, size - fixedSize);
  };
}

function segmentCommand(
  name: string,
  vm: [number, number],
  file: [number, number],
  prot: number,
  sections: [string, string, number, number, number, number][],
): Command {
  return (w, bits) => {
    const sectionSize = bits === 64 ? 80 : 68;
    w.u32(bits === 64 ? 0x19 : 0x1)
      .u32((bits === 64 ? 72 : 56) + sections.length * sectionSize)
      .text(name, 16);
    w.word(bits, vm[0]).word(bits, vm[1]).word(bits, file[0]).word(bits, file[1]);
    w.u32(7).u32(prot).u32(sections.length).u32(0);
    for (const [sectname, segname, address, size, offset, flags] of sections) {
      w.text(sectname, 16).text(segname, 16).word(bits, address).word(bits, size);
      w.u32(offset).u32(0).u32(0).u32(0).u32(flags).u32(0).u32(0);
      if (bits === 64) w.u32(0);
    }
  };
}

function commandsFor(options: SyntheticOptions, symtab: [number, number, number, number]): Command[] {
  const { thread } = options;
  return [
    segmentCommand('__TEXT', [0x1000, 0x2000], [0, 0x2000], 5, [
      ['__text', '__TEXT', 0x2000, 0x100, 0x1000, 0x80000400],
      ['__cstring', '__TEXT', 0x2100, 0x20, 0x1100, 0x2],
    ]),
    segmentCommand('__DATA', [0x3000, 0x1000], [0, 0], 3, [['__bss', '__DATA', 0x3000, 0x80, 0, 0x1]]),
    segmentCommand('__LINKEDIT', [0x4000, 0x1000], [0x2000, 0x200], 1, []),
    (w) => w.u32(0x2).u32(24).u32(symtab[0]).u32(symtab[1]).u32(symtab[2]).u32(symtab[3]),
    stringCommand(0xe, 12, '/usr/lib/dyld'),
    stringCommand(0xc, 24, '/usr/lib/libSystem.B.dylib'),
    stringCommand(0x80000018, 24, '/usr/lib/libweak.dylib'),
    stringCommand(0x8000001c, 12, '@loader_path/../lib'),
    (w) => w.u32(0x1b).u32(24).bytes(UUID_BYTES),
    (w) => w.u32(0x24).u32(16).u32(0x000a040b).u32(0x000a0500), // macOS 10.4.11, SDK 10.5
    (w) => {
      w.u32(0x5)
        .u32(16 + thread.words * 4)
        .u32(thread.flavor)
        .u32(thread.words);
      const state = new ByteWriter(w.littleEndian).padTo(thread.pcAt);
      (thread.pcSize === 8 ? state.u64(TEXT_ADDRESS) : state.u32(TEXT_ADDRESS)).padTo(thread.words * 4);
      w.bytes(state.done());
    },
    (w) => w.u32(0x21).u32(20).u32(0x1000).u32(0x100).u32(1), // LC_ENCRYPTION_INFO, cryptid 1
    // LC_DYLD_CHAINED_FIXUPS over zero padding: version 0 and no segment starts, so nothing to fix up.
    (w) => w.u32(0x80000034).u32(16).u32(0x2180).u32(0x20),
  ];
}

/** A whole thin file: header, commands, __text bytes at 0x1000, symbols and strings in __LINKEDIT at 0x2000. */
export function buildMachO(options: SyntheticOptions): Uint8Array {
  const { bits, littleEndian } = options;
  const entrySize = bits === 64 ? 16 : 12;
  const strings = new ByteWriter(littleEndian).u8(0);
  const nameOffsets = SYNTHETIC_SYMBOLS.map(([name]) => {
    const at = strings.length;
    strings.text(name, name.length + 1);
    return at;
  });
  const symoff = 0x2000;
  const stroff = symoff + SYNTHETIC_SYMBOLS.length * entrySize;
  const body = new ByteWriter(littleEndian);
  const commands = commandsFor(options, [symoff, SYNTHETIC_SYMBOLS.length, stroff, strings.length]);
  for (const command of commands) command(body, bits);
  const w = new ByteWriter(littleEndian);
  w.u32(bits === 64 ? 0xfeedfacf : 0xfeedface)
    .u32(options.cputype)
    .u32(0)
    .u32(2);
  w.u32(commands.length).u32(body.length).u32(options.flags);
  if (bits === 64) w.u32(0);
  w.bytes(body.done()).padTo(0x1000);
  for (let i = 0; i < 0x120; i++) w.u8(i);
  w.padTo(symoff);
  SYNTHETIC_SYMBOLS.forEach(([, type, sect, desc, value], index) => {
    w.u32(nameOffsets[index]!).u8(type).u8(sect).u16(desc).word(bits, value);
  });
  return w.bytes(strings.done()).padTo(0x2200).done();
}

/** A fat file (fat_arch or fat_arch_64, always big-endian) of the given slices at 2^12 alignment. */
export function buildFat(slices: { cputype: number; bytes: Uint8Array }[], wide: boolean): Uint8Array {
  const w = new ByteWriter(false).u32(wide ? 0xcafebabf : 0xcafebabe).u32(slices.length);
  let offset = 0x1000;
  for (const slice of slices) {
    w.u32(slice.cputype).u32(0);
    if (wide) w.u64(offset).u64(slice.bytes.length).u32(12).u32(0);
    else w.u32(offset).u32(slice.bytes.length).u32(12);
    offset += Math.ceil(slice.bytes.length / 0x1000) * 0x1000;
  }
  offset = 0x1000;
  for (const slice of slices) {
    w.padTo(offset).bytes(slice.bytes);
    offset += Math.ceil(slice.bytes.length / 0x1000) * 0x1000;
  }
  return w.done();
}
