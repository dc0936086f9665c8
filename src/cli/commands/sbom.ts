import { basename } from 'node:path';
import { FormatError } from '../../core/io/errors';
import { generateCycloneDx, parseSbom, reconcile, validateSbom } from '../../core/sbom/index';
import { UsageError } from '../args';
import { InputError, analyzeFile } from '../analyze-command';
import { readInputFile } from '../../main/analysis/read-file';
import { outputTarget, writeOutput } from '../output-file';
import type { Command } from './types';

const FORMATS = ['cyclonedx-json', 'cyclonedx-xml'] as const;

export const sbomCommand: Command = {
  usage: 'gobinscope sbom FILE [--format cyclonedx-json|cyclonedx-xml] [-o OUT]   CycloneDX 1.6 from a binary',
  valued: ['format', 'o', 'output'],
  booleans: [],
  async run(args) {
    if (args.positionals.length !== 1)
      throw new UsageError('usage: gobinscope sbom FILE [--format cyclonedx-json|cyclonedx-xml]');
    // Checked before the analysis: -o naming the binary is refused at once, and the binary is never written.
    const target = await outputTarget(args, args.positionals);
    const format = String(args.flags.get('format') ?? 'cyclonedx-json');
    if (!(FORMATS as readonly string[]).includes(format))
      throw new UsageError(`--format takes ${FORMATS.join(' or ')}`);
    const report = await analyzeFile(args.positionals[0]!);
    if (!report.go)
      throw new InputError(
        `${report.file.name} is not a Go binary (${report.detection.reason}): there are no modules to list.`,
      );
    const text = generateCycloneDx(report, format === 'cyclonedx-xml' ? 'xml' : 'json');
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

export const reconcileCommand: Command = {
  usage: 'gobinscope reconcile BINARY SBOM [--json]   does the SBOM tell the truth? exit 1 when they disagree',
  valued: [],
  booleans: ['json'],
  async run(args) {
    if (args.positionals.length !== 2) throw new UsageError('usage: gobinscope reconcile BINARY SBOM [--json]');
    const [binaryPath, sbomPath] = args.positionals as [string, string];
    const { sbom, validation } = await readSbomFile(sbomPath);
    const report = await analyzeFile(binaryPath);
    const result = reconcile(report, sbom);
    if (args.flags.has('json')) {
      process.stdout.write(JSON.stringify({ ...result, validation }, null, 2) + '\n');
    } else {
      const lines = [`${result.verdict === 'match' ? 'MATCH' : 'MISMATCH'}: ${result.summary}`];
      if (!validation.valid)
        lines.push(
          `schema: ${validation.errors.length} errors (first: ${validation.errors[0]?.path} ${validation.errors[0]?.message})`,
        );
      for (const item of result.items) lines.push(`  [${item.kind}] ${item.module}: ${item.explanation}`);
      process.stdout.write(lines.join('\n') + '\n');
    }
    return result.verdict === 'match' ? 0 : 1;
  },
};
