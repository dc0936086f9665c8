/**
 * A secret as it may be shown: the first and last four characters kept, the middle replaced with "…". Short
 * values keep fewer characters (a quarter of the length at each end) so the mask never reveals the whole value.
 */
export function maskSecret(value: string): string {
  const chars = [...value];
  const keep = Math.min(4, Math.floor(chars.length / 4));
  if (keep === 0) return '…';
  return `${chars.slice(0, keep).join('')}…${chars.slice(chars.length - keep).join('')}`;
}
