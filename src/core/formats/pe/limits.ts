// PE-specific caps on counts read from the file, next to the shared ones in io/limits.ts. Each is far above
// what a real linker writes, so only a hostile or corrupt file meets them.

/** Import descriptors (one per DLL); real programs import from tens of DLLs. */
export const MAX_IMPORT_DLLS = 4_096;

/** Debug directory entries; linkers write a handful (CodeView, POGO, REPRO, ...). */
export const MAX_DEBUG_ENTRIES = 64;

/** The specification defines 16 data directories; the loader ignores any beyond them. */
export const MAX_DATA_DIRECTORIES = 16;

/** Longest imported function or DLL name we read; the loader's own limit is far below this. */
export const MAX_IMPORT_NAME_LEN = 4_096;

/** Longest PDB path in a CodeView record (MAX_PATH-sized paths, with room for UTF-8). */
export const MAX_PDB_PATH_LEN = 4_096;
