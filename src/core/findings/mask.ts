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

/** Below this length a secret is masked with its neighbours: "abc" alone would blot out unrelated words. */
export const SHORT_SECRET = 8;

/**
 * What the redaction masks for one secret found inside a match: the secret itself, or for a short one the secret
 * with the character either side (":abc@" of a URL password), so only that place is masked.
 */
export function maskUnit(matchText: string, secretStart: number, secret: string): string {
  if (secret.length >= SHORT_SECRET) return secret;
  return matchText.slice(Math.max(0, secretStart - 1), secretStart + secret.length + 1);
}
