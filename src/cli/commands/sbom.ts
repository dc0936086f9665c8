import { basename } from 'node:path';
import { FormatError } from '../../core/io/errors';
import {
  generateCycloneDx,
  generateOpenVex,
  parseSbom,
  reconcile,
  validateSbom,
  type Sbom,
  type SbomValidation,
} from '../../core/sbom/index';
import { UsageError } from '../args';
import { InputError, analyzeFile, analyzeForOutput } from '../analyze-command';
import { readInputFile } from '../../host/read-file';
import { outputTarget, writeOutput } from '../output-file';
import { REVEAL_FLAG, REVEAL_USAGE, revealing } from '../secrets';
import { resolveVulnDb } from '../../host/vulndb-store';
import { combinedSbom } from '../image-sbom';
import { inputOptions } from '../inputs';
import type { Command } from './types';

const FORMATS = ['cyclonedx-json', 'cyclonedx-xml', 'openvex'] as const;

export const sbomCommand: Command = {
  usage: `gobinscope sbom PATH [--format cyclonedx-json|cyclonedx-xml|openvex] [-o OUT] [--vulndb PATH] ${REVEAL_USAGE}   CycloneDX 1.6 (with VEX) or OpenVEX from a binary; one CycloneDX document for a folder or an image tarball`,
  valued: ['format', 'o', 'output', 'vulndb'],
  booleans: [REVEAL_FLAG],
  async run(args) {
    if (args.positionals.length !== 1)
      throw new UsageError('usage: gobinscope sbom PATH [--format cyclonedx-json|cyclonedx-xml|openvex]');
    // Checked before the analysis: -o naming the binary is refused at once, and the binary is never written.
    const target = await outputTarget(args, args.positionals);
    const format = String(args.flags.get('format') ?? 'cyclonedx-json');
    if (!(FORMATS as readonly string[]).includes(format))
      throw new UsageError(`--format takes ${FORMATS.join(' or ')}`);
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

async function readSbomFile(path: string) {
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

function validationLines(sbomPath: string, sbom: Sbom, validation: SbomValidation): string[] {
  if (validation.valid) return [];
  const { errors } = validation;
  const spec = sbom.format === 'spdx-json' ? `SPDX ${sbom.specVersion}` : `CycloneDX ${sbom.specVersion}`;
  const lines = [`INVALID: ${basename(sbomPath)} does not validate against ${spec} (${errors.length} errors)`];
  for (const error of errors.slice(0, MAX_PRINTED_ERRORS)) lines.push(`  ${error.path}: ${error.message}`);
  if (errors.length > MAX_PRINTED_ERRORS)
    lines.push(`  … and ${errors.length - MAX_PRINTED_ERRORS} more (--json lists all)`);
  return lines;
}

export const reconcileCommand: Command = {
  usage: `gobinscope reconcile BINARY SBOM [--json] ${REVEAL_USAGE}   does the SBOM tell the truth? exit 1 when it is invalid or they disagree`,
  valued: [],
  booleans: ['json', REVEAL_FLAG],
  async run(args) {
    if (args.positionals.length !== 2) throw new UsageError('usage: gobinscope reconcile BINARY SBOM [--json]');
    const [binaryPath, sbomPath] = args.positionals as [string, string];
    const { sbom, validation } = await readSbomFile(sbomPath);
    const { report, redactor } = await analyzeForOutput(binaryPath, revealing(args));
    // The SBOM may quote the binary's settings: what is secret in the binary stays masked in the answer too.
    const result = redactor.value(reconcile(report, sbom));
    if (args.flags.has('json')) {
      // Validation first: a document that breaks its schema is the first thing to fix.
      process.stdout.write(JSON.stringify(redactor.value({ validation, ...result }), null, 2) + '\n');
    } else {
      const lines = validationLines(sbomPath, sbom, validation);
      lines.push(`${result.verdict === 'match' ? 'MATCH' : 'MISMATCH'}: ${result.summary}`);
      for (const item of result.items) lines.push(`  [${item.kind}] ${item.module}: ${item.explanation}`);
      process.stdout.write(redactor.text(lines.join('\n')) + '\n');
    }
    // An invalid SBOM does not pass, even when every module it names is right.
    return validation.valid && result.verdict === 'match' ? 0 : 1;
  },
};
