// A running sora-kit handler (poller on, default file storage, three variants copied) over the
// fake OpenAI on a clock that may run `speed` times faster than the wall clock, with or without
// webhooks, and a browser session to create jobs and watch them over SSE.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadServer, loadTesting, SECRET } from './harness.mjs';

const WEBHOOK_SECRET = `whsec_${Buffer.from('sora-kit-bench-webhook-secret-0123').toString('base64')}`;

export async function liveHandler({ generationSeconds, speed = 1, webhooks = false }) {
  const { createSoraHandler, fakeProvider } = await loadServer();
  const { createFakeOpenAI } = await loadTesting();
  const origin = Date.now();
  const now = () => origin + (Date.now() - origin) * speed;
  let handler;
  const fake = createFakeOpenAI({
    apiKey: 'sk-fake',
    generationSeconds,
    now,
    ...(webhooks
      ? {
          webhook: {
            url: 'http://bench.local/webhooks/fake',
            secret: WEBHOOK_SECRET,
            fetch: (r) => handler.fetch(r),
          },
          sweepIntervalMs: 5,
        }
      : {}),
  });
  // Provider-side completion instants by prompt: the fake completes a video `generationSeconds`
  // after it accepted the create (taken before the call, so latencies are never flattered).
  const completesAt = new Map();
  const observed = Object.create(fake);
  observed.fetch = async (input, init) => {
    const request = input instanceof Request && !init ? input : new Request(input, init);
    if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/videos')) {
      const sent = Date.now();
      const form = await request
        .clone()
        .formData()
        .catch(() => undefined);
      const prompt =
        form?.get('prompt') ??
        (
          await request
            .clone()
            .json()
            .catch(() => ({}))
        ).prompt;
      if (prompt) completesAt.set(prompt, sent + (generationSeconds * 1000) / speed);
    }
    return fake.fetch(request);
  };
  const dataDir = await mkdtemp(join(tmpdir(), 'sora-bench-live-'));
  handler = createSoraHandler({
    provider: fakeProvider({
      fake: observed,
      ...(webhooks ? { provider: { webhookSecret: WEBHOOK_SECRET } } : {}),
    }),
    secret: SECRET,
    logger: false,
    limits: false,
    quotas: false,
    // The 100-watcher figure watches one job of one identity from 100 streams: above the default
    // cap of 20 streams per identity, which is not what this benchmark measures.
    maxEventStreamsPerIdentity: 1000,
    dataDir,
    now: () => new Date(now()),
    polling: { leaseSettleMs: 0, tickMs: Math.max(5, Math.round(500 / speed)) },
    ...(webhooks ? { webhooks: { enabled: true } } : {}),
  });
  handler.startPolling();
  const session = (await handler.request('/capabilities')).headers.get('set-cookie').split(';')[0];
  const headers = { cookie: session };
  return {
    handler,
    fake,
    completesAt,
    async create(prompt) {
      const response = await handler.request('/videos', {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ prompt }),
      });
      if (response.status !== 202) throw new Error(`create answered ${response.status}`);
      return (await response.json()).jobId;
    },
    /** Opens an SSE stream; `onEvent(event, data)` for each event; resolves to its closer. */
    async watch(path, onEvent) {
      const controller = new AbortController();
      const response = await handler.request(path, { headers, signal: controller.signal });
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      const done = (async () => {
        const decoder = new TextDecoder();
        let buffer = '';
        try {
          for await (const chunk of response.body) {
            buffer += decoder.decode(chunk, { stream: true });
            let end = buffer.indexOf('\n\n');
            while (end >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const event = /^event: ?(.*)$/m.exec(block)?.[1];
              const data = /^data: ?(.*)$/m.exec(block)?.[1];
              if (event && data) onEvent(event, JSON.parse(data));
              end = buffer.indexOf('\n\n');
            }
          }
        } catch {
          // closed
        }
      })();
      return async () => {
        controller.abort();
        await response.body.cancel().catch(() => {});
        await done;
      };
    },
    async close() {
      await handler.close();
      fake.close?.();
      await fake.idle();
      // A refresh or delivery still finishing may write as the folder goes: retry, then leave it.
      await rm(dataDir, { recursive: true, force: true, maxRetries: 5 }).catch(() => {});
    },
  };
}
