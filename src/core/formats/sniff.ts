/** Names what a non-executable file looks like, for a useful error: "looks like a PNG image". */
const SIGNATURES: { magic: number[]; name: string; at?: number }[] = [
  { magic: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { magic: [0x25, 0x50, 0x44, 0x46], name: 'a PDF document' },
  { magic: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive' },
  { magic: [0x1f, 0x8b], name: 'a gzip archive' },
  { magic: [0x42, 0x5a, 0x68], name: 'a bzip2 archive' },
  { magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], name: 'an xz archive' },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], name: 'a zstd archive' },
  { magic: [0x75, 0x73, 0x74, 0x61, 0x72], name: 'a tar archive', at: 257 },
  { magic: [0x00, 0x61, 0x73, 0x6d], name: 'a WebAssembly module' },
  { magic: [0x21, 0x3c, 0x61, 0x72, 0x63, 0x68, 0x3e], name: 'an ar archive (a static library?)' },
  { magic: [0xca, 0xfe, 0xba, 0xbe, 0x00, 0x00], name: 'a Java class file' },
  { magic: [0x23, 0x21], name: 'a script (#!)' },
];

export function sniffFileType(bytes: Uint8Array): string {
  for (const sig of SIGNATURES) {
    const at = sig.at ?? 0;
    if (bytes.length >= at + sig.magic.length && sig.magic.every((b, i) => bytes[at + i] === b)) return sig.name;
  }
  const head = bytes.subarray(0, 4096);
  let printable = 0;
  for (const b of head) if ((b >= 0x20 && b < 0x7f) || b === 0x0a || b === 0x0d || b === 0x09) printable++;
  if (head.length > 0 && printable / head.length > 0.95) {
    const text = new TextDecoder().decode(head).trimStart();
    if (text.startsWith('{') || text.startsWith('[')) return 'a JSON document';
    if (text.startsWith('<')) return 'an XML or HTML document';
    return 'a text file';
  }
  return 'data of an unknown kind';
}
