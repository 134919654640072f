/**
 * The one check every blob driver runs on a key before touching anything, so that no key can climb
 * out of the store or alias another key, whichever driver is in use.
 */

/**
 * Checks a store key: `/`-separated segments of safe characters, none empty or starting with a dot
 * (so no `.` or `..`), no percent-encoding, no backslash.
 *
 * @throws TypeError on a key that could escape or alias another key.
 */
export function assertSafeKey(key: string): void {
  const ok =
    key.length > 0 &&
    key.length <= 1024 &&
    /^[A-Za-z0-9._\-/]+$/.test(key) &&
    // A segment never starts with a dot: drivers keep temp files and metadata under dot-names.
    key.split('/').every((segment) => segment !== '' && !segment.startsWith('.'));
  if (!ok) throw new TypeError('Invalid blob key');
}
