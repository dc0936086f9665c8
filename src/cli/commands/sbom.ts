import { basename } from 'node:path';
import { FormatError } from '../../core/io/errors';
import {
  CYCLONEDX_SPECS,
  generateCycloneDx,
  generateOpenVex,
  generateSpdx,
  generateSpdx3,
  parseSbom,
  validateSbom,
  type CycloneDxSpec,
  type Sbom,
  type SbomValidation,
} from '../../core/sbom/index';
import type { Report } from '../../core/report/types';
import { UsageError } from '../args';
import { InputError, analyzeFile } from '../analyze-command';
import { readInputFile } from '../../host/read-file';
import { outputTarget, writeOutput } from '../output-file';
import { REVEAL_FLAG, REVEAL_USAGE, revealing } from '../secrets';
import { resolveVulnDb } from '../../host/vulndb-store';
import { combinedSbom } from '../image-sbom';
import { inputOptions } from '../inputs';
import type { Command } from './types';

const FORMATS = ['cyclonedx-json', 'cyclonedx-xml', 'spdx-json', 'spdx3-json', 'openvex'] as const;
type Format = (typeof FORMATS)[number];
const FORMAT_USAGE = `[--format ${FORMATS.join('|')}] [--spec ${CYCLONEDX_SPECS.join('|')}]`;

/** --format and --spec, checked before any analysis; --spec only means something for CycloneDX. */
function formatOptions(flags: Map<string, string | true>): { format: Format; spec: CycloneDxSpec } {
  const format = String(flags.get('format') ?? 'cyclonedx-json');
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format takes ${FORMATS.join(', ')}`);
  const spec = String(flags.get('spec') ?? '1.6');
  if (!(CYCLONEDX_SPECS as readonly string[]).includes(spec))
    throw new UsageError(`--spec takes ${CYCLONEDX_SPECS.join(' or ')} (the CycloneDX version written)`);
  if (flags.has('spec') && !format.startsWith('cyclonedx'))
    throw new UsageError(
      '--spec chooses the CycloneDX version; SPDX is written as 2.3 (spdx-json) or 3.0.1 (spdx3-json)',
    );
  return { format: format as Format, spec: spec as CycloneDxSpec };
}

function render(report: Report, format: Format, spec: CycloneDxSpec, revealSecrets: boolean): string {
  if (format === 'openvex') return generateOpenVex(report);
  if (format === 'spdx-json') return generateSpdx(report, { revealSecrets });
  if (format === 'spdx3-json') return generateSpdx3(report, { revealSecrets });
  return generateCycloneDx(report, format === 'cyclonedx-xml' ? 'xml' : 'json', { revealSecrets, spec });
}

export const sbomCommand: Command = {
  usage: `gobinscope sbom PATH ${FORMAT_USAGE} [-o OUT] [--vulndb PATH] ${REVEAL_USAGE}   CycloneDX 1.6/1.7 (with VEX), SPDX 2.3, SPDX 3.0.1 or OpenVEX from a binary; one CycloneDX document for a folder or an image tarball`,
  valued: ['format', 'spec', 'o', 'output', 'vulndb'],
  booleans: [REVEAL_FLAG],
  async run(args) {
    if (args.positionals.length !== 1) throw new UsageError(`usage: gobinscope sbom PATH ${FORMAT_USAGE}`);
    // Checked before the analysis: -o naming the binary is refused at once, and the binary is never written.
    const target = await outputTarget(args, args.positionals);
    const { format, spec } = formatOptions(args.flags);
    const combined = await combinedSbom(args.positionals[0]!, format, inputOptions(args));
    if (combined) {
      if (target) await writeOutput(target, combined.text);
      else process.stdout.write(combined.text);
      return combined.code;
    }
    const vulnIndex = await resolveVulnDb(args.flags.get('vulndb'));
    if (format === 'openvex' && !vulnIndex)
      throw new InputError('OpenVEX needs a vulnerability database: --vulndb PATH or gobinscope vulndb import');
    const report = await analyzeFile(args.positionals[0]!, revealing(args), vulnIndex);
    if (!report.go)
      throw new InputError(
        `${report.file.name} is not a Go binary (${report.detection.reason}): there are no modules to list.`,
      );
    const text = render(report, format, spec, revealing(args));
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
  const spec = sbom.format.startsWith('spdx') ? `SPDX ${sbom.specVersion}` : `CycloneDX ${sbom.specVersion}`;
  // Tag-value has no schema: it is checked against what the specification requires.
  const against = sbom.format === 'spdx-tag-value' ? `the ${spec} required fields` : spec;
  const lines = [`INVALID: ${basename(sbomPath)} does not validate against ${against} (${errors.length} errors)`];
  for (const error of errors.slice(0, MAX_PRINTED_ERRORS)) lines.push(`  ${error.path}: ${error.message}`);
  if (errors.length > MAX_PRINTED_ERRORS)
    lines.push(`  … and ${errors.length - MAX_PRINTED_ERRORS} more (--json lists all)`);
  return lines;
}
