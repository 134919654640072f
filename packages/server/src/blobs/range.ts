/** Range arithmetic shared by the blob drivers. */
import type { ByteRange } from './types.js';

/**
 * Clamps an inclusive range to a blob of `size` bytes. A range starting past the end yields an
 * empty range (`end < start`); callers that serve HTTP check satisfiability before asking.
 *
 * @throws RangeError when the range is malformed (negative, non-integer, or end before start).
 */
export function clampRange(range: ByteRange | undefined, size: number): ByteRange {
  if (!range) return { start: 0, end: size - 1 };
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError('Invalid byte range');
  }
  return { start: Math.min(start, size), end: Math.min(end, size - 1) };
}

/** The number of bytes in a clamped range. */
export function rangeLength(range: ByteRange): number {
  return Math.max(0, range.end - range.start + 1);
}
