// Readable names for PE/COFF header codes (PE/COFF specification, "Machine Types", "Windows Subsystem",
// "DLL Characteristics"). Tables rather than if-chains so adding a machine is one line.

interface MachineInfo {
  name: string;
  arch: string;
}

const MACHINES: Record<number, MachineInfo> = {
  0x014c: { name: 'I386', arch: 'i386' },
  0x8664: { name: 'AMD64', arch: 'x86_64' },
  0xaa64: { name: 'ARM64', arch: 'arm64' },
  0x01c4: { name: 'ARMNT', arch: 'arm' },
  0x01c0: { name: 'ARM', arch: 'arm' },
  0x01c2: { name: 'THUMB', arch: 'arm' },
  0x0200: { name: 'IA64', arch: 'ia64' },
  0x5032: { name: 'RISCV32', arch: 'riscv32' },
  0x5064: { name: 'RISCV64', arch: 'riscv64' },
  0x6264: { name: 'LOONGARCH64', arch: 'loong64' },
};

/** An unknown machine is not an error: the sections and symbols are still worth showing. */
export function machineInfo(machine: number): MachineInfo {
  return MACHINES[machine] ?? { name: `0x${machine.toString(16).padStart(4, '0')}`, arch: 'unknown' };
}

const SUBSYSTEMS: Record<number, string> = {
  0: 'UNKNOWN',
  1: 'NATIVE',
  2: 'WINDOWS_GUI',
  3: 'WINDOWS_CUI',
  5: 'OS2_CUI',
  7: 'POSIX_CUI',
  8: 'NATIVE_WINDOWS',
  9: 'WINDOWS_CE_GUI',
  10: 'EFI_APPLICATION',
  11: 'EFI_BOOT_SERVICE_DRIVER',
  12: 'EFI_RUNTIME_DRIVER',
  13: 'EFI_ROM',
  14: 'XBOX',
  16: 'WINDOWS_BOOT_APPLICATION',
};

export function subsystemName(subsystem: number): string {
  return SUBSYSTEMS[subsystem] ?? `0x${subsystem.toString(16)}`;
}

/** DllCharacteristics bits that hardening checks look at, keyed by the header record key they become. */
export const DLL_CHARACTERISTIC_KEYS: readonly (readonly [string, number])[] = [
  ['highEntropyVA', 0x0020],
  ['dynamicBase', 0x0040],
  ['forceIntegrity', 0x0080],
  ['nxCompat', 0x0100],
  ['noSEH', 0x0400],
  ['guardCF', 0x4000],
];

/** Section characteristics (PE/COFF "Section Flags"). */
export const SCN_CNT_CODE = 0x0000_0020;
export const SCN_CNT_INITIALIZED_DATA = 0x0000_0040;
export const SCN_CNT_UNINITIALIZED_DATA = 0x0000_0080;
export const SCN_MEM_EXECUTE = 0x2000_0000;
export const SCN_MEM_READ = 0x4000_0000;
export const SCN_MEM_WRITE = 0x8000_0000;

/** Data directory indexes used here. */
export const DIR_IMPORT = 1;
export const DIR_BASERELOC = 5;
export const DIR_DEBUG = 6;

export const IMAGE_DEBUG_TYPE_CODEVIEW = 2;

export function hex32(value: number): string {
  return `0x${(value >>> 0).toString(16).padStart(8, '0')}`;
}
