import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { FormatError } from '../../core/io/errors';
import { generateCycloneDx, generateOpenVex, parseSbom, reconcile, validateSbom } from '../../core/sbom/index';
import { UsageError } from '../args';
import { InputError, analyzeFile } from '../analyze-command';
import { readInputFile } from '../../main/analysis/read-file';
import { resolveVulnDb } from '../vulndb-store';
import type { Command } from './types';

const FORMATS = ['cyclonedx-json', 'cyclonedx-xml', 'openvex'] as const;

export const sbomCommand: Command = {
  usage:
    'gobinscope sbom FILE [--format cyclonedx-json|cyclonedx-xml|openvex] [-o OUT] [--vulndb PATH]   CycloneDX 1.6 (with VEX) or OpenVEX from a binary',
  valued: ['format', 'o', 'output', 'vulndb'],
  async run(args) {
    if (args.positionals.length !== 1)
      throw new UsageError('usage: gobinscope sbom FILE [--format cyclonedx-json|cyclonedx-xml|openvex]');
    const format = String(args.flags.get('format') ?? 'cyclonedx-json');
    if (!(FORMATS as readonly string[]).includes(format))
      throw new UsageError(`--format takes ${FORMATS.join(' or ')}`);
    const vulnIndex = await resolveVulnDb(args.flags.get('vulndb'));
    if (format === 'openvex' && !vulnIndex)
      throw new InputError('OpenVEX needs a vulnerability database: --vulndb PATH or gobinscope vulndb import');
    const report = await analyzeFile(args.positionals[0]!, vulnIndex);
    if (!report.go)
      throw new InputError(
        `${report.file.name} is not a Go binary (${report.detection.reason}): there are no modules to list.`,
      );
    const text =
      format === 'openvex'
        ? generateOpenVex(report)
        : generateCycloneDx(report, format === 'cyclonedx-xml' ? 'xml' : 'json');
    const out = args.flags.get('o') ?? args.flags.get('output');
    const body = text.endsWith('\n') ? text : text + '\n';
    if (typeof out === 'string') await writeFile(out, body);
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
