import { basename } from 'node:path';
import { combineBoms, type BinaryBom, type BomSubject } from '../core/container/image-sbom';
import { generateCycloneDx } from '../core/sbom/index';
import { InputError } from './analyze-command';
import { UsageError } from './args';
import { exitFor, forEachReport, isSingleFile, type InputOptions, type InputRun } from './inputs';

function subjectOf(path: string, run: InputRun): BomSubject {
  const [image, ...more] = run.images;
  if (image && more.length === 0) return { name: image.name, type: 'container', layers: image.layers };
  return {
    name: basename(path.replace(/\/+$/, '')) || path,
    type: run.images.length > 0 ? 'container' : 'file',
    layers: [],
  };
}

/**
 * `sbom` over a folder or an image tarball: one CycloneDX JSON document for the whole, each Go binary a component
 * with its modules (src/core/container/image-sbom.ts). Null when the path is one plain file: the command's own
 * formats apply then.
 */
export async function combinedSbom(
  path: string,
  format: string,
  options: InputOptions,
): Promise<{ text: string; code: number } | null> {
  if (await isSingleFile([path])) return null;
  if (format !== 'cyclonedx-json')
    throw new UsageError('a folder or an image gets one CycloneDX JSON document: use --format cyclonedx-json');
  const parts: BinaryBom[] = [];
  const run = await forEachReport([path], options, (report) => {
    if (!report.go) return;
    const bom = JSON.parse(generateCycloneDx(report, 'json', { revealSecrets: options.reveal })) as BinaryBom['bom'];
    parts.push({ origin: report.origin ?? { path: report.file.name }, bom });
  });
  if (parts.length === 0)
    throw new InputError(`${path} holds no Go binary that could be read: there are no modules to list.`);
  const text = JSON.stringify(combineBoms(subjectOf(path, run), parts), null, 2) + '\n';
  return { text, code: exitFor(run, 0) };
}
