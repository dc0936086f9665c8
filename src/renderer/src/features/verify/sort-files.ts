import { readHeads, sortDrop, type IgnoredFile, type MaterialSlot } from './sort-drop';

export interface SortedFiles {
  open: File[];
  material: Partial<Record<MaterialSlot, File>>;
  ignored: IgnoredFile[];
}

/** sortDrop over real Files: reads their first bytes, then hands back the Files themselves. */
export async function sortFiles(files: File[], binaryOpen: boolean): Promise<SortedFiles> {
  const sorted = sortDrop(await readHeads(files), binaryOpen);
  const material: SortedFiles['material'] = {};
  for (const [slot, index] of Object.entries(sorted.material) as [MaterialSlot, number][])
    material[slot] = files[index]!;
  return { open: sorted.open.map((index) => files[index]!), material, ignored: sorted.ignored };
}
