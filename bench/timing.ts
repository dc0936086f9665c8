// Timing helpers shared by the bench scripts: every figure is several runs, wall clock and CPU time side by side
// (on a shared machine the wall clock also counts waiting for a core; CPU time is steadier). Not part of the product.
import { spawnSync } from 'node:child_process';

/** One measured figure: wall and CPU milliseconds of each run. */
export interface Figure {
  label: string;
  wall: number[];
  cpu: number[];
  /** In-process figures: the first run, cold (the JIT has not compiled the code yet), kept out of wall and cpu. */
  cold?: { wall: number; cpu: number };
  /** What the figure measured, printed beside it (counts, sizes). */
  note?: string;
}

/**
 * Runs `work` once cold, then `runs` times warm, in this process. The median of runs that mix cold and warm ones
 * jumps between the two from one bench to the next; apart, each is steadier. A new process's cold figure is the
 * CLI's, measured whole.
 */
export async function measure(label: string, runs: number, work: () => unknown): Promise<Figure> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const before = process.cpuUsage();
    const start = performance.now();
    await work();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  return { label, wall: wall.slice(1), cpu: cpu.slice(1), cold: { wall: wall[0]!, cpu: cpu[0]! } };
}

/**
 * Runs an outside command `runs` times, output discarded; bash's `time` gives the child's own wall and CPU time
 * (user + system), so the shell's start-up is not counted. `piped` sends the output through a pipe instead of
 * /dev/null: GNU grep notices /dev/null and stops at the first match.
 */
export function measureCommand(label: string, runs: number, command: string, args: string[], piped = false): Figure {
  const wall: number[] = [];
  const cpu: number[] = [];
  const sink = piped ? '2>/dev/null | cat >/dev/null' : '>/dev/null 2>/dev/null';
  const script = `set -o pipefail; TIMEFORMAT="%3R %3U %3S"; { time "$@" ${sink}; } 2>&1`;
  for (let i = 0; i < runs; i++) {
    const run = spawnSync('bash', ['-c', script, 'bash', command, ...args], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${run.status})`);
    const [real, user, system] = run.stdout.trim().split('\n').at(-1)!.split(' ').map(Number);
    wall.push(real! * 1000);
    cpu.push((user! + system!) * 1000);
  }
  return { label, wall, cpu };
}
