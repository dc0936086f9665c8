import { exactBytes, humanSize } from '../../lib/format';

/** How a row differs between A and B; each one reads as a symbol and a word, never as colour alone. */
export type Mark = 'added' | 'removed' | 'changed' | 'same';

const SYMBOL: Record<Mark, string> = { added: '+', removed: '−', changed: '~', same: '=' };
const WORD: Record<Mark, string> = { added: 'added', removed: 'removed', changed: 'changed', same: 'same' };

/** Whether a change is good or bad news (a fixed finding is a removal, and good); colours it, the word says it. */
export type Tone = 'good' | 'bad';

/** "+ added", "− removed", "~ changed", "= same"; `word` renames it ("new", "fixed"). */
export function MarkBadge({ mark, word, tone }: { mark: Mark; word?: string; tone?: Tone }) {
  return (
    <span className={`mark mark-${mark}${tone ? ` tone-text-${tone}` : ''}`}>
      <span aria-hidden="true" className="mark-symbol">
        {SYMBOL[mark]}
      </span>{' '}
      {word ?? WORD[mark]}
    </span>
  );
}

/** A size in human units, exact bytes on hover. */
export function Size({ bytes }: { bytes: number }) {
  return <span title={exactBytes(bytes)}>{humanSize(bytes)}</span>;
}

function signed(n: number, text: string): string {
  if (n > 0) return `+${text}`;
  if (n < 0) return `−${text}`;
  return `±${text}`;
}

/** A size change with its sign ("−490.7 KiB"), exact bytes on hover. */
export function SizeDelta({ bytes }: { bytes: number }) {
  return <span title={signed(bytes, exactBytes(Math.abs(bytes)))}>{signed(bytes, humanSize(Math.abs(bytes)))}</span>;
}

/** Shown where one side has no value. */
export function Absent() {
  return (
    <span className="muted" aria-label="absent">
      —
    </span>
  );
}
