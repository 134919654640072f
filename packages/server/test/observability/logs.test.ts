/**
 * The handler's log output as an operator reads it: JSON lines (pino), each about a request carrying
 * its request id and each about a job carrying the job id; the provider key and the signing secret
 * never appear, even when an upstream error or a host hook echoes them; prompts stay below `info`.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { openaiProvider } from '../../src/providers/openai.js';
import { createFakeOpenAI } from '../../src/testing.js';
import { createHarness, SECRET } from '../security/support/handler.js';

const API_KEY = 'sk-proj-LOGCHECK-a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6';
const PROMPT = 'PROMPTMARKER-otter-on-a-bicycle';

interface Line {
  level: number;
  msg: string;
  requestId?: string;
  jobId?: string;
  [field: string]: unknown;
}

/** A pino logger at debug writing into memory, as a host would pass it. */
function jsonLogs() {
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      raw.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  return { logger, raw, lines: () => raw.map((text) => JSON.parse(text) as Line) };
}

/** An OpenAI provider over the fake; `echo` makes every call fail with the key in the message. */
function provider(options: { echo?: boolean } = {}) {
  const fake = createFakeOpenAI({
    apiKey: API_KEY,
    generationSeconds: 1,
    now: () => Date.UTC(2026, 10, 24, 12, 0),
  });
  const echo = async (_input: RequestInfo | URL, init?: RequestInit) => {
    const auth = new Headers(init?.headers).get('authorization') ?? '';
    const message = `proxy refused ${auth} (key ${API_KEY})`;
    return Response.json({ error: { message, type: 'invalid_request_error', code: null } }, { status: 400 });
  };
  return {
    fake,
    provider: openaiProvider({
      apiKey: API_KEY,
      baseURL: 'http://fake.local/v1',
      fetch: options.echo ? echo : fake.fetch,
      maxRetries: 0,
    }),
  };
}

function post(path: string, body: unknown, requestId?: string): Request {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (requestId) headers['x-request-id'] = requestId;
  return new Request(`http://localhost${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

describe('JSON logs', () => {
  it('carry the request id on request lines and the job id on every line about a job', async () => {
    const logs = jsonLogs();
    const { fake, provider: openai } = provider();
    const h = createHarness({ provider: openai, limits: false, quotas: false, logger: logs.logger });
    const res = await h.app.request(post('/videos', { prompt: `${PROMPT} ok` }, 'req-7f3a-create'));
    expect(res.status).toBe(202);
    expect(res.headers.get('x-request-id')).toBe('req-7f3a-create');
    const { jobId } = (await res.json()) as { jobId: string };
    await fake.advance(5_000);
    await h.settle();
    await h.settle();

    const lines = logs.lines();
    const created = lines.find((l) => l.msg === 'job created');
    expect(created).toMatchObject({ requestId: 'req-7f3a-create', jobId, level: 30 });
    expect(lines.find((l) => l.msg === 'job completed')).toMatchObject({ jobId });
    const request = lines.find((l) => l.msg === 'request' && l.requestId === 'req-7f3a-create');
    expect(request).toMatchObject({ method: 'POST', status: 202, level: 20 });
    // Every line mentioning the job names it in the jobId field, where log search looks.
    const aboutJob = logs.raw.filter((text) => text.includes(jobId)).map((text) => JSON.parse(text) as Line);
    expect(aboutJob.length).toBeGreaterThan(2);
    for (const line of aboutJob) expect(line.jobId, line.msg).toBe(jobId);
    await h.close();
  });

  it('replace an unusable incoming request id with a fresh one', async () => {
    const logs = jsonLogs();
    const h = createHarness({ logger: logs.logger });
    const res = await h.app.request('/capabilities', {
      headers: { 'x-request-id': `a b "c" ${'x'.repeat(200)}` },
    });
    const id = res.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(logs.lines().find((l) => l.msg === 'request')?.requestId).toBe(id);
    await h.close();
  });

  it('hold neither the provider key nor the signing secret when errors echo them', async () => {
    const logs = jsonLogs();
    const { provider: openai } = provider({ echo: true });
    const h = createHarness({
      provider: openai,
      limits: false,
      quotas: false,
      logger: logs.logger,
      hooks: {
        beforeCreate({ input }) {
          if (input.prompt.includes('hook')) throw new Error(`host hook failed with secret ${SECRET}`);
          return undefined;
        },
      },
    });
    const res = await h.app.request(post('/videos', { prompt: `${PROMPT} ok` }, 'req-echo'));
    expect(res.status).toBeGreaterThanOrEqual(400);
    const hooked = await h.app.request(post('/videos', { prompt: 'hook' }, 'req-hook'));
    expect(hooked.status).toBe(500);
    const text = logs.raw.join('\n');
    expect(text).toContain('proxy refused'); // the upstream message was logged…
    expect(text).toContain('host hook failed'); // …and so was the hook's error
    for (const secret of [API_KEY, SECRET]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(secret.slice(0, 16));
      expect(text).not.toContain(secret.slice(-16));
    }
    expect(text).not.toMatch(/Bearer\s+(?!\[redacted\])/);
    await h.close();
  });

  it('keep prompts out of every line above debug', async () => {
    const logs = jsonLogs();
    const { fake, provider: openai } = provider();
    const h = createHarness({ provider: openai, limits: false, quotas: false, logger: logs.logger });
    await h.app.request(post('/videos', { prompt: `${PROMPT} ok` }));
    await h.app.request(post('/videos', { prompt: `${PROMPT} fake:failed` }));
    await fake.advance(5_000);
    await h.settle();
    const loud = logs.lines().filter((l) => l.level > 20);
    expect(loud.length).toBeGreaterThan(0);
    for (const line of loud) expect(JSON.stringify(line)).not.toContain('PROMPTMARKER');
    await h.close();
  });
});
