import { expect, test } from 'vitest';
import { HttpError, toHttpError } from '../../src/http-error.js';
import { JobStateError, StartRefusedError } from '../../src/jobs/errors.js';
import { silentLogger } from '../../src/logger.js';
import { MediaInputError } from '../../src/media/errors.js';
import { ProviderError } from '../../src/providers/errors.js';

const logger = silentLogger();

test('contract errors keep their status and code; provider failures map to 502/503', () => {
  expect(toHttpError(new HttpError(409, 'conflict', 'no'), logger)).toMatchObject({
    status: 409,
    code: 'conflict',
  });
  expect(toHttpError(new MediaInputError(415, 'unsupported_media_type', 'png please'), logger)).toMatchObject(
    {
      status: 415,
      code: 'unsupported_media_type',
      message: 'png please',
    },
  );
  expect(toHttpError(new ProviderError('unavailable', 'ECONNRESET'), logger)).toMatchObject({
    status: 503,
    code: 'upstream_unavailable',
  });
  expect(toHttpError(new ProviderError('unauthorized', 'bad key'), logger)).toMatchObject({
    status: 502,
    code: 'upstream_error',
  });
});

test("an SDK's error with a status and its own code is internal, its message never shown", () => {
  const sdkError = Object.assign(new Error('Incorrect API key provided: sk-proj-abc123'), {
    status: 401,
    code: 'invalid_api_key',
  });
  const mapped = toHttpError(sdkError, logger);
  expect(mapped).toMatchObject({ status: 500, code: 'internal' });
  expect(mapped.message).not.toContain('sk-proj');
  const thrown = toHttpError(new TypeError('x is undefined'), logger);
  expect(thrown).toMatchObject({
    status: 500,
    code: 'internal',
    message: 'Something went wrong on the server.',
  });
});

test("the job engine's refusals answer 409 for a wrong state, 400 or 502/503 for a refused start", () => {
  expect(toHttpError(new JobStateError('Only a failed video can be retried.'), logger)).toMatchObject({
    status: 409,
    code: 'conflict',
    message: 'Only a failed video can be retried.',
  });
  const rejected = new StartRefusedError(new ProviderError('rejected', 'size not allowed', { status: 400 }));
  expect(toHttpError(rejected, logger)).toMatchObject({ status: 400, code: 'invalid_request' });
  const limited = new StartRefusedError(
    new ProviderError('rate_limited', 'slow down', { retryAfterMs: 2500 }),
  );
  expect(toHttpError(limited, logger)).toMatchObject({
    status: 503,
    code: 'upstream_unavailable',
    retryAfterSeconds: 3,
  });
});
