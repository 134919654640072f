/**
 * The fuzz suite's inputs and its one check, shared by the in-process run (security/fuzz.test.ts)
 * and the run against the demo started as a process (test/e2e/demo-fuzz.test.ts).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { bombJpeg, corruptJpeg, lyingPng, smallPng } from './images.js';

/** Sends one request to the server under test. */
export type Send = (url: string, init: RequestInit) => Response | Promise<Response>;

const TIMEOUT_MS = 10_000;
/** Requests checked so far. */
export const counted = { total: 0 };

/** Sends one request and checks the answer's shape; SSE streams are accepted and closed. */
export async function check(send: Send, base: string, path: string, init: RequestInit = {}): Promise<void> {
  let url: string;
  try {
    url = new URL(path, base).href;
  } catch {
    return; // not a URL any client could send
  }
  counted.total++;
  // A hang detector, not a wait: it only fails a request that never answers.
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(new Error(`no answer within ${TIMEOUT_MS} ms: ${init.method ?? 'GET'} ${path}`)),
      TIMEOUT_MS,
    ),
  );
  const res = await Promise.race([send(url, init), timeout]);
  const where = `${init.method ?? 'GET'} ${path.slice(0, 120)} → ${res.status}`;
  expect(res.status, where).toBeLessThan(500);
  const type = res.headers.get('content-type') ?? '';
  if (type.startsWith('text/event-stream')) {
    await res.body?.cancel();
    return;
  }
  // A HEAD answer has no body by definition; its status is what can be checked.
  if (res.status < 400 || init.method === 'HEAD') {
    await res.body?.cancel();
    return;
  }
  expect(type, where).toContain('application/json');
  const body = JSON.parse(await Promise.race([res.text(), timeout]));
  expect(typeof body.error?.code, where).toBe('string');
  expect(typeof body.error?.message, where).toBe('string');
  expect(JSON.stringify(body), where).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace
}

// Building blocks: some hostile, some plausible, so the fuzz reaches past the first check.
export const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
export const segment = fc.oneof(
  text.map((s) => encodeURIComponent(s)),
  fc.constantFrom('..', '%2e%2e', '%2f', '%00', '%ff', 'job_', 'a'.repeat(300), '%252e', '~', '.'),
  fc.stringMatching(/^job_[0-9A-Z]{26}$/),
);
export const queryValue = fc.oneof(
  text,
  fc.integer().map(String),
  fc.constantFrom('', '0', '1', '100', '101', '-1', 'video', 'true'),
);
export const query = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom('limit', 'cursor', 'variant', 'download', 'exp', 'sig', 'dl'), text),
      queryValue,
    ),
    {
      maxLength: 4,
    },
  )
  .map((pairs) => new URLSearchParams(pairs).toString());
export const field = fc.oneof(
  fc.jsonValue(),
  text,
  fc.constantFrom('sora-2', 'sora-2-pro', '1280x720', '720x1280', '4', '8', 'x'.repeat(5000)),
  fc.integer(),
  fc.double(),
);
export const createBody = fc.oneof(
  fc.record({ prompt: field, model: field, size: field, seconds: field }, { requiredKeys: [] }),
  fc.record({ prompt: text, extra: fc.jsonValue() }),
  fc.jsonValue(),
);
export const rawBody = fc.oneof(
  createBody.map((v) => JSON.stringify(v)),
  text,
  fc.constantFrom('', '{', 'null', '[]', '{"prompt":', '\u0000\u0001', '{"prompt":"a"}'.repeat(2000)),
);
export const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  '',
  'application/merge-patch+json',
);
export const headerValue = fc.string({ maxLength: 60 }).filter((s) => /^[\x20-\x7e]*$/.test(s));

/** Reference images an attacker would send: bombs, liars, garbage with image magic, and a real one. */
export async function hostileImages(): Promise<fc.Arbitrary<Uint8Array>> {
  const fixed = [await bombJpeg(), corruptJpeg(), lyingPng(), await smallPng()];
  return fc.oneof(
    fc.constantFrom(...fixed),
    // A real image cut short, and random bytes behind each format's magic.
    fc.nat({ max: fixed[3]!.length }).map((n) => fixed[3]!.slice(0, n)),
    fc
      .tuple(
        fc.constantFrom([0xff, 0xd8, 0xff], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        fc.uint8Array({ maxLength: 512 }),
      )
      .map(([magic, rest]) => new Uint8Array([...magic, ...rest])),
  );
}

/** A multipart create with a hostile image and plausible or hostile fields. */
export function imageForm(images: fc.Arbitrary<Uint8Array>) {
  return fc
    .tuple(
      images,
      fc.constantFrom('image/png', 'image/jpeg', 'image/webp', 'application/octet-stream'),
      fc.record(
        {
          prompt: fc.oneof(text, fc.constant('a picture')),
          size: fc.constantFrom('1280x720', '720x1280', 'x', '99999x99999'),
          seconds: fc.constantFrom('4', '8', '-1', 'x'),
        },
        { requiredKeys: ['prompt'] },
      ),
    )
    .map(([image, type, fields]) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append('input_reference', new Blob([image as Uint8Array<ArrayBuffer>], { type }), 'ref');
      return form;
    });
}
