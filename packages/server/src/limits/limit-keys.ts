/**
 * Coordination and storage keys of the limits. Identities come from the host's auth and may hold any character, so
 * they enter keys only as a hash: no `:`, `/` or `..` from a user ever shapes a key.
 */

/** The prefix of every key the limits write, so a host can inspect or wipe them together. */
export const DEFAULT_LIMITS_PREFIX = 'limits:';

/** A fixed-length, key-safe name for an identity (the first 128 bits of its SHA-256, in hex). */
export async function identityKey(identity: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(identity));
  return Array.from(new Uint8Array(digest).slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The keys of one admission store under `prefix`. */
export function limitKeys(prefix: string) {
  return {
    rate: (who: string) => `${prefix}rate:${who}`,
    /** The expiring set of `who`'s active jobs (one member per reservation). */
    active: (who: string) => `${prefix}active:${who}`,
    /** The expiring set of everyone's active jobs. */
    globalActive: () => `${prefix}active-global`,
    usage: (who: string, period: string) => `${prefix}usage:${who}:${period}`,
    reservation: (id: string) => `${prefix}reservation:${id}`,
  };
}

/** The keys of one admission store. */
export type LimitKeys = ReturnType<typeof limitKeys>;
