import type { Exe, ExeSection } from '../formats/exe';

/**
 * Answers "which section holds this file offset" by binary search over the sections' file ranges. Sections
 * without file bytes (NOBITS, zero-fill) hold no offset; when ranges overlap the one starting later wins, which
 * is the more specific one in the files we read.
 */
export class SectionLocator {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly sections: ExeSection[] = [];

  /** `base` is where the Exe's file offsets start in the scanned bytes (a fat Mach-O slice's offset). */
  constructor(exe: Exe | null, base = 0) {
    const withBytes = (exe?.sections ?? []).filter((s) => s.fileSize > 0 && s.offset >= 0);
    withBytes.sort((a, b) => a.offset - b.offset);
    for (const section of withBytes) {
      this.starts.push(base + section.offset);
      this.ends.push(base + section.offset + section.fileSize);
      this.sections.push(section);
    }
  }

  sectionAt(offset: number): ExeSection | null {
    let low = 0;
    let high = this.starts.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.starts[middle]! <= offset) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    // A short walk back covers a small section nested before a large one that contains the offset.
    for (let i = found; i >= 0 && i > found - 4; i--) {
      if (offset < this.ends[i]!) return this.sections[i]!;
    }
    return null;
  }

  nameAt(offset: number): string | null {
    return this.sectionAt(offset)?.name ?? null;
  }
}
