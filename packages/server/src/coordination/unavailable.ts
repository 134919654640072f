/**
 * Telling "the engine is unreachable" apart from every other failure, so a lost Redis or PostgreSQL
 * answers 503 `unavailable` with `Retry-After` instead of 500, and a worker waits instead of failing
 * jobs.
 */
import { CoordinationUnavailableError } from './types.js';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  // PostgreSQL: admin shutdown, crash shutdown, cannot connect now, too many connections.
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

const NETWORK_MESSAGES =
  /Connection is closed|Connection terminated|connection timeout|Client has encountered a connection error|Stream isn't writeable|enableOfflineQueue|Reached the max retries per request|Cannot use a pool after calling end|timeout exceeded when trying to connect/i;

/** Whether `error` (or any of its causes) says the storage or coordination engine is unreachable. */
export function isUnavailableError(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof CoordinationUnavailableError) return true;
    if (!(e instanceof Error)) return false;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    if (e.name === 'MaxRetriesPerRequestError' || NETWORK_MESSAGES.test(e.message)) return true;
    const inner = (e as { errors?: unknown }).errors; // AggregateError of a dual-stack connect
    if (Array.isArray(inner) && inner.some(isUnavailableError)) return true;
  }
  return false;
}

/** Wraps every method of `target` so an unreachable engine rejects with {@link CoordinationUnavailableError}. */
export function guardUnavailable<T extends object>(target: T, what: string): T {
  const guarded = { ...target } as Record<string, unknown>;
  for (const [name, value] of Object.entries(target)) {
    if (typeof value !== 'function' || name === 'subscribe') continue;
    guarded[name] = async (...args: unknown[]) => {
      try {
        return await (value as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        if (isUnavailableError(error) && !(error instanceof CoordinationUnavailableError)) {
          throw new CoordinationUnavailableError(`${what} is unreachable`, { cause: error });
        }
        throw error;
      }
    };
  }
  return guarded as T;
}
