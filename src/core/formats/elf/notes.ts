import { FormatError, guarded } from '../../io/errors';
import { MAX_NOTES } from '../../io/limits';
import { ByteReader, decodeUtf8, hex } from '../../io/reader';
import type { ExeNote } from '../exe';
import type { ElfContext } from './context';
import { MAX_NOTE_HEX_BYTES } from './limits';
import { SHT_NOTE } from './sections';
import { PT_NOTE } from './segments';
import { textUntilNul } from './strings';

const NOTE_HEADER_SIZE = 12;

/** Readable note types by owner; the numbers mean different things under different owners. */
const NOTE_TYPES: Record<string, Record<number, string>> = {
  GNU: {
    1: 'NT_GNU_ABI_TAG',
    2: 'NT_GNU_HWCAP',
    3: 'NT_GNU_BUILD_ID',
    4: 'NT_GNU_GOLD_VERSION',
    5: 'NT_GNU_PROPERTY_TYPE_0',
  },
  // Go's linker (cmd/link) writes these under the owner "Go".
  Go: { 1: 'GO_PKGLIST', 2: 'GO_ABIHASH', 3: 'GO_DEPS', 4: 'GO_BUILDID' },
};

/** Go notes that hold text rather than bytes. */
const GO_TEXT_NOTES = new Set([1, 3, 4]);

/** NT_GNU_ABI_TAG's first word, as readelf names it. */
const ABI_TAG_OS = ['Linux', 'Hurd', 'Solaris', 'FreeBSD', 'NetBSD', 'Syllable', 'NaCl'];

interface NoteRegion {
  what: string;
  offset: number;
  size: number;
  /** Name and descriptor padding: 8 for regions aligned so (GNU property notes), 4 otherwise, as readelf does. */
  align: number;
}

/** Notes from SHT_NOTE sections, or from PT_NOTE segments when the file has no section headers. */
export function readNotes(ctx: ElfContext): ExeNote[] {
  const regions: NoteRegion[] =
    ctx.sections.length > 0
      ? ctx.sections.flatMap((s, i) =>
          s?.type === SHT_NOTE
            ? [
                {
                  what: ctx.names[i] || 'note section',
                  offset: s.offset,
                  size: s.size,
                  align: s.addralign === 8 ? 8 : 4,
                },
              ]
            : [],
        )
      : ctx.segments
          .filter((s) => s.type === PT_NOTE)
          .map((s) => ({ what: 'PT_NOTE segment', offset: s.offset, size: s.fileSize, align: s.align === 8 ? 8 : 4 }));
  const notes: ExeNote[] = [];
  for (const region of regions) {
    guarded('elf', ctx.diagnostics, () => readNoteRegion(ctx.reader, region, notes), undefined);
  }
  return notes;
}

function padded(size: number, align: number): number {
  return Math.ceil(size / align) * align;
}

/** Appends the region's notes one by one, so those before a truncated note are kept. */
function readNoteRegion(reader: ByteReader, region: NoteRegion, notes: ExeNote[]): void {
  reader.check(region.offset, region.size, region.what);
  const end = region.offset + region.size;
  for (let at = region.offset; at + NOTE_HEADER_SIZE <= end;) {
    if (notes.length >= MAX_NOTES) throw new FormatError(at, `more than ${MAX_NOTES} notes`);
    const nameSize = reader.u32(at);
    const descSize = reader.u32(at + 4);
    const type = reader.u32(at + 8);
    // Padding is measured from the start of the note, so with 8-byte alignment the 12-byte header counts too.
    const descAt = at + padded(NOTE_HEADER_SIZE + nameSize, region.align);
    if (descAt + descSize > end) throw new FormatError(at, `note at ${hex(at)} runs past the end of ${region.what}`);
    const owner = textUntilNul(reader.slice(at + NOTE_HEADER_SIZE, nameSize));
    notes.push(describeNote(owner, type, reader.slice(descAt, descSize), reader.littleEndian));
    at += padded(descAt - at + descSize, region.align);
  }
}

function describeNote(owner: string, type: number, desc: Uint8Array, littleEndian: boolean): ExeNote {
  const typeName = NOTE_TYPES[owner]?.[type] ?? `0x${type.toString(16)}`;
  return { owner, type, typeName, value: noteValue(owner, type, desc, littleEndian) };
}

function noteValue(owner: string, type: number, desc: Uint8Array, littleEndian: boolean): string {
  if (owner === 'Go' && GO_TEXT_NOTES.has(type)) return textUntilNul(desc);
  if (owner === 'GNU' && type === 1 && desc.length >= 16) {
    const words = new ByteReader(desc, littleEndian);
    const os = ABI_TAG_OS[words.u32(0)] ?? `Unknown (${words.u32(0)})`;
    return `OS: ${os}, ABI: ${words.u32(4)}.${words.u32(8)}.${words.u32(12)}`;
  }
  if (owner === 'GNU' && type === 4) return decodeUtf8(desc);
  return hexBytes(desc);
}

function hexBytes(bytes: Uint8Array): string {
  const shown = bytes.subarray(0, MAX_NOTE_HEX_BYTES);
  let text = '';
  for (const byte of shown) text += byte.toString(16).padStart(2, '0');
  return shown.length < bytes.length ? `${text}…` : text;
}
