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
  retryAfter?: number;
  /** The error code, exposed as `data-code` for styling and tests. */
  code: string;
}

function issuesOf(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details
    .map((d) => (typeof d === 'object' && d !== null && 'message' in d ? String(d.message) : ''))
    .filter((m) => m !== '');
}

/** Maps any thrown value to a remedy in the reader's language. */
export function remedyFor(error: unknown, t: SoraStrings): Remedy {
  if (!isSoraApiError(error)) return { message: t.errorUnknown, issues: [], code: 'unknown' };
  const code = error.code;
  switch (code) {
    case 'rate_limited':
      return { message: t.errorRateLimited, issues: [], retryAfter: error.retryAfter ?? 10, code };
    case 'quota_exceeded':
      return { message: t.errorQuota, issues: [], retryAfter: error.retryAfter, code };
    case 'moderation_blocked':
      return { message: t.errorModeration, issues: [], code };
    case 'network_error':
      return { message: t.errorNetwork, issues: [], code };
    case 'invalid_request':
    case 'payload_too_large':
    case 'unsupported_media_type': {
      const issues = issuesOf(error.details);
      return { message: issues.length ? t.errorInvalid : error.message, issues, code };
    }
    default:
      return { message: error.message || t.errorUnknown, issues: [], code };
  }
}
