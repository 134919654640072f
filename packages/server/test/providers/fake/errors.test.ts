import OpenAI, {
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
} from 'openai';
import { describe, expect, it } from 'vitest';
import { setup } from './helpers.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('fake OpenAI: errors in the real envelope, as the SDK classifies them', () => {
  it.each([
    [{ prompt: 'x', model: 'sora-3' }, 'model'],
    [{ prompt: 'x', size: '1792x1024' }, 'size'],
    [{ prompt: 'x', seconds: '5' }, 'seconds'],
    [{ prompt: '' }, 'prompt'],
  ])('answers 400 BadRequestError for %o naming param %s', async (body, param) => {
    const { client } = setup();
    const error = await rejection(client.videos.create(body as OpenAI.Videos.VideoCreateParams));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, param, type: 'invalid_request_error' });
  });

  it('answers 400 when the prompt is missing altogether', async () => {
    const { fake } = setup();
    const response = await fake.fetch('http://fake.local/v1/videos', {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
      body: '{"size":"1280x720"}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        message: "Missing required parameter: 'prompt'.",
        type: 'invalid_request_error',
        param: 'prompt',
        code: 'missing_required_parameter',
      },
    });
  });

  it('answers 400 to a malformed JSON body', async () => {
    const { fake } = setup();
    const response = await fake.fetch('http://fake.local/v1/videos', {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
      body: '{"prompt":',
    });
    expect(response.status).toBe(400);
  });

  it('answers 401 AuthenticationError to a wrong key without echoing it whole', async () => {
    const { fake } = setup();
    const client = new OpenAI({
      apiKey: 'sk-wrong-secret-key',
      baseURL: 'http://fake.local/v1',
      fetch: fake.fetch,
      maxRetries: 0,
    });
    const error = await rejection(client.videos.list());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).code).toBe('invalid_api_key');
    expect((error as Error).message).not.toContain('sk-wrong-secret-key');
  });

  it('always requires some Bearer token, even without a configured key', async () => {
    const { fake } = setup({ apiKey: undefined });
    const anonymous = await fake.fetch('http://fake.local/v1/videos');
    expect(anonymous.status).toBe(401);
    const any = await fake.fetch('http://fake.local/v1/videos', {
      headers: { authorization: 'Bearer whatever' },
    });
    expect(any.status).toBe(200);
  });

  it('answers 404 NotFoundError for an unknown video and an unknown route', async () => {
    const { fake, client } = setup();
    await expect(client.videos.retrieve('video_nope')).rejects.toBeInstanceOf(NotFoundError);
    const response = await fake.fetch('http://fake.local/v1/nothing', {
      headers: { authorization: 'Bearer sk-test' },
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      'Invalid URL (GET /v1/nothing)',
    );
  });

  it('fake:rate_limit answers 429 with Retry-After twice, then the SDK retry succeeds', async () => {
    const { fake, client } = setup({ faults: { retryAfterSeconds: 0 } }, 2);
    const video = await client.videos.create({ prompt: 'busy fake:rate_limit' });
    expect(video.status).toBe('queued');
    expect(fake.counters.get('POST /videos')).toBe(3);
  });

  it('fake:rate_limit without retries surfaces RateLimitError with the Retry-After header', async () => {
    const { client } = setup({ faults: { retryAfterSeconds: 7 } });
    const error = await rejection(client.videos.create({ prompt: 'fake:rate_limit' }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers.get('retry-after')).toBe('7');
  });

  it('serverErrorRate 1 makes every call a 500 InternalServerError; the SDK retries it', async () => {
    const { fake, client } = setup({ faults: { serverErrorRate: 1 } }, 1);
    await expect(client.videos.list()).rejects.toBeInstanceOf(InternalServerError);
    expect(fake.counters.get('GET /videos')).toBe(2);
  });

  it('a seeded serverErrorRate fails about that share of calls, repeatably', async () => {
    const { seededRandom } = await import('@sora-kit/server/testing');
    const statuses = async () => {
      const { fake } = setup({ faults: { serverErrorRate: 0.3, random: seededRandom(42) } });
      const out: number[] = [];
      for (let i = 0; i < 200; i++) {
        out.push(
          (await fake.fetch('http://fake.local/v1/videos', { headers: { authorization: 'Bearer sk-test' } }))
            .status,
        );
      }
      return out;
    };
    const first = await statuses();
    const share = first.filter((status) => status === 500).length / first.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
    expect(await statuses()).toEqual(first);
  });

  it('cut downloads break off mid-body: the consumer sees an error, not a short file', async () => {
    const { fake, client } = setup({ faults: { cutDownloadRate: 1 } });
    const { id } = await client.videos.create({ prompt: 'cut' });
    await fake.advance(12_000);
    const response = await client.videos.downloadContent(id);
    await expect(response.arrayBuffer()).rejects.toThrow();
  });
});

describe('fake OpenAI: request ids and targeted faults', () => {
  it('answers every call with an x-request-id the SDK exposes', async () => {
    const { fake, client } = setup();
    const video = await client.videos.create({ prompt: 'ids' });
    expect(video._request_id).toMatch(/^req_[0-9a-f]{32}$/);
    await fake.advance(12_000);
    const { response } = await client.videos.downloadContent(video.id).withResponse();
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    const error = await rejection(client.videos.retrieve('video_missing'));
    expect((error as NotFoundError).requestID).toMatch(/^req_/);
  });

  it('limits faults to the routes named', async () => {
    const { fake, client } = setup({ faults: { serverErrorRate: 1, routes: ['GET /videos/:id/content'] } });
    const { id } = await client.videos.create({ prompt: 'only downloads fail' });
    await fake.advance(12_000);
    expect((await client.videos.retrieve(id)).status).toBe('completed');
    await expect(client.videos.downloadContent(id)).rejects.toBeInstanceOf(InternalServerError);
  });
});
