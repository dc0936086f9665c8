// Fuzz settings shared by every seeded fuzz test. CI runs the fixed seeds in `npm test`; FUZZ_SEED picks another
// seed and FUZZ_SCALE multiplies the number of cases (`FUZZ_SCALE=50 npx vitest run fuzz`). The long campaign over
// every parser, in one process per core, is `npm run fuzz` (scripts/fuzz.mjs).
export const FUZZ_SEED = process.env['FUZZ_SEED'] === undefined ? undefined : Number(process.env['FUZZ_SEED']);
const SCALE = Math.max(1, Number(process.env['FUZZ_SCALE'] ?? 1));

/** fast-check options: the test's own seed unless FUZZ_SEED is set, `runs` cases times FUZZ_SCALE. */
export function fuzzOptions(runs: number, seed = 42): { seed: number; numRuns: number } {
  return { seed: FUZZ_SEED ?? seed, numRuns: Math.round(runs * SCALE) };
}
