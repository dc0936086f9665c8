import { describe, expect, it } from 'vitest';
import { fixture } from '../../../test/fixtures';
import { analyze } from '../analyze';
import { MAX_STRING_BYTES } from './index';

// 600 MB: past the longest string JavaScript can hold (2^29 - 24 characters) and past what a naive join survives.
const RUN_BYTES = 600 * 1024 * 1024;

describe('a printable run of 600 MB', () => {
  // One buffer for both cases: the ELF fixture followed by the run; the run alone is its tail.
  const elf = fixture('linux-amd64');
  const file = new Uint8Array(elf.length + RUN_BYTES);
  file.set(elf);
  file.fill(0x41, elf.length);

  it('is analysed alone: one string with its offset and length, its value capped', async () => {
    const run = file.subarray(elf.length);
    const { report, strings } = await analyze(run, { fileName: 'run' });
    expect(report.file.size).toBe(RUN_BYTES);
    expect(strings).toHaveLength(1);
    expect(strings[0]).toMatchObject({ offset: 0, length: RUN_BYTES, kind: 'other', truncated: true });
    expect(strings[0]!.value).toBe('A'.repeat(MAX_STRING_BYTES));
  }, 60_000);

  it('is analysed after a valid ELF, which is still read as the Go program it is', async () => {
    const { report, strings } = await analyze(file, { fileName: 'elf-and-run' });
    expect(report.go?.version).toBe('go1.19.8');
    const last = strings[strings.length - 1]!;
    // The run starts where the ELF ends, unless the ELF's last bytes are printable and join it.
    expect(last.offset).toBeLessThanOrEqual(elf.length);
    expect(last.offset + last.length).toBe(file.length);
    expect(last.truncated).toBe(true);
    expect(last.value.length).toBeLessThanOrEqual(MAX_STRING_BYTES);
    expect(report.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  }, 60_000);
});
