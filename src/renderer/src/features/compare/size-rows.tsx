import type { Comparison } from '../../../../core/compare/types';
import type { DiffRow, DiffRows } from './DiffTable';
import { Absent, Size, SizeDelta } from './values';

/** Bytes per module on each side; modules whose size did not change fold away with the unchanged rows. */
export function moduleSizeRows(c: Comparison): DiffRows {
  const rows = c.moduleSizes.map((m): DiffRow => ({
    key: m.path,
    label: <code>{m.path}</code>,
    a: m.sizeA === 0 ? <Absent /> : <Size bytes={m.sizeA} />,
    b:
      m.sizeB === 0 ? (
        <Absent />
      ) : (
        <>
          <Size bytes={m.sizeB} />{' '}
          {m.delta !== 0 && (
            <span className="muted">
              (<SizeDelta bytes={m.delta} />)
            </span>
          )}
        </>
      ),
    mark: m.sizeA === 0 ? 'added' : m.sizeB === 0 ? 'removed' : m.delta === 0 ? 'same' : 'changed',
    ...(m.sizeA > 0 && m.sizeB > 0 && m.delta !== 0 ? { markWord: m.delta > 0 ? 'grew' : 'shrank' } : {}),
  }));
  return { changed: rows.filter((r) => r.mark !== 'same'), unchanged: rows.filter((r) => r.mark === 'same') };
}
