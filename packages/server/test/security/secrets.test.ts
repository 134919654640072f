/**
 * Secrets stay secret: the provider key, the signing secret and the webhook secret never appear in
 * a response (body or header), an error envelope or a log line, through successes and every kind of
 * failure; prompts are never logged above `debug`; the elements bundle carries no secret.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import type { FakeFaults } from '../../src/providers/fake-kit/faults.js';
import { openaiProvider } from '../../src/providers/openai.js';
import { createFakeOpenAI } from '../../src/testing.js';
import { jarClient } from './support/client.js';
import { createHarness, type Harness, SECRET } from './support/handler.js';

const API_KEY = 'sk-proj-LEAKCHECK-a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6';
const WRONG_KEY = 'sk-proj-WRONGKEY-q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6';
const WEBHOOK_SECRET = `whsec_${Buffer.from('webhook-secret-LEAKCHECK-0123456789').toString('base64')}`;
const PROMPT_MARKER = 'PROMPTMARKER-zebra-in-a-tuxedo';
const SECRETS = [API_KEY, WRONG_KEY, SECRET, WEBHOOK_SECRET];

/** A secret leaks when it appears whole, or when a long piece of it does (a truncated echo). */
function leaked(text: string): string[] {
  return SECRETS.filter(
    (s) => text.includes(s) || text.includes(s.slice(0, 16)) || text.includes(s.slice(-16)),
  );
}

async function transcript(res: Response): Promise<string> {
  const headers = [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') || type.includes('text') ? await res.text() : '';
  if (!body) await res.body?.cancel();
  return `${res.status}\n${headers}\n${body}`;
}

function harnessWith(apiKey: string, faults: FakeFaults = {}): Harness {
  const fake = createFakeOpenAI({
    apiKey: API_KEY,
    generationSeconds: 1,
    // The handler clock of the harness starts at 12:00 that day; earlier, every copy would be expired.
    now: () => Date.UTC(2026, 10, 24, 12, 0),
    faults,
  });
  const provider = openaiProvider({
    apiKey,
    baseURL: 'http://fake.local/v1',
    fetch: fake.fetch,
    webhookSecret: WEBHOOK_SECRET,
    maxRetries: 0,
  });
  return Object.assign(createHarness({ provider, limits: false, quotas: false }), { fake });
}

async function scenario(h: Harness): Promise<string[]> {
  const client = jarClient(h.app);
  const out: string[] = [];
  const record = async (res: Promise<Response>) => {
    out.push(await transcript(await res));
  };
  await record(client.json('/videos', { prompt: `${PROMPT_MARKER} ok` }));
  await record(client.json('/videos', { prompt: `${PROMPT_MARKER} fake:failed` }));
  await record(client.json('/videos', { prompt: `${PROMPT_MARKER} fake:moderation_blocked` }));
  await record(client.json('/videos', { prompt: `${PROMPT_MARKER} fake:rate_limit` }));
  await record(client.json('/videos', { prompt: PROMPT_MARKER, model: 'nope' }));
  await record(
    client.request('/videos', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
  );
  await record(client.request('/webhooks/openai', { method: 'POST', body: '{"forged":true}' }));
  const fake = (h as Harness & { fake: ReturnType<typeof createFakeOpenAI> }).fake;
  await fake.advance(5_000);
  await h.settle();
  await h.settle();
  const page = await (await client.request('/videos?limit=100')).json();
  for (const job of page.items as { jobId: string; status: string }[]) {
    await record(client.request(`/videos/${job.jobId}`));
    await record(client.request(`/videos/${job.jobId}/media`));
    if (job.status === 'failed')
      await record(client.request(`/videos/${job.jobId}/retry`, { method: 'POST' }));
    if (job.status === 'completed')
      await record(client.json(`/videos/${job.jobId}/remix`, { prompt: PROMPT_MARKER }));
  }
  await record(client.request('/capabilities'));
  await record(client.request('/metrics'));
  await record(client.request('/health'));
  return out;
}

describe('secrets never leave the server', () => {
  it('stay out of responses and logs in a run with successes and failures', async () => {
    const h = harnessWith(API_KEY);
    const responses = await scenario(h);
    const logs = h.logs.map((l) => `${l.level} ${l.message} ${JSON.stringify(l.fields ?? {})}`);
    expect(responses.join('\n')).toContain('completed'); // the run did real work
    expect(leaked(responses.join('\n'))).toEqual([]);
    expect(leaked(logs.join('\n'))).toEqual([]);
    await h.close();
  });

  it('stay out of responses and logs when the provider refuses the key (401 upstream)', async () => {
    const h = harnessWith(WRONG_KEY);
    const responses = await scenario(h);
    const text = responses.join('\n');
    expect(text).toContain('upstream_error'); // the failure path really ran
    expect(leaked(text)).toEqual([]);
    expect(leaked(h.logs.map((l) => `${l.message} ${JSON.stringify(l.fields ?? {})}`).join('\n'))).toEqual(
      [],
    );
    await h.close();
  });

  it('stay out of responses and logs when the provider answers 500s and 429s', async () => {
    const h = harnessWith(API_KEY, { serverErrorRate: 0.5, rateLimitRate: 0.3, random: seeded(7) });
    const responses = await scenario(h);
    expect(leaked(responses.join('\n'))).toEqual([]);
    expect(leaked(h.logs.map((l) => `${l.message} ${JSON.stringify(l.fields ?? {})}`).join('\n'))).toEqual(
      [],
    );
    await h.close();
  });

  it('stay out of responses and logs when an upstream error echoes the key back in full', async () => {
    const echo = async (input: RequestInfo | URL, init?: RequestInit) => {
      const auth = new Headers(init?.headers).get('authorization') ?? '';
      const message = `proxy refused ${auth} (key ${API_KEY})`;
      void input;
      return new Response(JSON.stringify({ error: { message, type: 'invalid_request_error', code: null } }), {
        status: 400,
        headers: { 'content-type': 'application/json' },
      });
    };
    const provider = openaiProvider({
      apiKey: API_KEY,
      baseURL: 'http://proxy.local/v1',
      fetch: echo,
      maxRetries: 0,
    });
    const h = createHarness({ provider, limits: false, quotas: false });
    const res = await jarClient(h.app).json('/videos', { prompt: 'x' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    const answer = await transcript(res);
    expect(leaked(answer)).toEqual([]);
    const logs = h.logs.map((l) => `${l.message} ${JSON.stringify(l.fields ?? {})}`).join('\n');
    expect(logs).toContain('proxy refused'); // the upstream message was logged, redacted
    expect(leaked(logs)).toEqual([]);
    await h.close();
  });

  it('never logs a prompt above debug', async () => {
    const h = harnessWith(API_KEY, { serverErrorRate: 0.3, random: seeded(3) });
    await scenario(h);
    const loud = h.logs.filter((l) => l.level !== 'debug');
    expect(loud.length).toBeGreaterThan(0);
    for (const line of loud)
      expect(`${line.message} ${JSON.stringify(line.fields ?? {})}`).not.toContain('PROMPTMARKER');
    await h.close();
  });
});

describe('the elements bundle', () => {
  it('holds no secret, reads no environment and pulls in no server code', async () => {
    const entry = fileURLToPath(new URL('../../../elements/src/index.ts', import.meta.url));
    const output = await build({
      logLevel: 'silent',
      configFile: false,
      mode: 'production',
      build: { write: false, minify: false, lib: { entry, formats: ['es'], fileName: 'elements' } },
    });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) =>
      'output' in o ? o.output : [],
    );
    const code = chunks.map((c) => ('code' in c ? c.code : '')).join('\n');
    expect(code).toContain('sora-prompt'); // the real bundle
    for (const forbidden of [
      'whsec_',
      'sk-fake',
      'OPENAI_API_KEY',
      'SORA_KIT_SECRET',
      'process.env',
      'createSoraHandler',
    ]) {
      expect(code, forbidden).not.toContain(forbidden);
    }
    expect(code).not.toMatch(/sk-[A-Za-z0-9_-]{20,}/);
    expect(code).not.toMatch(/(from\s*|import\(\s*|require\(\s*)["']node:/);
  }, 60_000);
});

/** A small repeatable random source (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
