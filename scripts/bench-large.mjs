// Large inputs for `npm run bench`: a real Go binary (esbuild's, by default) padded with a big data section, built
// in the bench's scratch folder and removed after the run, never committed. GNU objcopy adds the section, so the
// result is still an executable with its Go metadata where the linker put it; the padding sits in a section of its
// own like an embedded asset bundle: pseudo-random bytes (compressed assets) with a line of text at the start of
// every 4 KiB page, so the string scan meets both kinds of bytes.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const BLOCK_BYTES = 1 << 20;
const PAGE_BYTES = 4096;

/** Writes `size` bytes of padding to `path`, one block at a time so a gigabyte never sits in memory. */
function writePadding(path, size) {
  const block = new Uint8Array(BLOCK_BYTES);
  // xorshift32 with a fixed seed: the same padding on every run and every machine.
  let state = 0x9e3779b9;
  const fd = openSync(path, 'w');
  try {
    for (let written = 0; written < size;) {
      const words = new Uint32Array(block.buffer);
      for (let i = 0; i < words.length; i++) {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        words[i] = state >>> 0;
      }
      for (let page = 0; page < BLOCK_BYTES; page += PAGE_BYTES) {
        const line = `asset ${(written + page).toString(16)}: bundled resource, compressed with deflate\n`;
        for (let i = 0; i < line.length; i++) block[page + i] = line.charCodeAt(i);
      }
      const length = Math.min(BLOCK_BYTES, size - written);
      writeSync(fd, block, 0, length);
      written += length;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * `source` with a padding section that brings the file to about `targetBytes`; returns the path and its size.
 * Throws when objcopy is missing or fails.
 */
export function paddedBinary(source, targetBytes, dir, name) {
  const padding = join(dir, `${name}.padding`);
  const out = join(dir, name);
  writePadding(padding, Math.max(0, targetBytes - statSync(source).size));
  const run = spawnSync(
    'objcopy',
    [
      '--add-section',
      `.gobinscope.pad=${padding}`,
      '--set-section-flags',
      '.gobinscope.pad=contents,readonly,data',
      source,
      out,
    ],
    { encoding: 'utf8' },
  );
  rmSync(padding, { force: true });
  if (run.status !== 0) throw new Error(`objcopy failed: ${run.stderr || run.error}`);
  return { path: out, size: statSync(out).size };
}
