import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideServe } from '../../src/media/serve-decision.js';

const info = (bytes: number) => ({ bytes, etag: '"abc"', lastModified: new Date('2026-01-01T00:00:00Z') });

/** RFC 9110 §14.1.2, written out plainly: the model the decision must agree with. */
function expected(size: number, first: number | null, last: number | null) {
  if (first === null) {
    if (last === null || last === 0) return { status: 416 };
    return { status: 206, start: Math.max(0, size - last), end: size - 1 };
  }
  if (last !== null && last < first) return { status: 200, start: 0, end: size - 1 };
  if (first >= size) return { status: 416 };
  return { status: 206, start: first, end: Math.min(last ?? size - 1, size - 1) };
}

describe('decideServe', () => {
  it('agrees with RFC 9110 on every single byte range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.option(fc.integer({ min: 0, max: 6000 })),
        fc.option(fc.integer({ min: 0, max: 6000 })),
        (size, first, last) => {
          fc.pre(first !== null || last !== null);
          const header = `bytes=${first ?? ''}-${last ?? ''}`;
          const decision = decideServe(info(size), { range: header });
          const want = expected(size, first, last);
          const model =
            want.status === 416
              ? { status: 416 }
              : { status: want.status, range: { start: want.start, end: want.end } };
          expect(decision).toEqual(model);
        },
      ),
    );
  });

  it('never answers a range outside the file', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.string({ maxLength: 40 }), (size, tail) => {
        const decision = decideServe(info(size), { range: `bytes=${tail}` });
        if (decision.status === 200 || decision.status === 206) {
          expect(decision.range.start).toBeGreaterThanOrEqual(0);
          expect(decision.range.end).toBeLessThan(size);
          expect(decision.range.start).toBeLessThanOrEqual(decision.range.end);
        }
      }),
    );
  });

  it('ignores the Range of a request whose If-Range no longer matches', () => {
    expect(decideServe(info(100), { range: 'bytes=0-9', ifRange: '"old"' })).toEqual({
      status: 200,
      range: { start: 0, end: 99 },
    });
  });
});
