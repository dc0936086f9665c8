/** Display helpers: human sizes with exact bytes kept for tooltips, hex offsets, counts with separators. */
export function humanSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}

export function exactBytes(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} bytes`;
}

export function hexOffset(offset: number): string {
  return `0x${offset.toString(16)}`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}
