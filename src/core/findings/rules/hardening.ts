import type { Rule } from '../finding';
import { elfHardening } from './hardening-elf';
import { machoHardening } from './hardening-macho';
import { peHardening } from './hardening-pe';
import { linkageOf } from './linkage';
import { NO_TEXT } from '../corpus';

/** PIE, RELRO, NX, canaries and search paths, read per format and shown as hardening verdicts. */
export const hardeningRule: Rule = {
  name: 'hardening',
  scans: NO_TEXT,
  run(context) {
    const exe = context.exe;
    if (!exe) return {};
    if (exe.format === 'pe') return peHardening(context, exe);
    if (exe.format === 'macho') return machoHardening(context, exe);
    const linkage = linkageOf(context);
    return linkage ? elfHardening(context, exe, linkage) : {};
  },
};
