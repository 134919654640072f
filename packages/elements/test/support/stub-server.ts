/**
 * A tiny in-memory stand-in for the sora-kit handler behind a `fetch` function: enough of the
 * contract (create, list, get, capabilities, media links, the `/events` stream) to drive the real
 * job store in integration tests, with the test pushing job changes down the event stream.
 */
import type { Job } from '@sora-kit/core';
import { capabilities, makeJob } from './fake-store.js';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Creates the stub; `fetch` goes to `createJobStore({ fetch })`. */
export function createStubServer(options: { videoUrl: string }) {
  const jobs: Job[] = [];
  const streams = new Set<ReadableStreamDefaultController<Uint8Array>>();
  const encoder = new TextEncoder();
  let seq = 0;
  let created = 0;
  /** Set it to refuse the next creates, as a rate limit or a busy provider does. */
  let refusal: { status: number; code: string; retryAfterSeconds: number } | undefined;

  const push = (job: Job) => {
    const index = jobs.findIndex((j) => j.jobId === job.jobId);
    if (index >= 0) jobs[index] = job;
    else jobs.unshift(job);
    seq += 1;
    const frame = encoder.encode(`event: job\nid: ${seq}\ndata: ${JSON.stringify(job)}\n\n`);
    for (const stream of streams) stream.enqueue(frame);
  };

  const events = () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          streams.add(controller);
        },
        cancel() {
          streams.clear();
        },
      }),
      { headers: { 'content-type': 'text/event-stream' } },
    );

  async function route(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname.replace(/^\/api\/sora/, '');
    if (path === '/capabilities') return json(capabilities);
    if (path === '/events') return events();
    if (path === '/videos' && request.method === 'POST' && refusal) {
      const { status, code, retryAfterSeconds } = refusal;
      return new Response(JSON.stringify({ error: { code, message: `refused: ${code}` } }), {
        status,
        headers: { 'content-type': 'application/json', 'retry-after': String(retryAfterSeconds) },
      });
    }
    if (path === '/videos' && request.method === 'POST') {
      const body = (await request.json()) as { prompt: string; size: string; seconds: number };
      created += 1;
      const job = makeJob({ ...body, jobId: `job_${created}`, status: 'queued', progress: 0 });
      jobs.unshift(job);
      return json(job, 202);
    }
    if (path === '/videos') return json({ items: jobs, nextCursor: null });
    const media = /^\/videos\/([^/]+)\/media$/.exec(path);
    if (media)
      return json({ url: options.videoUrl, expiresAt: new Date(Date.now() + 900_000).toISOString() });
    const one = /^\/videos\/([^/]+)$/.exec(path);
    const job = one && jobs.find((j) => j.jobId === one[1]);
    if (job) return json(job);
    return json({ error: { code: 'not_found', message: 'No such job' } }, 404);
  }

  return {
    jobs,
    push,
    refuse(next: typeof refusal) {
      refusal = next;
    },
    fetch: (input: RequestInfo | URL, init?: RequestInit) => route(new Request(input, init)),
  };
}
