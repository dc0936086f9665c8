import type { GoSumComparison } from '../../core/signatures/gosum';
import { SignatureInputError } from '../../core/signatures/types';
import { InputError } from '../analyze-command';
import { readInputFile } from '../../host/read-file';
import { checkGoSumBytes } from '../../host/signatures/verify';

/** Checks every h1: sum of the binary's build info against the go.sum the user trusts (the release's source). */
export async function checkGoSum(file: Uint8Array, goSumPath: string): Promise<GoSumComparison> {
  const read = await readInputFile(goSumPath);
  // A module without dependencies has an empty go.sum, which is a sound answer here, not bad input.
  if (!read.ok && read.error.code !== 'EMPTY') throw new InputError(`the go.sum: ${read.error.message}`);
  try {
    return checkGoSumBytes(file, read.ok ? read.value : new Uint8Array(0));
  } catch (error) {
    if (error instanceof SignatureInputError) throw new InputError(error.message);
    throw error;
  }
}

export function describeGoSum(result: GoSumComparison): string {
  const lines = [
    `go.sum ${result.consistent ? 'consistent' : 'NOT consistent'}: ${result.matching} module sums found` +
      (result.withoutSum > 0 ? `, ${result.withoutSum} modules without a sum (local replacements)` : ''),
  ];
  for (const m of result.missing) lines.push(`  missing from go.sum: ${m.path} ${m.version} ${m.sum}`);
  for (const m of result.differing) lines.push(`  differs: ${m.path} ${m.version} binary ${m.sum}, go.sum ${m.goSum}`);
  return lines.join('\n');
}
