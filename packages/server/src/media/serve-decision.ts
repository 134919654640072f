/**
 * The pure part of serving a blob like a CDN: given what is stored and the request's `Range`,
 * `If-None-Match`, `If-Modified-Since` and `If-Range`, decide the status and the bytes to send.
 * No I/O here, so every combination is unit-tested without sockets.
 */
import parseRange from 'range-parser';
import type { BlobInfo, ByteRange } from '../blobs/types.js';

/** The request headers that matter. */
export interface ServeRequest {
  range?: string | null;
  ifNoneMatch?: string | null;
  ifModifiedSince?: string | null;
  ifRange?: string | null;
}

/** What to answer. */
export type ServeDecision =
  | { status: 200; range: ByteRange }
  | { status: 206; range: ByteRange }
  | { status: 304 }
  | { status: 416 };

/**
 * Decides the response for a blob described by `info`.
 *
 * - `If-None-Match` (weak comparison, `*` included) wins over `If-Modified-Since` → 304.
 * - One `Range` (`bytes=a-b`, `a-`, `-n`) → 206; overlapping ranges are merged first; several
 *   disjoint ranges → the whole blob (200), since multipart/byteranges is rarely worth it for media.
 * - A malformed `Range` or a unit other than `bytes` is ignored (200), as RFC 9110 asks.
 * - An unsatisfiable range → 416.
 * - `If-Range` that does not match the current ETag (strongly) or Last-Modified (exactly) → 200.
 */
export function decideServe(
  info: Pick<BlobInfo, 'bytes' | 'etag' | 'lastModified'>,
  request: ServeRequest,
): ServeDecision {
  const whole: ByteRange = { start: 0, end: info.bytes - 1 };
  if (request.ifNoneMatch) {
    if (etagListMatches(request.ifNoneMatch, info.etag)) return { status: 304 };
  } else if (request.ifModifiedSince && notModifiedSince(info.lastModified, request.ifModifiedSince)) {
    return { status: 304 };
  }
  if (!request.range) return { status: 200, range: whole };
  if (request.ifRange && !ifRangeMatches(request.ifRange, info)) return { status: 200, range: whole };

  const header = normalizeRange(request.range, info.bytes);
  if (header === null) return { status: 200, range: whole };
  const ranges = parseRange(info.bytes, header, { combine: true });
  if (ranges === -1) return { status: 416 };
  if (ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) return { status: 200, range: whole };
  const [first] = ranges;
  if (!first) return { status: 200, range: whole };
  return { status: 206, range: { start: first.start, end: first.end } };
}

/**
 * Fixes two places where range-parser departs from RFC 9110 §14.1.1: a range whose last byte comes
 * before its first makes the whole header invalid (ignored → `null`), and a suffix longer than the
 * blob asks for all of it rather than nothing.
 */
function normalizeRange(header: string, size: number): string | null {
  const [unit, specs] = header.split('=', 2);
  if (unit?.trim() !== 'bytes' || specs === undefined) return null;
  const out: string[] = [];
  for (const raw of specs.split(',')) {
    const spec = raw.trim();
    const match = /^(\d*)-(\d*)$/.exec(spec);
    if (!match || (match[1] === '' && match[2] === '')) return null;
    const [, first = '', last = ''] = match;
    if (first !== '' && last !== '' && Number(last) < Number(first)) return null;
    out.push(first === '' && size > 0 && Number(last) > size ? `-${size}` : spec);
  }
  return `bytes=${out.join(',')}`;
}

/** Weak comparison against a list of entity tags, as `If-None-Match` uses. */
export function etagListMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const bare = stripWeak(etag);
  return header.split(',').some((candidate) => stripWeak(candidate.trim()) === bare);
}

function stripWeak(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}

/** `If-Range`: a strong ETag match, or an exact Last-Modified date match. */
function ifRangeMatches(header: string, info: Pick<BlobInfo, 'etag' | 'lastModified'>): boolean {
  const value = header.trim();
  if (value.startsWith('"') || value.startsWith('W/'))
    return value === info.etag && !info.etag.startsWith('W/');
  const date = Date.parse(value);
  return Number.isFinite(date) && date === seconds(info.lastModified);
}

function notModifiedSince(lastModified: Date, header: string): boolean {
  const date = Date.parse(header);
  return Number.isFinite(date) && seconds(lastModified) <= date;
}

/** HTTP dates have one-second precision. */
function seconds(date: Date): number {
  return Math.floor(date.getTime() / 1000) * 1000;
}
