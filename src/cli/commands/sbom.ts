import { basename } from 'node:path';
import { FormatError } from '../../core/io/errors';
import {
  generateCycloneDx,
  generateOpenVex,
  parseSbom,
  validateSbom,
  type Sbom,
  type SbomValidation,
} from '../../core/sbom/index';
import { UsageError } from '../args';
import { InputError, analyzeFile } from '../analyze-command';
import { readInputFile } from '../../host/read-file';
import { outputTarget, writeOutput } from '../output-file';
import { REVEAL_FLAG, REVEAL_USAGE, revealing } from '../secrets';
import { resolveVulnDb } from '../../host/vulndb-store';
import type { Command } from './types';

const FORMATS = ['cyclonedx-json', 'cyclonedx-xml', 'openvex'] as const;

export const sbomCommand: Command = {
  usage: `gobinscope sbom FILE [--format cyclonedx-json|cyclonedx-xml|openvex] [-o OUT] [--vulndb PATH] ${REVEAL_USAGE}   CycloneDX 1.6 (with VEX) or OpenVEX from a binary`,
  valued: ['format', 'o', 'output', 'vulndb'],
  booleans: [REVEAL_FLAG],
  async run(args) {
    if (args.positionals.length !== 1)
      throw new UsageError('usage: gobinscope sbom FILE [--format cyclonedx-json|cyclonedx-xml|openvex]');
    // Checked before the analysis: -o naming the binary is refused at once, and the binary is never written.
    const target = await outputTarget(args, args.positionals);
    const format = String(args.flags.get('format') ?? 'cyclonedx-json');
    if (!(FORMATS as readonly string[]).includes(format))
      throw new UsageError(`--format takes ${FORMATS.join(' or ')}`);
    const vulnIndex = await resolveVulnDb(args.flags.get('vulndb'));
    if (format === 'openvex' && !vulnIndex)
      throw new InputError('OpenVEX needs a vulnerability database: --vulndb PATH or gobinscope vulndb import');
    const report = await analyzeFile(args.positionals[0]!, revealing(args), vulnIndex);
    if (!report.go)
      throw new InputError(
        `${report.file.name} is not a Go binary (${report.detection.reason}): there are no modules to list.`,
      );
    const text =
      format === 'openvex'
        ? generateOpenVex(report)
        : generateCycloneDx(report, format === 'cyclonedx-xml' ? 'xml' : 'json', {
            revealSecrets: revealing(args),
          });
    const body = text.endsWith('\n') ? text : text + '\n';
    if (target) await writeOutput(target, body);
    else process.stdout.write(body);
    return 0;
  },
};

export async function readSbomFile(path: string) {
  const read = await readInputFile(path);
  if (!read.ok) throw new InputError(read.error.message);
  try {
    const sbom = parseSbom(read.value);
    if (!sbom) throw new InputError(`${basename(path)} is not a CycloneDX or SPDX document.`);
    return { sbom, validation: await validateSbom(read.value, sbom) };
  } catch (error) {
    if (error instanceof FormatError)
      throw new InputError(`${basename(path)}: ${error.message} (byte ${error.offset})`);
    throw error;
  }
}

/** Enough errors to act on; the rest are counted. --json carries every one. */
const MAX_PRINTED_ERRORS = 20;

export function validationLines(sbomPath: string, sbom: Sbom, validation: SbomValidation): string[] {
  if (validation.valid) return [];
  const { errors } = validation;
  const spec = sbom.format === 'spdx-json' ? `SPDX ${sbom.specVersion}` : `CycloneDX ${sbom.specVersion}`;
  const lines = [`INVALID: ${basename(sbomPath)} does not validate against ${spec} (${errors.length} errors)`];
  for (const error of errors.slice(0, MAX_PRINTED_ERRORS)) lines.push(`  ${error.path}: ${error.message}`);
  if (errors.length > MAX_PRINTED_ERRORS)
    lines.push(`  … and ${errors.length - MAX_PRINTED_ERRORS} more (--json lists all)`);
  return lines;
}
