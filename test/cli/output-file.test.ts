import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/analyze-command';
import { checkOutput, writeOutput, writeOutputWith } from '../../src/cli/output-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gobinscope-output-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeOutputWith', () => {
  it('leaves no partial file when the writer fails half-way', async () => {
    const target = await checkOutput(join(dir, 'report.md'), []);
    const failure = new Error('the renderer gave up');
    await expect(
      writeOutputWith(target, async (temporary) => {
        await writeFile(temporary, '# half a rep');
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the previous file byte for byte when the new one fails', async () => {
    const path = join(dir, 'report.md');
    writeFileSync(path, 'the report from yesterday\n');
    const target = await checkOutput(path, []);
    await expect(
      writeOutputWith(target, async (temporary) => {
        await writeFile(temporary, 'tod');
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      }),
    ).rejects.toEqual(new InputError(`cannot write ${path}: ENOSPC`));
    expect(readFileSync(path, 'utf8')).toBe('the report from yesterday\n');
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('writes to a hidden name in the same folder, then renames', async () => {
    const path = join(dir, 'out.json');
    let seen = '';
    await writeOutputWith(await checkOutput(path, []), async (temporary) => {
      seen = temporary;
      await writeFile(temporary, '{}\n');
      // Until the rename, the target does not exist.
      expect(readdirSync(dir)).toEqual([temporary.slice(dir.length + 1)]);
    });
    expect(seen.startsWith(join(dir, '.out.json.'))).toBe(true);
    expect(readdirSync(dir)).toEqual(['out.json']);
    expect(readFileSync(path, 'utf8')).toBe('{}\n');
  });

  it('refuses at the last moment a name pointed at an input while the analysis ran', async () => {
    const input = join(dir, 'binary');
    writeFileSync(input, 'ELF bytes');
    const path = join(dir, 'out.json');
    const target = await checkOutput(path, [input]);
    symlinkSync(input, path);
    await expect(writeOutput(target, 'sbom text')).rejects.toBeInstanceOf(InputError);
    expect(readFileSync(input, 'utf8')).toBe('ELF bytes');
    expect(readdirSync(dir).sort()).toEqual(['binary', 'out.json']);
  });
});

describe('checkOutput', () => {
  it('refuses a folder that does not exist and a name that is a folder', async () => {
    await expect(checkOutput(join(dir, 'missing', 'x.md'), [])).rejects.toThrow('its folder does not exist');
    await expect(checkOutput(dir, [])).rejects.toThrow('it is a folder');
  });

  it('allows a new name and an existing file that is no input', async () => {
    writeFileSync(join(dir, 'old.md'), 'x');
    await expect(checkOutput(join(dir, 'new.md'), [join(dir, 'old.md')])).resolves.toBeDefined();
    await expect(checkOutput(join(dir, 'old.md'), [join(dir, 'other')])).resolves.toBeDefined();
  });
});
