/** Hard limits on counts and lengths read from a file: a hostile value fails fast instead of allocating. */
export const MAX_SECTIONS = 65_535;
export const MAX_SEGMENTS = 65_535;
export const MAX_SYMBOLS = 4_000_000;
export const MAX_STRING_LEN = 64 * 1024;
export const MAX_LOAD_COMMANDS = 65_535;
export const MAX_FAT_ARCHES = 64;
export const MAX_FUNCS = 2_000_000;
export const MAX_FILES = 1_000_000;
export const MAX_MODULES = 100_000;
export const MAX_IMPORTS = 100_000;
export const MAX_NOTES = 10_000;
export const MAX_DYNAMIC_ENTRIES = 100_000;
/** The largest file the analysis accepts (2 GiB, the biggest buffer a worker can hold comfortably). */
export const MAX_FILE_SIZE = 2 * 1024 * 1024 * 1024 - 1;
