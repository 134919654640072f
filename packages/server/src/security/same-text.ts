/** Comparing secrets (signatures, tokens) as text, in time that does not depend on where they differ. */

/**
 * Whether `a` and `b` are the same string. Runs over the longer of the two whatever their contents,
 * so a forger learns nothing from how long a refusal takes.
 */
export function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
