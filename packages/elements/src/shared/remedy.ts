/**
 * Error → remedy: turns a failed call into copy a person can act on (what happened, what to do,
 * and when to try again), never the raw server message alone.
 */
import { isSoraApiError } from '@sora-kit/core';
import type { SoraStrings } from './strings.js';

/** What the prompt shows for a failed submit. */
export interface Remedy {
  /** The main sentence. */
  message: string;
  /** Field problems of an `invalid_request`, shown as a list. */
  issues: string[];
  /** Seconds to wait before submitting again (rate limit, quota). */
  retryAfterSeconds?: number;
  /** The error code, exposed as `data-code` for styling and tests. */
  code: string;
}

function issuesOf(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details
    .map((d) => (typeof d === 'object' && d !== null && 'message' in d ? String(d.message) : ''))
    .filter((m) => m !== '');
}

/** The plain-language message for an error code (what happened, what to do), in the reader's language. */
export function errorText(code: string | undefined, t: SoraStrings): string {
  return (code && t.errors[code]) || t.errorUnknown;
}

/** Maps any thrown value to a remedy in the reader's language. */
export function remedyFor(error: unknown, t: SoraStrings): Remedy {
  if (!isSoraApiError(error)) return { message: t.errorUnknown, issues: [], code: 'unknown' };
  const { code, retryAfterSeconds } = error;
  // A refusal says when to come back; a rate limit without a Retry-After waits a short while.
  const wait = code === 'rate_limited' ? (retryAfterSeconds ?? 10) : retryAfterSeconds;
  return {
    message: errorText(code, t),
    issues: code === 'invalid_request' ? issuesOf(error.details) : [],
    ...(wait ? { retryAfterSeconds: wait } : {}),
    code,
  };
}
