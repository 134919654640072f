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
  /** The request fields those problems are about (`prompt`, `size`, …), to mark their controls. */
  fields: string[];
  /** Seconds to wait before submitting again (rate limit, quota). */
  retryAfterSeconds?: number;
  /** The error code, exposed as `data-code` for styling and tests. */
  code: string;
}

/** The `{ path, message }` items of an `invalid_request`'s details. */
function issuesOf(details: unknown): { path: string; message: string }[] {
  if (!Array.isArray(details)) return [];
  return details
    .map((d) => (typeof d === 'object' && d !== null ? (d as { path?: unknown; message?: unknown }) : {}))
    .map((d) => ({ path: String(d.path ?? ''), message: String(d.message ?? '') }))
    .filter((d) => d.message !== '');
}

/** The plain-language message for an error code (what happened, what to do), in the reader's language. */
export function errorText(code: string | undefined, t: SoraStrings): string {
  return (code && t.errors[code]) || t.errorUnknown;
}

/** Maps any thrown value to a remedy in the reader's language. */
export function remedyFor(error: unknown, t: SoraStrings): Remedy {
  if (!isSoraApiError(error)) return { message: t.errorUnknown, issues: [], fields: [], code: 'unknown' };
  const { code, retryAfterSeconds } = error;
  // A refusal says when to come back; a rate limit without a Retry-After waits a short while.
  const wait = code === 'rate_limited' ? (retryAfterSeconds ?? 10) : retryAfterSeconds;
  const listed = code === 'invalid_request' ? issuesOf(error.details) : [];
  // A request refused as a whole (a reference of the wrong size, a remix the provider cannot do)
  // comes without a list: the server's own sentence is then the one thing to edit.
  const issues =
    listed.length || code !== 'invalid_request' || !error.message
      ? listed
      : [{ path: '', message: error.message }];
  return {
    message: errorText(code, t),
    issues: issues.map((issue) => issue.message),
    fields: issues.map((issue) => issue.path).filter((path) => path !== ''),
    ...(wait ? { retryAfterSeconds: wait } : {}),
    code,
  };
}
