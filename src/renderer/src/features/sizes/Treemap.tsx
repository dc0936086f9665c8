import { squarify } from '../../components/squarify';
import { exactBytes, humanSize } from '../../lib/format';
import type { SizeItem } from './levels';

const WIDTH = 640;
const HEIGHT = 400;
/** Boxes smaller than this get no label: the name would not fit. */
const LABEL_MIN = 46;

/** The treemap of one level: a box per item, area by bytes; a box that leads somewhere is a button. */
export function Treemap({ items, onOpen }: { items: SizeItem[]; onOpen: (item: SizeItem) => void }) {
  const tiles = squarify(items, (item) => item.bytes, { x: 0, y: 0, width: WIDTH, height: HEIGHT });
  return (
    <svg
      className="treemap"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Treemap of ${items.length} items by size`}
    >
      {tiles.map((tile, i) => {
        const { item } = tile;
        const label = `${item.name}: ${humanSize(item.bytes)} (${exactBytes(item.bytes)})`;
        return (
          <g
            key={`${item.name}-${i}`}
            className={item.next ? 'tile opens' : 'tile'}
            onClick={item.next ? () => onOpen(item) : undefined}
          >
            <title>{label}</title>
            <rect x={tile.x} y={tile.y} width={tile.width} height={tile.height} className={`shade-${i % 6}`} />
            {tile.width > LABEL_MIN && tile.height > 18 && (
              <text x={tile.x + 4} y={tile.y + 14} className="tile-label">
                {fit(item.name, tile.width)}
              </text>
            )}
            {tile.width > LABEL_MIN && tile.height > 34 && (
              <text x={tile.x + 4} y={tile.y + 28} className="tile-size">
                {humanSize(item.bytes)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** Cuts a name to what fits in a box of `width` units (about 6.5 units a character at the label's size). */
function fit(name: string, width: number): string {
  const chars = Math.floor((width - 8) / 6.5);
  return name.length <= chars ? name : `${name.slice(0, Math.max(1, chars - 1))}…`;
}
