import { basename, extname } from 'node:path';
import { analyze, type Analysis } from '../../core/analyze';
import { compareReports, refusalOf } from '../../core/compare/index';
import { formatReportDate, renderReportHtml, type ReportHtmlOptions } from '../../core/report/html';
import { renderTextExport, type ExportKind } from '../../core/report/exports';
import type { Report } from '../../core/report/types';
import { parseSbom, reconcile, type Reconciliation, type Sbom } from '../../core/sbom/index';
import { FormatError } from '../../core/io/errors';
import { readInputFile } from '../../host/read-file';
import { InputError, requireOne } from '../analyze-command';
import { resolveVulnDb } from '../../host/vulndb-store';
import type { VulnIndex } from '../../core/vulns/db';
import { UsageError, type ParsedArgs } from '../args';
import { MissingBrowserError, PrintError, findChrome, htmlToPdfFile } from '../chrome';
import { outputRedactor, REVEAL_FLAG, REVEAL_USAGE } from '../secrets';
import { checkOutput, writeOutput } from '../output-file';
import type { Command } from './types';

export const REPORT_FORMATS = ['pdf', 'html', 'md', 'json', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const EXTENSIONS: Record<string, ReportFormat> = {
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
  '.md': 'md',
  '.markdown': 'md',
  '.json': 'json',
  '.sarif': 'sarif',
};

const USAGE = `report FILE -o OUT.pdf [--format pdf|html|md|json|sarif] [--compare OTHER] [--sbom SBOM] [--vulndb PATH] ${REVEAL_USAGE}`;

/** --format when given, else the output's extension, else PDF: the audit document people sign. */
export function reportFormat(format: string | true | undefined, output: string | null): ReportFormat {
  if (typeof format === 'string') {
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`unknown report format "${format}" (pdf, html, md, json or sarif)`);
    }
    return format as ReportFormat;
  }
  if (format === true) throw new UsageError('--format needs a value: pdf, html, md, json or sarif');
  return (output && EXTENSIONS[extname(output).toLowerCase()]) || 'pdf';
}

/** The date printed on the report; SOURCE_DATE_EPOCH makes it reproducible. */
export function reportDate(env: Record<string, string | undefined> = process.env, now = new Date()): string {
  const epoch = Number(env['SOURCE_DATE_EPOCH']);
  const date = env['SOURCE_DATE_EPOCH'] && Number.isFinite(epoch) ? new Date(epoch * 1000) : now;
  return formatReportDate(date);
}

interface Loaded {
  analysis: Analysis;
  bytes: Uint8Array;
}

async function load(path: string, vulnIndex: VulnIndex | null): Promise<Loaded> {
  const read = await readInputFile(path);
  if (!read.ok) throw new InputError(read.error.message);
  return { analysis: await analyze(read.value, { fileName: basename(path), vulnIndex }), bytes: read.value };
}

/** The SBOM at `path` reconciled with the report; an unreadable or malformed SBOM is bad input. */
async function reconciliationWith(report: Report, path: string): Promise<Reconciliation> {
  const read = await readInputFile(path);
  if (!read.ok) throw new InputError(read.error.message);
  let sbom: Sbom | null;
  try {
    sbom = parseSbom(read.value);
  } catch (error) {
    if (error instanceof FormatError)
      throw new InputError(`${basename(path)}: ${error.message} (byte ${error.offset})`);
    throw error;
  }
  if (!sbom) throw new InputError(`${basename(path)} is not a CycloneDX or SPDX document.`);
  return reconcile(report, sbom);
}

/** The report, with the comparison (--compare OTHER) and the SBOM reconciliation (--sbom SBOM) asked for. */
async function gather(
  args: ParsedArgs,
  file: string,
): Promise<{ report: Report; extras: ReportHtmlOptions['extras'] }> {
  const vulnIndex = await resolveVulnDb(args.flags.get('vulndb'));
  const subject = await load(file, vulnIndex);
  const report = subject.analysis.report;
  const extras: NonNullable<ReportHtmlOptions['extras']> = {};
  const analyses = [subject.analysis];
  // With --compare the document is the comparison's; B (OTHER) is the report its SARIF takes new findings from.
  let shown = report;
  const other = args.flags.get('compare');
  if (typeof other === 'string') {
    const b = await load(other, vulnIndex);
    const refusal = refusalOf(report) ?? refusalOf(b.analysis.report);
    if (refusal) throw new InputError(refusal);
    analyses.push(b.analysis);
    const { stripVerification, ...comparison } = await compareReports(
      subject.analysis,
      b.analysis,
      null,
      null,
      subject.bytes,
      b.bytes,
    );
    extras.comparison = comparison;
    shown = b.analysis.report;
    if (stripVerification) extras.stripVerification = stripVerification;
  }
  const sbom = args.flags.get('sbom');
  if (typeof sbom === 'string') extras.reconciliation = await reconciliationWith(report, sbom);
  // Compared and reconciled in clear, shown masked: every secret of either binary, wherever the report quotes it.
  const redactor = outputRedactor(args, ...analyses);
  return { report: redactor.value(shown), extras: redactor.value(extras) };
}

/** The CLI's short format names for the text exports the app offers too. */
const TEXT_EXPORTS: Record<Exclude<ReportFormat, 'pdf'>, Exclude<ExportKind, 'pdf'>> = {
  html: 'html',
  md: 'markdown',
  json: 'json',
  sarif: 'sarif',
};

function outputOf(args: ParsedArgs): string | null {
  const output = args.flags.get('o') ?? args.flags.get('output');
  if (output === true) throw new UsageError('-o needs a file name');
  return output === undefined || output === '-' ? null : output;
}

/** Every file the report reads: -o may name none of them. */
function inputsOf(args: ParsedArgs, file: string): string[] {
  return [file, args.flags.get('compare'), args.flags.get('sbom')].filter((p): p is string => typeof p === 'string');
}

async function run(args: ParsedArgs): Promise<number> {
  const file = requireOne(args.positionals, USAGE);
  const output = outputOf(args);
  const format = reportFormat(args.flags.get('format'), output);
  if (format === 'pdf' && !output) throw new UsageError('a PDF report needs -o OUT.pdf');
  const target = output ? await checkOutput(output, inputsOf(args, file)) : null;
  // Look for the browser before a long analysis, so a missing one is said at once.
  const chrome = format === 'pdf' ? findChrome() : null;
  const { report, extras } = await gather(args, file);
  const options: ReportHtmlOptions = { generatedAt: reportDate(), extras };
  if (format !== 'pdf') {
    const { text } = renderTextExport(TEXT_EXPORTS[format], report, options.generatedAt, options.extras);
    if (target) await writeOutput(target, text);
    else process.stdout.write(text);
  } else if (target && chrome) {
    await htmlToPdfFile(renderReportHtml(report, options), target, chrome);
  }
  return 0;
}

export const reportCommand: Command = {
  usage: `gobinscope ${USAGE}   the audit report (PDF through Chromium or Chrome; CHROME_PATH picks one)`,
  valued: ['o', 'output', 'format', 'compare', 'sbom', 'vulndb'],
  booleans: [REVEAL_FLAG],
  async run(args) {
    try {
      return await run(args);
    } catch (error) {
      // Environment problems get one line, like bad input: no stack trace for a missing browser.
      if (error instanceof MissingBrowserError || error instanceof PrintError) {
        process.stderr.write(`gobinscope: ${error.message}\n`);
        return error instanceof MissingBrowserError ? 2 : 3;
      }
      throw error;
    }
  },
};
