/** Job ids: `job_` + a ULID (48-bit time, 80 random bits, Crockford base32), so ids sort by age. */

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function encodeTime(ms: number): string {
  let out = '';
  let rest = Math.max(0, Math.floor(ms));
  for (let i = 0; i < 10; i++) {
    out = alphabet[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function encodeRandom(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => alphabet[b % 32]).join('');
}

/**
 * Makes a job id factory on the given clock.
 * @example createJobIds(() => new Date())() // "job_01JD8X3Q9V…"
 */
export function createJobIds(now: () => Date): () => string {
  return () => `job_${encodeTime(now().getTime())}${encodeRandom()}`;
}

/** Whether a path segment can be a job id at all (cheap rejection before any storage read). */
export function isJobIdShape(value: string): boolean {
  return /^[A-Za-z0-9_-]{1,100}$/.test(value);
}
