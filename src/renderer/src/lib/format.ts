/** Display helpers: human sizes with exact bytes kept for tooltips, hex offsets, counts with separators. */
export { humanSize } from '../../../core/report/units';

export function exactBytes(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} bytes`;
}

export function hexOffset(offset: number): string {
  return `0x${offset.toString(16)}`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}
