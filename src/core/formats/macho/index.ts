// The Mach-O reader: thin files (32/64-bit, either byte order) and universal (fat) files of several slices.
// Offsets inside a slice's Exe are relative to that slice; `sectionInFatFile` / `inFatFile` add the slice's start.
export { parseMachO } from './thin';
export { parseFat, inFatFile, sectionInFatFile } from './fat';
export type { FatFile } from './fat';
